#include "base/codec.h"

#include <cstddef>
#include <cstdint>
#include <utility>

#include "base/strings.h"

namespace samlint {
namespace {

// Sextet value of a base64 character in either alphabet, or -1.
int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+' || c == '-') {
    return 62;
  }
  if (c == '/' || c == '_') {
    return 63;
  }
  return -1;
}

}  // namespace

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool IsBase64Char(char c) { return Base64Value(c) >= 0; }

bool DecodeBase64(std::string_view text, std::string& out) {
  out.clear();
  std::string decoded;
  decoded.reserve(text.size() / 4 * 3 + 3);
  std::uint32_t buffer = 0;
  std::size_t sextets = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      continue;
    }
    if (c == '=') {
      ++padding;
      continue;
    }
    const int value = Base64Value(c);
    // Data after padding means two encodings were glued together or the text is
    // not base64 at all.
    if (value < 0 || padding > 0) {
      return false;
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    ++sextets;
    if (sextets % 4 == 0) {
      decoded.push_back(static_cast<char>((buffer >> 16) & 0xFF));
      decoded.push_back(static_cast<char>((buffer >> 8) & 0xFF));
      decoded.push_back(static_cast<char>(buffer & 0xFF));
      buffer = 0;
    }
  }
  const std::size_t leftover = sextets % 4;
  // One sextet carries only six bits, less than a byte: the text was cut off.
  if (leftover == 1 || padding > 2) {
    return false;
  }
  if (padding > 0 && (leftover + padding) % 4 != 0) {
    return false;
  }
  if (leftover == 2) {
    decoded.push_back(static_cast<char>((buffer >> 4) & 0xFF));
  } else if (leftover == 3) {
    decoded.push_back(static_cast<char>((buffer >> 10) & 0xFF));
    decoded.push_back(static_cast<char>((buffer >> 2) & 0xFF));
  }
  out = std::move(decoded);
  return true;
}

bool DecodePercent(std::string_view text, std::string& out, bool plus_is_space) {
  out.clear();
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || HexDigitValue(text[i + 1]) < 0 ||
          HexDigitValue(text[i + 2]) < 0) {
        return false;
      }
      decoded.push_back(
          static_cast<char>(HexDigitValue(text[i + 1]) * 16 + HexDigitValue(text[i + 2])));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  out = std::move(decoded);
  return true;
}

std::string HexLower(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

std::vector<FormField> SplitFormFields(std::string_view body) {
  std::vector<FormField> fields;
  while (!body.empty()) {
    const std::size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      fields.push_back(eq == std::string_view::npos
                           ? FormField{pair, {}}
                           : FormField{pair.substr(0, eq), pair.substr(eq + 1)});
    }
    if (amp == std::string_view::npos) {
      break;
    }
    body.remove_prefix(amp + 1);
  }
  return fields;
}

}  // namespace samlint
