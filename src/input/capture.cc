// Shapes (checked against the producers' own output):
// - HAR 1.2: {"log":{"entries":[{"startedDateTime", "request":{"method",
//   "url", "postData":{"mimeType", "params":[{"name","value"}], "text"}}}]}}.
//   Chrome keeps params values percent-encoded, Firefox decoded; both decode
//   the same way here because base64 never holds '%' or a space.
// - SAML-tracer (simplesamlphp/SAML-tracer, src/SAMLTraceIO.js exportRequests):
//   {"requests":[{"method","url","requestId","requestHeaders","post":[[name,
//   value],...],"saml":"<decoded XML>",...}],"timestamp":"<export time>"};
//   before 1.0 (chrome/samltrace/content/SAMLTraceIO.js) the same with
//   "timestamp": Date.now() in milliseconds. Requests carry no time of their
//   own, so capture_time is the export's timestamp. The "hash"/"obfuscate"
//   export profiles replace every post value by "{hash:...}" / "{obf:...}"
//   but keep "saml", so that is the fallback.
#include "input/capture.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "input/form_fields.h"
#include "input/sts_request.h"
#include "input/text.h"
#include "samlint/timestamp.h"

namespace samlint::input {
namespace {

bool IsRedactedTracerValue(std::string_view value) {
  return value.empty() || value.starts_with("{hash:") || value.starts_with("{obf:") ||
         value == "{overwritten}";
}

}  // namespace

std::optional<ArtifactPart> HarEntryPart(const Json& entry, std::size_t index) {
  const Json* request = ObjectMember(&entry, "request");
  const std::string method = StringMember(request, "method");
  const std::string url = StringMember(request, "url");
  const Json* post_data = ObjectMember(request, "postData");
  const std::string text = StringMember(post_data, "text");
  ArtifactPart part;
  part.pointer = "/log/entries/" + std::to_string(index);
  part.capture_url = url;
  part.capture_time = StringMember(&entry, "startedDateTime");
  if (EqualsNoCase(method, "POST")) {
    std::optional<std::string> saml;
    if (const Json* params = ArrayMember(post_data, "params")) {
      for (const Json& param : *params) {
        if (param.is_object() && StringMember(&param, "name") == "SAMLResponse") {
          saml = DecodeBase64FormValue(StringMember(&param, "value"));
          break;
        }
      }
    }
    if (!saml) {
      const std::vector<FormField> fields = SplitFormFields(Trim(text));
      if (const FormField* field = FindField(fields, "SAMLResponse")) {
        saml = DecodeBase64FormValue(field->value);
      }
    }
    if (saml) {
      part.saml = std::move(*saml);
      return part;
    }
  }
  // An STS call a client made through a recording proxy: an AWS Query or
  // Alibaba Cloud RPC request in a POST form body, or in the URL's query. One
  // with a malformed percent escape is left out (a part has no error of its
  // own; the same request saved alone reports it).
  std::optional<SplitInput> call;
  if (EqualsNoCase(method, "POST") && !Trim(text).empty()) call = SplitStsQuery(Trim(text));
  if (!call && url.find('?') != std::string::npos) call = SplitStsQuery(url);
  if (!call || !call->error.empty() || call->parts.size() != 1) {
    return std::nullopt;
  }
  part.saml = std::move(call->parts.front().saml);
  part.request = std::move(call->parts.front().request);
  return part;
}

std::optional<SplitInput> SplitHar(const Json& root) {
  const Json* log = ObjectMember(&root, "log");
  const Json* entries = ArrayMember(log, "entries");
  if (entries == nullptr) {
    return std::nullopt;
  }
  SplitInput result;
  result.kind = "har";
  for (std::size_t i = 0; i < entries->size(); ++i) {
    if (std::optional<ArtifactPart> part = HarEntryPart((*entries)[i], i)) {
      result.parts.push_back(std::move(*part));
    }
  }
  if (result.parts.empty()) {
    result.error = kHarWithoutSaml;
  }
  return result;
}

std::optional<SplitInput> SplitSamlTracer(const Json& root) {
  const Json* requests = ArrayMember(&root, "requests");
  if (requests == nullptr) {
    return std::nullopt;
  }
  // Only the add-on's own shape: an export timestamp, or requests that have
  // a url and a method.
  bool looks_like_tracer = Member(&root, "timestamp") != nullptr;
  for (const Json& request : *requests) {
    if (HasStringMember(&request, "url") && HasStringMember(&request, "method")) {
      looks_like_tracer = true;
      break;
    }
  }
  if (!looks_like_tracer) {
    return std::nullopt;
  }
  SplitInput result;
  result.kind = "saml-tracer";
  // An ISO string since SAML-tracer 1.0; milliseconds since 1970 before.
  std::string exported_at = StringMember(&root, "timestamp");
  if (const Json* millis = Member(&root, "timestamp");
      millis != nullptr && millis->is_number_integer() && exported_at.empty()) {
    const std::optional<std::int64_t> ms = DurationOf(millis, nullptr);
    if (ms && *ms >= 0 && *ms < std::int64_t{253402300800000}) {
      exported_at = FormatDateTime(Timestamp{*ms * 1000});
    }
  }
  for (std::size_t i = 0; i < requests->size(); ++i) {
    const Json* request = &(*requests)[i];
    const std::string method = StringMember(request, "method");
    if (!method.empty() && !EqualsNoCase(method, "POST")) {
      continue;
    }
    const Json* post = ArrayMember(request, "post");
    if (post == nullptr) {
      continue;
    }
    std::optional<std::string> value;
    for (const Json& pair : *post) {
      if (pair.is_array() && pair.size() >= 2 && pair[0].is_string() &&
          pair[0].get<std::string>() == "SAMLResponse") {
        value = StringOf(&pair[1]);
        break;
      }
    }
    if (!value) {
      continue;
    }
    ArtifactPart part;
    if (!IsRedactedTracerValue(*value)) {
      part.saml = DecodeBase64FormValue(*value);
    } else {
      part.saml = StringMember(request, "saml");  // the add-on's decoded XML
    }
    if (part.saml.empty()) {
      continue;
    }
    part.pointer = "/requests/" + std::to_string(i);
    part.capture_url = StringMember(request, "url");
    part.capture_time = exported_at;
    result.parts.push_back(std::move(part));
  }
  if (result.parts.empty()) {
    result.error = "the SAML-tracer export holds no SAMLResponse POST";
  }
  return result;
}

}  // namespace samlint::input
