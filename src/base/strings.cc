#include "base/strings.h"

#include <algorithm>

namespace samlint {

bool IsAsciiSpace(char c) { return kAsciiWhitespace.find(c) != std::string_view::npos; }

std::string_view Trim(std::string_view text, std::string_view characters) {
  const std::size_t first = text.find_first_not_of(characters);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(characters);
  return text.substr(first, last - first + 1);
}

char AsciiToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

char AsciiToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string AsciiLowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), AsciiToLower);
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithNoCase(a, b);
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiToLower(text[i]) != AsciiToLower(prefix[i])) return false;
  }
  return true;
}

std::size_t FindNoCase(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (from > haystack.size() || needle.size() > haystack.size() - from) {
    return std::string_view::npos;
  }
  if (needle.empty()) return from;
  // Candidates are found with memchr, for the first character in each case;
  // each of the two searches is resumed only once passed, so the scan stays linear.
  const char lower = AsciiToLower(needle.front());
  const char upper = AsciiToUpper(needle.front());
  const std::string_view rest = needle.substr(1);
  const std::size_t last = haystack.size() - needle.size();  // the last possible start
  std::size_t next_lower = haystack.find(lower, from);
  std::size_t next_upper = lower == upper ? std::string_view::npos : haystack.find(upper, from);
  while (true) {
    const std::size_t at = std::min(next_lower, next_upper);
    if (at == std::string_view::npos || at > last) return std::string_view::npos;
    if (StartsWithNoCase(haystack.substr(at + 1), rest)) return at;
    if (at == next_lower) next_lower = haystack.find(lower, at + 1);
    if (at == next_upper) next_upper = haystack.find(upper, at + 1);
  }
}

std::string_view StripBomAndSpace(std::string_view text) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  text = Trim(text);
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  return Trim(text);
}

}  // namespace samlint
