// Bounded JSON parsing and lenient member access for the artifact readers
// (input/*.cc): every accessor takes a possibly null pointer and answers
// "absent" instead of throwing. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace samlint::input {

using Json = nlohmann::json;

/// JSON nested deeper than this is refused before parsing.
inline constexpr int kMaxJsonDepth = 256;

/// True when brackets outside strings nest deeper than kMaxJsonDepth. A raw
/// line break ends any string (JSON strings cannot hold one), so a truncated
/// JSON Lines record does not invert the rest of the scan.
bool NestedTooDeep(std::string_view text);

/// The JSON values one input may hold (json-nodes), counted over every
/// document parsed from it: the whole text, each JSON Lines record, each
/// embedded CloudTrailEvent string.
struct JsonBudget {
  std::size_t limit = 0;
  std::size_t used = 0;
  bool exceeded = false;  ///< set once `used` passed `limit`; then nothing more parses
};

/// Parses `text` into `out` without exceptions; false (and `out` discarded)
/// when it is not valid JSON or holds more values than the budget has left.
/// Values are counted in constant memory first, so the tree is built only
/// within the limit.
bool ParseJson(std::string_view text, Json& out, JsonBudget& budget);

/// Member `name` of an object: the exact spelling first, then any case
/// (CloudTrail writes roleArn, ActionTrail RoleArn). Null when `object` is
/// null or no object, or has no such member.
const Json* Member(const Json* object, std::string_view name);

/// Member(object, name) when it is an object, else null.
const Json* ObjectMember(const Json* object, std::string_view name);

/// Member(object, name) when it is an array, else null.
const Json* ArrayMember(const Json* object, std::string_view name);

/// The string `value` holds; "" when it is null or not a string.
std::string StringOf(const Json* value);

/// StringOf(Member(object, name)).
std::string StringMember(const Json* object, std::string_view name);

/// True when the member exists and is a string.
bool HasStringMember(const Json* object, std::string_view name);

/// DurationSeconds as a JSON number or a digit string; nullopt when absent,
/// null or not a whole number in range. `text` (when given) receives the
/// value as written when it is present but not an integer.
std::optional<std::int64_t> DurationOf(const Json* value, std::string* text);

/// The first string value of a key spelled `lower_name` in any case,
/// anywhere in `value` (own members before nested ones); "" when none.
std::string FindStringAnywhere(const Json& value, std::string_view lower_name);

}  // namespace samlint::input
