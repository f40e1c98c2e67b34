// Shapes (checked against the producers' own output):
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
#include "input/audit_events.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "input/text.h"
#include "samlint/decode.h"
#include "samlint/scenario.h"

namespace samlint {
namespace input {
namespace {

enum class TrailKind { kNone, kCloudTrail, kActionTrail };

TrailKind ClassifyEvent(const Json& event) {
  if (!event.is_object() || !HasStringMember(&event, "eventName")) {
    return TrailKind::kNone;
  }
  const std::string source = Lowercase(StringMember(&event, "eventSource"));
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
  const std::string source = Lowercase(StringMember(&event, "eventSource"));
  if (kind == TrailKind::kCloudTrail) {
    return StartsWith(source, "sts.") && source.find("amazonaws.com") != std::string::npos &&
           (name == "AssumeRoleWithSAML" || name == "AssumeRole" ||
            name == "AssumeRoleWithWebIdentity");
  }
  const bool sts_source = (StartsWith(source, "sts.") || StartsWith(source, "sts-")) &&
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
    if (IsSpace(c) || c == ',') {
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
  const std::string month_name = Lowercase(tokens[0]);
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
  const std::string meridiem = Lowercase(tokens[4]);
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

}  // namespace input

std::optional<Timestamp> ParseTrailTime(std::string_view text) {
  text = input::Trim(text);
  if (text.empty()) {
    return std::nullopt;
  }
  if (text.front() >= '0' && text.front() <= '9') {
    return ParseDateTime(text);
  }
  return input::ParseConsoleTime(text);
}

}  // namespace samlint
