// The values of one assertion that the later stages judge and evaluate, read
// once from its facts: the time of use, the earliest SessionNotOnOrAfter, and per
// cloud the Role pairs and the SessionDuration attribute. Trust dates the anchors
// with it, evaluation builds its factors from it, diagnose words its findings
// about the same values; none of them reads the attributes again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/facts.h"
#include "parse/roles.h"
#include "samlint/scenario.h"
#include "samlint/timestamp.h"

namespace samlint {

/// Every value of the Attributes of one name, in document order.
struct AttributeValues {
  bool present = false;    ///< an Attribute of this name exists (perhaps without values)
  std::size_t offset = 0;  ///< the first such Attribute's offset
  std::vector<const TextFact*> values;
};

/// The values of the Attributes named `name` in `assertion`.
AttributeValues AttributeValuesOf(const AssertionFact& assertion, std::string_view name);

/// One value of the Role attribute: a role and provider pair, or why it is not one.
struct RoleValue {
  const TextFact* text = nullptr;
  std::optional<ParsedRole> parsed;
  std::string why;  ///< set when `parsed` is empty
};

/// The SessionDuration attribute as the lifetime model reads it.
struct SessionDurationValue {
  AttributeValues attribute;
  /// The first value when it is an integer number of seconds (at most 12 digits).
  std::optional<std::int64_t> seconds;
  /// The first value's offset, else the attribute's.
  std::size_t offset = 0;
};

/// The values one cloud reads from the assertion.
struct CloudValues {
  AttributeValues role_attribute;
  std::vector<RoleValue> roles;  ///< one per value of role_attribute, in order
  SessionDurationValue session_duration;

  /// The well-formed pairs, in order.
  std::vector<ParsedRole> ParsedRoles() const;
};

struct AssertionValues {
  /// The assertion read; null when there is none (then only the time of use is set).
  const AssertionFact* assertion = nullptr;
  /// --now, else the Assertion's IssueInstant, else the Response's.
  std::optional<Timestamp> t_use;
  std::string t_use_source;  ///< "--now", "Assertion/@IssueInstant", ...; empty without t_use
  /// The AuthnStatement/@SessionNotOnOrAfter that ends the session first.
  const TimeFact* earliest_session_end = nullptr;
  CloudValues aws;
  CloudValues aliyun;
  /// Google and a generic SP define no Role or SessionDuration attribute: always empty.
  CloudValues none;

  const CloudValues& For(Cloud cloud) const {
    return cloud == Cloud::kAws ? aws : cloud == Cloud::kAliyun ? aliyun : none;
  }
};

/// Reads the values of `assertion` (may be null), an assertion of `facts`. `now`
/// is the --now option.
AssertionValues ReadAssertionValues(const ResponseFacts& facts, const AssertionFact* assertion,
                                    std::optional<Timestamp> now);

}  // namespace samlint
