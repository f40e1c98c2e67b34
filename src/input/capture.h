// Browser captures that carry a SAMLResponse POST: HAR 1.2 files and
// SAML-tracer exports. Internal.
#pragma once

#include <optional>

#include "input/artifacts.h"
#include "input/json_reader.h"

namespace samlint::input {

/// The SAMLResponse POSTs of a HAR capture ({"log":{"entries":[...]}}), one
/// part per entry, pointer "/log/entries/i"; an error when it holds none.
/// nullopt when `root` is not a HAR capture.
std::optional<SplitInput> SplitHar(const Json& root);

/// The SAMLResponse POSTs of a SAML-tracer export ({"requests":[...]}), one
/// part per request, pointer "/requests/i", capture_time the export's time;
/// an error when it holds none. nullopt when `root` is not such an export.
std::optional<SplitInput> SplitSamlTracer(const Json& root);

}  // namespace samlint::input
