// Splits inputs that carry SAML responses or STS calls inside something else:
// HAR captures, SAML-tracer exports, STS requests (AWS CLI JSON, AWS Query,
// Alibaba Cloud API parameters) and audit events (CloudTrail, ActionTrail).
//
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
// - CloudTrail: a record ({"eventSource","eventName","eventTime",
//   "requestParameters":{"roleArn","principalArn","durationSeconds",
//   "sAMLAssertionID"},"responseElements":{"credentials":{"expiration"}},
//   "errorCode","errorMessage","userIdentity":{"type"}}), a log file
//   {"Records":[...]}, JSON Lines, or `aws cloudtrail lookup-events` output
//   {"Events":[{"CloudTrailEvent":"<record as a JSON string>"}]}.
//   credentials.expiration is the console form "Mar 23, 2016 2:39:57 AM"
//   (older) or "Jul 1, 2026, 12:08:19 PM" (newer), UTC.
// - ActionTrail: the same top-level names with PascalCase parameters
//   (requestParameters.RoleArn, SAMLProviderArn, DurationSeconds;
//   responseElements.Credentials.Expiration in ISO 8601), "serviceName":"Sts",
//   "eventSource":"sts.aliyuncs.com", errorCode "" on success; one event, an
//   array of events, {"Events":[...]} (LookupEvents) or JSON Lines.
#include "samlint/artifacts.h"

#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/codec.h"
#include "base/strings.h"

namespace samlint {
namespace {

using Json = nlohmann::json;

/// JSON nested deeper than this is refused before parsing.
constexpr int kMaxJsonDepth = 256;

// ---------------------------------------------------------------------------
// gzip

enum class InflateStatus { kOk, kTooLarge, kCorrupt };

// Inflates every gzip member of `data` (CloudTrail writes one; `cat a.gz b.gz`
// gives several). Stops as soon as the output would pass `max_bytes`, so a
// bomb costs at most that much work and memory.
InflateStatus InflateGzip(std::string_view data, std::size_t max_bytes, std::string& out) {
  out.clear();
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    return InflateStatus::kCorrupt;
  }
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  constexpr std::size_t kMaxInputSlice = std::size_t{1} << 20;
  std::array<unsigned char, kChunk> buffer{};
  std::size_t consumed = 0;
  InflateStatus status = InflateStatus::kCorrupt;
  while (true) {
    if (stream.avail_in == 0) {
      const std::size_t slice = std::min(kMaxInputSlice, data.size() - consumed);
      stream.next_in = reinterpret_cast<const Bytef*>(data.data() + consumed);
      stream.avail_in = static_cast<uInt>(slice);
      consumed += slice;
    }
    stream.next_out = buffer.data();
    stream.avail_out = static_cast<uInt>(buffer.size());
    const int rc = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = buffer.size() - stream.avail_out;
    if (out.size() + produced > max_bytes) {
      status = InflateStatus::kTooLarge;
      break;
    }
    out.append(reinterpret_cast<const char*>(buffer.data()), produced);
    if (rc == Z_STREAM_END) {
      // Another member may follow; anything else after the end is ignored,
      // as gzip(1) does with trailing zeros.
      const std::size_t rest_at = consumed - stream.avail_in;
      const std::string_view rest = data.substr(rest_at);
      if (rest.size() >= 2 && static_cast<unsigned char>(rest[0]) == 0x1F &&
          static_cast<unsigned char>(rest[1]) == 0x8B) {
        if (inflateReset(&stream) != Z_OK) {
          break;
        }
        continue;
      }
      status = InflateStatus::kOk;
      break;
    }
    if (rc == Z_OK) {
      continue;
    }
    if (rc == Z_BUF_ERROR && stream.avail_in == 0 && consumed < data.size()) {
      continue;  // needs the next input slice
    }
    break;  // Z_DATA_ERROR, Z_MEM_ERROR, or input ended mid-stream
  }
  inflateEnd(&stream);
  if (status != InflateStatus::kOk) {
    out.clear();
  }
  return status;
}

// ---------------------------------------------------------------------------
// JSON helpers

// True when brackets outside strings nest deeper than kMaxJsonDepth. JSON
// strings cannot hold a raw line break, so one ends any string (that keeps a
// truncated JSON Lines record from inverting the rest of the scan).
bool NestedTooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"' || c == '\n') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) {
        return true;
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// The JSON values one input may hold (json-nodes), counted over every document
// parsed from it: the whole text, each JSON Lines record, each embedded
// CloudTrailEvent string.
struct JsonBudget {
  std::size_t limit = 0;
  std::size_t used = 0;
  bool exceeded = false;
};

// Counts values without building anything, and stops at the budget's limit.
class ValueCounter : public nlohmann::json_sax<Json> {
 public:
  explicit ValueCounter(JsonBudget& budget) : budget_(budget) {}

  bool null() override { return Count(); }
  bool boolean(bool /*value*/) override { return Count(); }
  bool number_integer(number_integer_t /*value*/) override { return Count(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return Count(); }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override {
    return Count();
  }
  bool string(string_t& /*value*/) override { return Count(); }
  bool binary(binary_t& /*value*/) override { return Count(); }
  bool start_object(std::size_t /*elements*/) override { return Count(); }
  bool key(string_t& /*name*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*elements*/) override { return Count(); }
  bool end_array() override { return true; }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

 private:
  bool Count() {
    if (++budget_.used > budget_.limit) {
      budget_.exceeded = true;
      return false;
    }
    return true;
  }

  JsonBudget& budget_;
};

// Parses without exceptions; `out` is discarded (is_discarded()) on failure.
// A first pass counts the values (in constant memory) against the budget, so
// the tree is built only for valid JSON within the limit: memory stays
// proportional to what the limit allows, whatever the input holds.
bool ParseJson(std::string_view text, Json& out, JsonBudget& budget) {
  out = Json(Json::value_t::discarded);
  if (budget.exceeded) {
    return false;
  }
  ValueCounter counter(budget);
  if (!Json::sax_parse(text.begin(), text.end(), &counter)) {
    return false;
  }
  out = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  return !out.is_discarded();
}

// Member `name` of an object: the exact spelling first, then any spelling
// (CloudTrail writes roleArn, ActionTrail RoleArn, the AWS CLI RoleArn).
const Json* Member(const Json* object, std::string_view name) {
  if (object == nullptr || !object->is_object()) {
    return nullptr;
  }
  const auto exact = object->find(std::string(name));
  if (exact != object->end()) {
    return &*exact;
  }
  for (auto it = object->begin(); it != object->end(); ++it) {
    if (EqualsNoCase(it.key(), name)) {
      return &it.value();
    }
  }
  return nullptr;
}

const Json* ObjectMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_object() ? value : nullptr;
}

const Json* ArrayMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_array() ? value : nullptr;
}

std::string StringOf(const Json* value) {
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

std::string StringMember(const Json* object, std::string_view name) {
  return StringOf(Member(object, name));
}

bool HasStringMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_string();
}

// An optional sign then 1..18 digits (no overflow possible).
std::optional<std::int64_t> ParseInteger(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 18) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

// DurationSeconds as a JSON number or a digit string. `text` receives the
// value as written when it is present but not an integer.
std::optional<std::int64_t> DurationOf(const Json* value, std::string* text) {
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  if (value->is_number_integer()) {
    if (value->is_number_unsigned()) {
      const auto u = value->get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return static_cast<std::int64_t>(u);
      }
    } else {
      return value->get<std::int64_t>();
    }
  } else if (value->is_number_float()) {
    const double d = value->get<double>();
    if (d >= -1e15 && d <= 1e15 && d == static_cast<double>(static_cast<std::int64_t>(d))) {
      return static_cast<std::int64_t>(d);
    }
  } else if (value->is_string()) {
    const std::string s = value->get<std::string>();
    if (auto parsed = ParseInteger(Trim(s))) {
      return parsed;
    }
    if (text != nullptr) {
      *text = s;
    }
    return std::nullopt;
  }
  if (text != nullptr) {
    *text = value->dump();
  }
  return std::nullopt;
}

// The first string value of a key spelled `lower_name` in any case, anywhere
// in `value` (depth is bounded by NestedTooDeep before parsing).
std::string FindStringAnywhere(const Json& value, std::string_view lower_name) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.value().is_string() && AsciiLowercase(it.key()) == lower_name) {
        return it.value().get<std::string>();
      }
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.value().is_structured()) {
        std::string found = FindStringAnywhere(it.value(), lower_name);
        if (!found.empty()) {
          return found;
        }
      }
    }
  } else if (value.is_array()) {
    for (const Json& element : value) {
      std::string found = FindStringAnywhere(element, lower_name);
      if (!found.empty()) {
        return found;
      }
    }
  }
  return {};
}

// Percent-decodes a form value that is base64: '+' stays '+' (browsers send
// %2B, and a literal '+' from a hand-made body is base64's, never a space),
// and a space is turned back into the '+' some decoders made of it (old
// SAML-tracer versions did). A malformed escape keeps the value as written.
std::string DecodeBase64FormValue(std::string_view value) {
  std::string out;
  if (!DecodePercent(value, out, /*plus_is_space=*/false)) {
    out = std::string(value);
  }
  std::replace(out.begin(), out.end(), ' ', '+');
  return out;
}

// ---------------------------------------------------------------------------
// Form bodies and query strings

const FormField* FindField(const std::vector<FormField>& fields, std::string_view name) {
  for (const FormField& field : fields) {
    if (field.name == name) {
      return &field;
    }
  }
  return nullptr;
}

bool IsStsAction(std::string_view action) {
  return action == "AssumeRoleWithSAML" || action == "AssumeRole" ||
         action == "AssumeRoleWithWebIdentity" || action == "AssumeRoleWithOIDC";
}

Cloud CloudFromArn(std::string_view role_arn, bool alibaba_provider_named) {
  if (role_arn.starts_with("acs:")) {
    return Cloud::kAliyun;
  }
  if (role_arn.starts_with("arn:")) {
    return Cloud::kAws;
  }
  return alibaba_provider_named ? Cloud::kAliyun : Cloud::kAws;
}

bool IsParameterName(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

// AWS Query (Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=...) and
// Alibaba Cloud RPC parameters (...&SAMLProviderArn=...&Version=2015-04-01).
std::optional<SplitInput> SplitQuery(std::string_view text) {
  if (text.starts_with("https://") || text.starts_with("http://")) {
    const std::size_t question = text.find('?');
    if (question == std::string_view::npos) {
      return std::nullopt;
    }
    text.remove_prefix(question + 1);
    text = text.substr(0, text.find('#'));
  } else if (text.starts_with("?")) {
    text.remove_prefix(1);
  }
  if (text.empty() || std::any_of(text.begin(), text.end(), [](char c) {
        return IsAsciiSpace(c) || c == '<' || c == '{' || c == '"';
      })) {
    return std::nullopt;
  }
  const std::vector<FormField> fields = SplitFormFields(text);
  for (const FormField& field : fields) {
    if (!IsParameterName(field.name)) {
      return std::nullopt;
    }
  }
  const FormField* action_field = FindField(fields, "Action");
  const FormField* assertion_field = FindField(fields, "SAMLAssertion");
  std::string action;
  if (action_field != nullptr) {
    if (!DecodePercent(action_field->value, action, true) || !IsStsAction(action)) {
      return std::nullopt;
    }
  } else if (assertion_field != nullptr) {
    action = "AssumeRoleWithSAML";
  } else {
    return std::nullopt;  // a plain SAMLResponse= form body among others
  }

  SplitInput result;
  result.kind = "sts-request";
  ArtifactPart part;
  StsRequest request;
  request.action = action;
  std::vector<std::string> malformed;
  const auto decoded = [&](std::string_view name) {
    const FormField* field = FindField(fields, name);
    std::string out;
    if (field != nullptr && !DecodePercent(field->value, out, /*plus_is_space=*/true)) {
      malformed.emplace_back(name);
      out = std::string(field->value);
    }
    return out;
  };
  request.role_arn = decoded("RoleArn");
  const bool alibaba_provider = FindField(fields, "SAMLProviderArn") != nullptr;
  if (FindField(fields, "PrincipalArn") != nullptr) {
    request.principal_arn = decoded("PrincipalArn");
  } else if (alibaba_provider) {
    request.principal_arn = decoded("SAMLProviderArn");
  } else {
    request.principal_arn = decoded("OIDCProviderArn");
  }
  request.cloud = CloudFromArn(request.role_arn, alibaba_provider);
  if (action == "AssumeRoleWithOIDC") {
    request.cloud = Cloud::kAliyun;
  }
  if (FindField(fields, "DurationSeconds") != nullptr) {
    const std::string duration = decoded("DurationSeconds");
    request.duration_seconds = ParseInteger(Trim(duration));
    if (!request.duration_seconds) {
      request.duration_text = duration;
    }
  }
  if (assertion_field != nullptr) {
    std::string assertion;
    if (DecodePercent(assertion_field->value, assertion, /*plus_is_space=*/false)) {
      part.saml = std::move(assertion);
    } else {
      malformed.emplace_back("SAMLAssertion");
      part.saml = std::string(assertion_field->value);
    }
  }
  if (!malformed.empty()) {
    result.error = "the " + malformed.front() + " parameter has a malformed percent escape";
  }
  part.request = std::move(request);
  result.parts.push_back(std::move(part));
  return result;
}

// ---------------------------------------------------------------------------
// HAR

std::optional<SplitInput> SplitHar(const Json& root) {
  const Json* log = ObjectMember(&root, "log");
  const Json* entries = ArrayMember(log, "entries");
  if (entries == nullptr) {
    return std::nullopt;
  }
  SplitInput result;
  result.kind = "har";
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const Json* entry = &(*entries)[i];
    const Json* request = ObjectMember(entry, "request");
    if (!EqualsNoCase(StringMember(request, "method"), "POST")) {
      continue;
    }
    const Json* post_data = ObjectMember(request, "postData");
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
      const std::string text = StringMember(post_data, "text");
      const std::vector<FormField> fields = SplitFormFields(Trim(text));
      if (const FormField* field = FindField(fields, "SAMLResponse")) {
        saml = DecodeBase64FormValue(field->value);
      }
    }
    if (!saml) {
      continue;
    }
    ArtifactPart part;
    part.pointer = "/log/entries/" + std::to_string(i);
    part.saml = std::move(*saml);
    part.capture_url = StringMember(request, "url");
    part.capture_time = StringMember(entry, "startedDateTime");
    result.parts.push_back(std::move(part));
  }
  if (result.parts.empty()) {
    result.error = "the HAR capture holds no SAMLResponse POST";
  }
  return result;
}

// ---------------------------------------------------------------------------
// SAML-tracer

bool IsRedactedTracerValue(std::string_view value) {
  return value.empty() || value.starts_with("{hash:") || value.starts_with("{obf:") ||
         value == "{overwritten}";
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

// ---------------------------------------------------------------------------
// STS request parameters as JSON

std::optional<SplitInput> SplitStsJson(const Json& root) {
  if (!root.is_object()) {
    return std::nullopt;
  }
  const Json* assertion = Member(&root, "SAMLAssertion");
  const bool has_arn = Member(&root, "RoleArn") != nullptr ||
                       Member(&root, "PrincipalArn") != nullptr ||
                       Member(&root, "SAMLProviderArn") != nullptr;
  if (assertion == nullptr || !has_arn) {
    return std::nullopt;
  }
  SplitInput result;
  result.kind = "sts-request";
  ArtifactPart part;
  StsRequest request;
  request.action = "AssumeRoleWithSAML";
  const std::string action = StringMember(&root, "Action");
  if (!action.empty() && IsStsAction(action)) {
    request.action = action;
  }
  request.role_arn = StringMember(&root, "RoleArn");
  const bool alibaba_provider = Member(&root, "SAMLProviderArn") != nullptr;
  request.principal_arn = alibaba_provider ? StringMember(&root, "SAMLProviderArn")
                                           : StringMember(&root, "PrincipalArn");
  request.cloud = CloudFromArn(request.role_arn, alibaba_provider);
  request.duration_seconds = DurationOf(Member(&root, "DurationSeconds"), &request.duration_text);
  part.saml = StringOf(assertion);
  part.request = std::move(request);
  result.parts.push_back(std::move(part));
  return result;
}

// ---------------------------------------------------------------------------
// CloudTrail and ActionTrail

enum class TrailKind { kNone, kCloudTrail, kActionTrail };

TrailKind ClassifyEvent(const Json& event) {
  if (!event.is_object() || !HasStringMember(&event, "eventName")) {
    return TrailKind::kNone;
  }
  const std::string source = AsciiLowercase(StringMember(&event, "eventSource"));
  if (source.find("amazonaws.com") != std::string::npos) {
    return TrailKind::kCloudTrail;
  }
  if (source.find("aliyuncs.com") != std::string::npos || event.contains("acsRegion") ||
      HasStringMember(&event, "serviceName")) {
    return TrailKind::kActionTrail;
  }
  if (!source.empty() && event.contains("awsRegion")) {
    return TrailKind::kCloudTrail;
  }
  return TrailKind::kNone;
}

bool IsStsEvent(const Json& event, TrailKind kind) {
  const std::string name = StringMember(&event, "eventName");
  const std::string source = AsciiLowercase(StringMember(&event, "eventSource"));
  if (kind == TrailKind::kCloudTrail) {
    return source.starts_with("sts.") && source.find("amazonaws.com") != std::string::npos &&
           (name == "AssumeRoleWithSAML" || name == "AssumeRole" ||
            name == "AssumeRoleWithWebIdentity");
  }
  const bool sts_source = (source.starts_with("sts.") || source.starts_with("sts-")) &&
                          source.find("aliyuncs.com") != std::string::npos;
  return (sts_source || EqualsNoCase(StringMember(&event, "serviceName"), "sts")) &&
         (name == "AssumeRoleWithSAML" || name == "AssumeRole" || name == "AssumeRoleWithOIDC");
}

TrailEvent MakeTrailEvent(const Json& event, Cloud cloud) {
  TrailEvent out;
  out.cloud = cloud;
  out.event_name = StringMember(&event, "eventName");
  out.event_time_text = StringMember(&event, "eventTime");
  out.event_time = ParseTrailTime(out.event_time_text);
  const Json* parameters = ObjectMember(&event, "requestParameters");
  out.role_arn = StringMember(parameters, "roleArn");
  for (const std::string_view name : {"principalArn", "SAMLProviderArn", "OIDCProviderArn"}) {
    out.principal_arn = StringMember(parameters, name);
    if (!out.principal_arn.empty()) {
      break;
    }
  }
  out.duration_seconds = DurationOf(Member(parameters, "durationSeconds"), nullptr);
  const Json* credentials = ObjectMember(ObjectMember(&event, "responseElements"), "credentials");
  out.expiration_text = StringMember(credentials, "expiration");
  out.expiration = ParseTrailTime(out.expiration_text);
  out.error_code = StringMember(&event, "errorCode");
  out.error_message = StringMember(&event, "errorMessage");
  out.saml_assertion_id = FindStringAnywhere(event, "samlassertionid");
  const std::string caller = StringMember(ObjectMember(&event, "userIdentity"), "type");
  out.caller_holds_role = caller == "AssumedRole" || EqualsNoCase(caller, "assumed-role");
  return out;
}

// ActionTrail may log the SAMLAssertion parameter (its examples mask it as
// "****"); hand it on only when it is a real base64 document.
std::string LoggedAssertion(const Json& event) {
  const std::string value =
      StringMember(ObjectMember(&event, "requestParameters"), "SAMLAssertion");
  std::string decoded;
  if (value.size() < 16 || !DecodeBase64(value, decoded)) {
    return {};
  }
  const std::string_view xml = StripBomAndSpace(decoded);
  return !xml.empty() && xml.front() == '<' ? value : std::string();
}

// Accumulates the events of one input, whatever its container.
class TrailCollector {
 public:
  void Add(const Json& event, std::string pointer) {
    const TrailKind kind = ClassifyEvent(event);
    if (kind == TrailKind::kNone) {
      return;
    }
    if (kind_ == TrailKind::kNone) {
      kind_ = kind;
    }
    if (!IsStsEvent(event, kind)) {
      return;
    }
    ArtifactPart part;
    part.pointer = std::move(pointer);
    const Cloud cloud = kind == TrailKind::kActionTrail ? Cloud::kAliyun : Cloud::kAws;
    part.event = MakeTrailEvent(event, cloud);
    if (kind == TrailKind::kActionTrail) {
      part.saml = LoggedAssertion(event);
    }
    parts_.push_back(std::move(part));
  }

  // A container that names the kind even when it holds no event (an empty
  // {"Records":[]} is still a CloudTrail log).
  void AssumeKind(TrailKind kind) {
    if (kind_ == TrailKind::kNone) {
      kind_ = kind;
    }
  }

  bool Recognised() const { return kind_ != TrailKind::kNone; }

  SplitInput Finish(std::string error = {}) && {
    SplitInput result;
    if (kind_ == TrailKind::kNone) {
      return result;
    }
    result.kind = kind_ == TrailKind::kCloudTrail ? "cloudtrail" : "actiontrail";
    result.parts = std::move(parts_);
    result.error = std::move(error);
    if (result.parts.empty() && result.error.empty()) {
      result.error = kind_ == TrailKind::kCloudTrail
                         ? "the CloudTrail input holds no AssumeRoleWithSAML, AssumeRole or "
                           "AssumeRoleWithWebIdentity event from sts.amazonaws.com"
                         : "the ActionTrail input holds no AssumeRoleWithSAML, AssumeRole or "
                           "AssumeRoleWithOIDC event from STS";
    }
    return result;
  }

 private:
  TrailKind kind_ = TrailKind::kNone;
  std::vector<ArtifactPart> parts_;
};

std::optional<SplitInput> SplitTrail(const Json& root, JsonBudget& budget) {
  TrailCollector collector;
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.size(); ++i) {
      collector.Add(root[i], "/" + std::to_string(i));
    }
  } else if (const Json* records = ArrayMember(&root, "Records")) {
    collector.AssumeKind(TrailKind::kCloudTrail);
    // Events are classified one by one, so an ActionTrail array wrapped the
    // same way is still read (its first event decides the kind).
    TrailCollector inner;
    for (std::size_t i = 0; i < records->size(); ++i) {
      inner.Add((*records)[i], "/Records/" + std::to_string(i));
    }
    if (inner.Recognised()) {
      return std::move(inner).Finish();
    }
  } else if (const Json* events = ArrayMember(&root, "Events")) {
    // `aws cloudtrail lookup-events` (each record as a JSON string in
    // CloudTrailEvent) or ActionTrail LookupEvents (records as objects).
    for (std::size_t i = 0; i < events->size(); ++i) {
      const Json& element = (*events)[i];
      const std::string pointer = "/Events/" + std::to_string(i);
      const Json* embedded = Member(&element, "CloudTrailEvent");
      if (embedded != nullptr && embedded->is_string()) {
        const std::string text = embedded->get<std::string>();
        Json parsed;
        if (!NestedTooDeep(text) && ParseJson(text, parsed, budget)) {
          collector.Add(parsed, pointer);
        }
        if (budget.exceeded) {
          return std::nullopt;  // the caller reports the limit
        }
      } else {
        collector.Add(element, pointer);
      }
    }
  } else {
    collector.Add(root, "");
  }
  if (!collector.Recognised()) {
    return std::nullopt;
  }
  return std::move(collector).Finish();
}

// One JSON value per line; the pointer of line i (0-based, blank lines
// counted) is "/i".
std::optional<SplitInput> SplitJsonLines(std::string_view text, JsonBudget& budget) {
  TrailCollector collector;
  std::size_t index = 0;
  std::string error;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = Trim(text.substr(0, newline));
    if (!line.empty()) {
      Json event;
      if (!ParseJson(line, event, budget)) {
        if (budget.exceeded || !collector.Recognised()) {
          return std::nullopt;
        }
        error = "line " + std::to_string(index + 1) +
                " of the JSON Lines input is not valid JSON; it may be truncated";
        break;
      }
      collector.Add(event, "/" + std::to_string(index));
      if (!collector.Recognised()) {
        return std::nullopt;  // the first record is not an audit event
      }
    }
    if (newline == std::string_view::npos) {
      break;
    }
    text.remove_prefix(newline + 1);
    ++index;
  }
  if (!collector.Recognised()) {
    return std::nullopt;
  }
  return std::move(collector).Finish(std::move(error));
}

// ---------------------------------------------------------------------------

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
  result.error = std::move(what) + "; samlint stopped reading it at " +
                 LimitHint(reading.limits, name) + ".";
  result.limit = std::string(name);
  return result;
}

SplitInput JsonLimitReached(const Reading& reading) {
  return LimitReached(reading, "json-nodes",
                      "The input holds more than " + std::to_string(reading.limits.json_nodes) +
                          " JSON values");
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
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
      static_cast<unsigned char>(bytes[1]) == 0x8B) {
    if (!allow_gzip) {
      return Unrecognised("the gzip data holds another gzip stream; only one level is read");
    }
    std::string inflated;
    const InflateStatus status = InflateGzip(bytes, reading.limits.inflated_bytes, inflated);
    reading.inflated = status == InflateStatus::kTooLarge ? reading.limits.inflated_bytes
                                                          : inflated.size();
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
  if (auto query = SplitQuery(text)) {
    return std::move(*query);
  }
  return Unrecognised();
}

// "Nov 21, 2026, 2:02:11 AM" / "Mar 23, 2016 2:39:57 AM". Java's formatter
// puts U+202F or U+00A0 before AM/PM in newer JDKs, so any of ' ', NBSP and
// NNBSP separates fields.
std::optional<Timestamp> ParseConsoleTime(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsAsciiSpace(c) || c == ',') {
      flush();
    } else if (text.substr(i, 2) == "\xC2\xA0") {
      flush();
      i += 1;
    } else if (text.substr(i, 3) == "\xE2\x80\xAF") {
      flush();
      i += 2;
    } else {
      current.push_back(c);
    }
  }
  flush();
  if (tokens.size() != 5) {
    return std::nullopt;
  }
  constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string month_name = AsciiLowercase(tokens[0]);
  if (month_name.size() < 3) {
    return std::nullopt;
  }
  int month = 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (month_name.substr(0, 3) == kMonths[m]) {
      month = static_cast<int>(m) + 1;
    }
  }
  const auto day = ParseInteger(tokens[1]);
  const auto year = ParseInteger(tokens[2]);
  if (month == 0 || !day || !year || tokens[1].size() > 2 || tokens[2].size() != 4 ||
      tokens[1].front() == '-' || tokens[1].front() == '+' || tokens[2].front() == '-' ||
      tokens[2].front() == '+') {
    return std::nullopt;
  }
  // H:MM:SS
  const std::string& clock = tokens[3];
  const std::size_t colon1 = clock.find(':');
  const std::size_t colon2 = clock.find(':', colon1 == std::string::npos ? 0 : colon1 + 1);
  if (colon1 == std::string::npos || colon2 == std::string::npos || colon1 == 0 || colon1 > 2 ||
      colon2 - colon1 != 3 || clock.size() - colon2 != 3) {
    return std::nullopt;
  }
  const auto hour = ParseInteger(clock.substr(0, colon1));
  const auto minute = ParseInteger(clock.substr(colon1 + 1, 2));
  const auto second = ParseInteger(clock.substr(colon2 + 1, 2));
  const std::string meridiem = AsciiLowercase(tokens[4]);
  if (!hour || !minute || !second || *hour < 1 || *hour > 12 ||
      (meridiem != "am" && meridiem != "pm") || clock.front() == '-' || clock.front() == '+' ||
      clock[colon1 + 1] == '-' || clock[colon1 + 1] == '+' || clock[colon2 + 1] == '-' ||
      clock[colon2 + 1] == '+') {
    return std::nullopt;
  }
  const std::int64_t hour24 = (*hour % 12) + (meridiem == "pm" ? 12 : 0);
  const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  // ParseDateTime validates the calendar (Feb 30, minute 61, ...).
  const std::string iso = std::to_string(*year) + "-" + two(month) + "-" + two(*day) + "T" +
                          two(hour24) + ":" + two(*minute) + ":" + two(*second) + "Z";
  return ParseDateTime(iso);
}

}  // namespace

std::optional<Timestamp> ParseTrailTime(std::string_view text) {
  text = Trim(text);
  if (text.empty()) {
    return std::nullopt;
  }
  if (text.front() >= '0' && text.front() <= '9') {
    return ParseDateTime(text);
  }
  return ParseConsoleTime(text);
}

SplitInput SplitArtifact(std::string_view bytes, const Limits& limits) {
  try {
    Reading reading{limits, JsonBudget{limits.json_nodes}};
    SplitInput result = SplitText(bytes, /*allow_gzip=*/true, reading);
    result.inflated_bytes = reading.inflated;
    result.json_values = reading.json.used;
    return result;
  } catch (const std::exception&) {
    return Unrecognised("the input could not be read as an artifact");
  } catch (...) {
    return Unrecognised("the input could not be read as an artifact");
  }
}

}  // namespace samlint
