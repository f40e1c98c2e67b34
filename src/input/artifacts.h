// Inputs that carry SAML responses inside something else: browser captures
// (HAR, SAML-tracer: input/capture.h), STS requests (AWS CLI JSON, AWS Query,
// Alibaba API parameters: input/sts_request.h), and audit events (CloudTrail,
// ActionTrail: input/audit_events.h). SplitArtifact tells them apart. Internal
// to the library (the pipeline, the fuzz harnesses and the tests use it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/artifact_part.h"
#include "samlint/limits.h"
#include "samlint/scenario.h"
#include "samlint/timestamp.h"

namespace samlint {

/// Detects artifacts by content (JSON, JSON Lines, gzip, query strings) and
/// splits them into parts. Never throws; work is bounded by `limits`
/// (inflated-bytes, json-nodes) and linear in the input.
SplitInput SplitArtifact(std::string_view bytes, const Limits& limits = {});

}  // namespace samlint
