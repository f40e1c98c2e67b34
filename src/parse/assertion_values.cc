#include "parse/assertion_values.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "parse/cloud.h"

namespace samlint {
namespace {

// Digits beyond this cannot be a session length and would overflow.
constexpr std::size_t kMaxSessionDurationDigits = 12;

SessionDurationValue ReadSessionDuration(const AssertionFact& assertion, Cloud cloud) {
  SessionDurationValue read;
  read.attribute = AttributeValuesOf(assertion, AttributesOf(cloud).session_duration);
  read.offset = read.attribute.offset;
  if (read.attribute.values.empty()) return read;
  const TextFact& first = *read.attribute.values.front();
  read.offset = first.offset;
  std::string_view text = Trim(first.value, kCWhitespace);
  bool integer = !text.empty() && text.size() <= kMaxSessionDurationDigits &&
                 std::all_of(text.begin(), text.end(),
                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (integer) read.seconds = std::stoll(std::string(text));
  return read;
}

CloudValues ReadCloudValues(const AssertionFact& assertion, Cloud cloud) {
  CloudValues values;
  values.role_attribute = AttributeValuesOf(assertion, AttributesOf(cloud).role);
  for (const TextFact* text : values.role_attribute.values) {
    RoleValue role;
    role.text = text;
    Result<ParsedRole> parsed = ParseRoleValue(cloud, text->value);
    if (parsed.ok()) {
      role.parsed = std::move(parsed).value();
    } else {
      role.why = parsed.error();
    }
    values.roles.push_back(std::move(role));
  }
  values.session_duration = ReadSessionDuration(assertion, cloud);
  return values;
}

}  // namespace

AttributeValues AttributeValuesOf(const AssertionFact& assertion, std::string_view name) {
  AttributeValues out;
  for (const AttributeFact& attr : assertion.attributes) {
    if (attr.name != name) continue;
    if (!out.present) out.offset = attr.offset;
    out.present = true;
    for (const TextFact& v : attr.values) out.values.push_back(&v);
  }
  return out;
}

std::vector<ParsedRole> CloudValues::ParsedRoles() const {
  std::vector<ParsedRole> out;
  for (const RoleValue& r : roles) {
    if (r.parsed) out.push_back(*r.parsed);
  }
  return out;
}

AssertionValues ReadAssertionValues(const ResponseFacts& facts, const AssertionFact* assertion,
                                    std::optional<Timestamp> now) {
  AssertionValues out;
  out.assertion = assertion;
  if (now) {
    out.t_use = now;
    out.t_use_source = "--now";
  } else if (assertion != nullptr && assertion->issue_instant.value) {
    out.t_use = assertion->issue_instant.value;
    out.t_use_source = "Assertion/@IssueInstant";
  } else if (facts.issue_instant.value) {
    out.t_use = facts.issue_instant.value;
    out.t_use_source = "Response/@IssueInstant";
  }
  if (assertion == nullptr) return out;
  for (const AuthnStatementFact& s : assertion->authn_statements) {
    const TimeFact& end = s.session_not_on_or_after;
    if (!end.value) continue;
    if (out.earliest_session_end == nullptr || *end.value < *out.earliest_session_end->value) {
      out.earliest_session_end = &end;
    }
  }
  out.aws = ReadCloudValues(*assertion, Cloud::kAws);
  out.aliyun = ReadCloudValues(*assertion, Cloud::kAliyun);
  return out;
}

}  // namespace samlint
