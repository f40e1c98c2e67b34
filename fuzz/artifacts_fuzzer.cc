// Artifact readers (HAR and SAML-tracer captures, STS requests, CloudTrail and
// ActionTrail events; JSON, JSON Lines, gzip, query strings) through
// SplitArtifact, then the recognised ones through CheckInput; HAR captures
// also through the streaming reader.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "input/artifacts.h"
#include "input/har_stream.h"
#include "invariants.h"
#include "samlint/check.h"

using samlint::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const samlint::SplitInput split = samlint::SplitArtifact(bytes);
  if (split.kind.empty()) {
    Require(split.parts.empty(), "input that is no artifact has no parts");
    return 0;
  }
  Require(split.kind == "har" || split.kind == "saml-tracer" || split.kind == "sts-request" ||
              split.kind == "cloudtrail" || split.kind == "actiontrail",
          "artifact kind is one of the documented ones");
  for (const samlint::ArtifactPart& part : split.parts) {
    Require(part.pointer.empty() || part.pointer.front() == '/',
            "a part's pointer is a JSON Pointer");
  }
  if (split.kind == "har") {
    // A capture too large to hold is read as a stream (input/har_stream.h).
    std::istringstream in{std::string(bytes)};
    const std::optional<samlint::SplitInput> streamed = samlint::input::StreamHar(in, {});
    for (std::size_t i = 0; streamed && i < streamed->parts.size(); ++i) {
      Require(streamed->parts[i].pointer.starts_with("/log/entries/"),
              "a streamed HAR part points at an entry");
    }
  }
  const samlint::CheckOptions options = samlint::fuzz::FixedOptions();
  samlint::fuzz::CheckResultInvariants(samlint::CheckInput("artifact", bytes, options));
  return 0;
}
