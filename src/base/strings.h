/// ASCII string helpers shared by every stage: trimming, case folding, case-insensitive search.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samlint {

/// The white space of XML, HTTP and JSON: space, tab, carriage return, line feed.
inline constexpr std::string_view kAsciiWhitespace = " \t\r\n";

/// What `std::isspace` accepts in the C locale: kAsciiWhitespace plus vertical tab and form feed.
inline constexpr std::string_view kCWhitespace = " \t\n\v\f\r";

/// True for the characters of kAsciiWhitespace.
bool IsAsciiSpace(char c);

/// `text` without leading and trailing characters from `characters`.
std::string_view Trim(std::string_view text, std::string_view characters = kAsciiWhitespace);

/// `c` with 'A'..'Z' mapped to 'a'..'z'; every other byte unchanged (no locale).
char AsciiToLower(char c);

/// `c` with 'a'..'z' mapped to 'A'..'Z'; every other byte unchanged (no locale).
char AsciiToUpper(char c);

/// `text` with 'A'..'Z' mapped to 'a'..'z'.
std::string AsciiLowercase(std::string_view text);

/// True when `a` and `b` are equal ignoring ASCII case.
bool EqualsNoCase(std::string_view a, std::string_view b);

/// True when `text` begins with `prefix`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view text, std::string_view prefix);

/// The first position at or after `from` where `needle` occurs in `haystack`
/// ignoring ASCII case, or npos.
std::size_t FindNoCase(std::string_view haystack, std::string_view needle, std::size_t from = 0);

/// `text` without surrounding white space and one UTF-8 byte order mark, which
/// may itself sit inside white space (editors put it first, people paste around it).
std::string_view StripBomAndSpace(std::string_view text);

}  // namespace samlint
