// Splits inputs that carry SAML responses or STS calls inside something else:
// HAR captures, SAML-tracer exports, STS requests (AWS CLI JSON, AWS Query,
// Alibaba Cloud API parameters) and audit events (CloudTrail, ActionTrail).
#include "input/artifacts.h"

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "input/audit_events.h"
#include "input/capture.h"
#include "input/gzip.h"
#include "input/json_reader.h"
#include "input/sts_request.h"
#include "input/text.h"

namespace samlint {
namespace input {
namespace {

SplitInput Unrecognised(std::string error = {}) {
  SplitInput result;
  result.error = std::move(error);
  return result;
}

// What one input may cost, and what it has cost so far.
struct Reading {
  const Limits& limits;
  JsonBudget json;
  std::size_t inflated = 0;
};

// The input reached the limit `name`: nothing more is read from it.
SplitInput LimitReached(const Reading& reading, std::string_view name, std::string what) {
  SplitInput result;
  result.error =
      std::move(what) + "; samlint stopped reading it at " + LimitHint(reading.limits, name) + ".";
  result.limit = std::string(name);
  return result;
}

SplitInput JsonLimitReached(const Reading& reading) {
  return LimitReached(
      reading, "json-nodes",
      "The input holds more than " + std::to_string(reading.limits.json_nodes) + " JSON values");
}

SplitInput SplitJson(std::string_view text, Reading& reading) {
  if (NestedTooDeep(text)) {
    return Unrecognised("the JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                        " levels deep; refused");
  }
  Json root;
  if (!ParseJson(text, root, reading.json)) {
    if (reading.json.exceeded) {
      return JsonLimitReached(reading);
    }
    if (text.front() == '{') {
      // The failed whole-text parse counted values that the lines count again.
      reading.json.used = 0;
      auto lines = SplitJsonLines(text, reading.json);
      if (reading.json.exceeded) {
        return JsonLimitReached(reading);
      }
      if (lines) {
        return std::move(*lines);
      }
    }
    return Unrecognised("the input starts like JSON but is not valid JSON; it may be truncated");
  }
  std::optional<SplitInput> result;
  if (root.is_object()) {
    for (const auto& splitter : {SplitHar, SplitSamlTracer}) {
      if ((result = splitter(root))) {
        return std::move(*result);
      }
    }
    if (!(result = SplitTrail(root, reading.json))) {
      result = SplitStsJson(root);
    }
  } else if (root.is_array()) {
    result = SplitTrail(root, reading.json);
  }
  if (reading.json.exceeded) {
    return JsonLimitReached(reading);
  }
  return result ? std::move(*result) : Unrecognised();
}

SplitInput SplitText(std::string_view bytes, bool allow_gzip, Reading& reading) {
  if (IsGzip(bytes)) {
    if (!allow_gzip) {
      return Unrecognised("the gzip data holds another gzip stream; only one level is read");
    }
    std::string inflated;
    const InflateStatus status = InflateGzip(bytes, reading.limits.inflated_bytes, inflated);
    reading.inflated =
        status == InflateStatus::kTooLarge ? reading.limits.inflated_bytes : inflated.size();
    switch (status) {
      case InflateStatus::kTooLarge:
        return LimitReached(reading, "inflated-bytes",
                            "The gzip data inflates to more than " +
                                std::to_string(reading.limits.inflated_bytes) + " bytes");
      case InflateStatus::kCorrupt:
        return Unrecognised("the gzip data is corrupt or truncated");
      case InflateStatus::kOk:
        break;
    }
    SplitInput inner = SplitText(inflated, /*allow_gzip=*/false, reading);
    if (inner.kind.empty() && inner.error.empty()) {
      inner.error =
          "the gzip data holds no HAR capture, SAML-tracer export, STS request or "
          "CloudTrail/ActionTrail events";
    }
    return inner;
  }
  const std::string_view text = StripBomAndSpace(bytes);
  if (text.empty()) {
    return Unrecognised();
  }
  if (text.front() == '{' || text.front() == '[') {
    return SplitJson(text, reading);
  }
  if (auto query = SplitStsQuery(text)) {
    return std::move(*query);
  }
  return Unrecognised();
}

}  // namespace
}  // namespace input

SplitInput SplitArtifact(std::string_view bytes, const Limits& limits) {
  try {
    input::Reading reading{limits, input::JsonBudget{limits.json_nodes}};
    SplitInput result = input::SplitText(bytes, /*allow_gzip=*/true, reading);
    result.inflated_bytes = reading.inflated;
    result.json_values = reading.json.used;
    return result;
  } catch (const std::exception&) {
    return input::Unrecognised("the input could not be read as an artifact");
  } catch (...) {
    return input::Unrecognised("the input could not be read as an artifact");
  }
}

}  // namespace samlint
