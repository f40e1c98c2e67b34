// Browser captures that carry a SAMLResponse POST: HAR 1.2 files and
// SAML-tracer exports. Internal.
#pragma once

#include <cstddef>
#include <optional>

#include "input/artifact_part.h"
#include "input/json_reader.h"

namespace samlint::input {

/// What SplitHar and StreamHar say about a HAR capture without a SAMLResponse POST.
inline constexpr const char* kHarWithoutSaml = "the HAR capture holds no SAMLResponse POST and no STS call";

/// The part of one HAR entry (an element of log.entries, at `index`) when it
/// POSTs a SAMLResponse (form params or body text) or is an STS call (AWS
/// Query / Alibaba Cloud RPC parameters in a POST body or the URL's query);
/// nullopt otherwise. Reads only startedDateTime and request.method, .url and
/// .postData.
std::optional<ArtifactPart> HarEntryPart(const Json& entry, std::size_t index);

/// The SAMLResponse POSTs and STS calls of a HAR capture ({"log":{"entries":[...]}}), one
/// part per entry, pointer "/log/entries/i"; an error when it holds none.
/// nullopt when `root` is not a HAR capture.
std::optional<SplitInput> SplitHar(const Json& root);

/// The SAMLResponse POSTs of a SAML-tracer export ({"requests":[...]}), one
/// part per request, pointer "/requests/i", capture_time the export's time;
/// an error when it holds none. nullopt when `root` is not such an export.
std::optional<SplitInput> SplitSamlTracer(const Json& root);

}  // namespace samlint::input
