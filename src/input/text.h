// Integers as the artifact readers (input/*.cc) accept them. Internal; the
// string helpers they share are in base/strings.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace samlint::input {

/// An optional sign then 1 to 18 decimal digits, nothing else; nullopt
/// otherwise (so it never overflows).
std::optional<std::int64_t> ParseInteger(std::string_view text);

}  // namespace samlint::input
