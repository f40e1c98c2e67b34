/// Text codecs: base64, percent-encoding, application/x-www-form-urlencoded, hex.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samlint {

/// The value of a hexadecimal digit (either case), or -1.
int HexDigitValue(char c);

/// True for a character of the standard or the URL-safe base64 alphabet ('=' excluded).
bool IsBase64Char(char c);

/// Decodes base64 in the standard or URL-safe alphabet, skipping ASCII
/// whitespace, with or without padding. Returns false on any other byte.
bool DecodeBase64(std::string_view text, std::string& out);

/// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as
/// application/x-www-form-urlencoded does). Returns false on a malformed escape.
bool DecodePercent(std::string_view text, std::string& out, bool plus_is_space);

/// Lower-case hexadecimal of `bytes`, two digits a byte.
std::string HexLower(std::string_view bytes);

/// One name=value pair of a form body, still encoded.
struct FormField {
  std::string_view name;
  std::string_view value;  ///< empty when the pair has no '='
};

/// The '&'-separated pairs of an application/x-www-form-urlencoded body, in
/// order, empty pairs skipped; neither names nor values are decoded.
std::vector<FormField> SplitFormFields(std::string_view body);

}  // namespace samlint
