// ASCII text helpers shared by the artifact readers (input/*.cc). Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samlint::input {

/// ' ', tab, CR or LF.
bool IsSpace(char c);

/// `text` with ASCII letters lowercased; other bytes unchanged.
std::string Lowercase(std::string_view text);

/// Equal when ASCII letters are compared without case.
bool EqualsNoCase(std::string_view a, std::string_view b);

/// True when `text` begins with `prefix` (case-sensitive).
bool StartsWith(std::string_view text, std::string_view prefix);

/// `text` without leading and trailing IsSpace characters.
std::string_view Trim(std::string_view text);

/// `text` trimmed, without a UTF-8 byte order mark, and trimmed again.
std::string_view StripBomAndSpace(std::string_view text);

/// An optional sign then 1 to 18 decimal digits, nothing else; nullopt
/// otherwise (so it never overflows).
std::optional<std::int64_t> ParseInteger(std::string_view text);

}  // namespace samlint::input
