#include "samlint/decode.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlint {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ToLower(text[i]) != prefix[i]) {
      return false;
    }
  }
  return true;
}

// `needle` must be lowercase.
std::size_t FindNoCase(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (StartsWithNoCase(haystack.substr(i), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && IsSpace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// Editors put the BOM first and people paste whitespace around it, so allow
// whitespace on either side of it.
std::string_view StripBomAndSpace(std::string_view text) {
  text = TrimSpace(text);
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    text.remove_prefix(kUtf8Bom.size());
  }
  return TrimSpace(text);
}

int HexValue(char c) {
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

void AppendUtf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Parses the digits of a numeric character reference; nullopt when they do not
// name a Unicode scalar value, in which case the reference is kept verbatim.
std::optional<std::uint32_t> ParseCharReference(std::string_view digits) {
  std::uint32_t base = 10;
  if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) {
    base = 16;
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 8) {
    return std::nullopt;
  }
  std::uint32_t value = 0;
  for (char c : digits) {
    const int digit = HexValue(c);
    if (digit < 0 || static_cast<std::uint32_t>(digit) >= base) {
      return std::nullopt;
    }
    value = value * base + static_cast<std::uint32_t>(digit);
  }
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return std::nullopt;
  }
  return value;
}

// Only the references that show up in generated SAML forms are decoded; an
// unknown entity is left as it is, which the base64 decoder then rejects.
std::string DecodeHtmlEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    out += text.substr(0, amp);
    if (amp == std::string_view::npos) {
      break;
    }
    text.remove_prefix(amp);
    const std::size_t semicolon = text.find(';');
    // Real entity names are short; a far-away ';' belongs to something else.
    if (semicolon == std::string_view::npos || semicolon > 12) {
      out.push_back('&');
      text.remove_prefix(1);
      continue;
    }
    const std::string_view name = text.substr(1, semicolon - 1);
    std::optional<std::uint32_t> code_point;
    if (name == "amp") {
      code_point = '&';
    } else if (name == "lt") {
      code_point = '<';
    } else if (name == "gt") {
      code_point = '>';
    } else if (name == "quot") {
      code_point = '"';
    } else if (name == "apos") {
      code_point = '\'';
    } else if (!name.empty() && name.front() == '#') {
      code_point = ParseCharReference(name.substr(1));
    }
    if (code_point) {
      AppendUtf8(out, *code_point);
      text.remove_prefix(semicolon + 1);
    } else {
      out.push_back('&');
      text.remove_prefix(1);
    }
  }
  return out;
}

// One HTML start tag's attributes, names lowercased, values entity-decoded.
struct HtmlAttribute {
  std::string name;
  std::string value;
};

// Parses the attributes of the tag starting at `text[0] == '<'`, stopping at
// the closing '>' outside quotes. `text` is advanced past the tag.
std::vector<HtmlAttribute> ParseTagAttributes(std::string_view& text) {
  std::vector<HtmlAttribute> attributes;
  std::size_t i = 1;
  while (i < text.size() && !IsSpace(text[i]) && text[i] != '>' && text[i] != '/') {
    ++i;
  }
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == '/')) {
      ++i;
    }
    if (i >= text.size() || text[i] == '>') {
      break;
    }
    HtmlAttribute attribute;
    while (i < text.size() && !IsSpace(text[i]) && text[i] != '=' && text[i] != '>' &&
           text[i] != '/') {
      attribute.name.push_back(ToLower(text[i]));
      ++i;
    }
    if (attribute.name.empty()) {
      // A stray character such as '"'; skip it rather than loop on it.
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && IsSpace(text[j])) {
      ++j;
    }
    if (j < text.size() && text[j] == '=') {
      i = j + 1;
      while (i < text.size() && IsSpace(text[i])) {
        ++i;
      }
      std::string_view raw;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        const char quote = text[i];
        const std::size_t end = text.find(quote, i + 1);
        const std::size_t stop = end == std::string_view::npos ? text.size() : end;
        raw = text.substr(i + 1, stop - i - 1);
        i = end == std::string_view::npos ? text.size() : end + 1;
      } else {
        const std::size_t start = i;
        while (i < text.size() && !IsSpace(text[i]) && text[i] != '>') {
          ++i;
        }
        raw = text.substr(start, i - start);
      }
      attribute.value = DecodeHtmlEntities(raw);
    }
    attributes.push_back(std::move(attribute));
  }
  text.remove_prefix(i < text.size() ? i + 1 : text.size());
  return attributes;
}

const std::string* FindAttribute(const std::vector<HtmlAttribute>& attributes,
                                 std::string_view name) {
  for (const HtmlAttribute& attribute : attributes) {
    if (attribute.name == name) {
      return &attribute.value;
    }
  }
  return nullptr;
}

bool IsTagNameEnd(std::string_view text, std::size_t at) {
  return at >= text.size() || IsSpace(text[at]) || text[at] == '>' || text[at] == '/';
}

// True when a tag named `lowercase_name` (e.g. "<form") starts at `text[0]`.
bool IsTag(std::string_view text, std::string_view lowercase_name) {
  return StartsWithNoCase(text, lowercase_name) && IsTagNameEnd(text, lowercase_name.size());
}

// An XML document that merely mentions SAMLResponse must stay XML, so HTML is
// recognised only by its root (after an optional XML declaration and
// comments, as XHTML has) or by a <form> element, which SAML never contains.
bool LooksLikeHtml(std::string_view text) {
  std::string_view rest = text;
  while (true) {
    rest = TrimSpace(rest);
    if (rest.substr(0, 2) == "<?") {
      const std::size_t end = rest.find("?>");
      if (end == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(end + 2);
    } else if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = rest.find("-->");
      if (end == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(end + 3);
    } else {
      break;
    }
  }
  if (StartsWithNoCase(rest, "<!doctype")) {
    const std::string_view root = TrimSpace(rest.substr(9));
    if (StartsWithNoCase(root, "html") && IsTagNameEnd(root, 4)) {
      return true;
    }
  }
  if (IsTag(rest, "<html")) {
    return true;
  }
  for (std::size_t at = FindNoCase(text, "<form"); at != std::string_view::npos;
       at = FindNoCase(text, "<form", at + 1)) {
    if (IsTagNameEnd(text, at + 5)) {
      return true;
    }
  }
  return false;
}

struct HtmlFormFields {
  std::optional<std::string> saml_response;
  std::optional<std::string> relay_state;
};

// Scans the page's <input> elements. Comments and scripts are skipped so that
// a commented-out or script-built field is not mistaken for the real one.
HtmlFormFields FindFormFields(std::string_view page) {
  HtmlFormFields fields;
  std::string_view rest = page;
  while (true) {
    const std::size_t lt = rest.find('<');
    if (lt == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(lt);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = rest.find("-->");
      if (end == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(end + 3);
    } else if (IsTag(rest, "<script")) {
      const std::size_t end = FindNoCase(rest, "</script");
      if (end == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(end + 1);
    } else if (IsTag(rest, "<input")) {
      const std::vector<HtmlAttribute> attributes = ParseTagAttributes(rest);
      const std::string* name = FindAttribute(attributes, "name");
      const std::string* value = FindAttribute(attributes, "value");
      if (name == nullptr || value == nullptr) {
        continue;
      }
      // Form field names are case-sensitive when submitted, so match exactly.
      if (*name == "SAMLResponse" && !fields.saml_response) {
        fields.saml_response = *value;
      }
      if (*name == "RelayState" && !fields.relay_state) {
        fields.relay_state = *value;
      }
    } else {
      rest.remove_prefix(1);
    }
  }
  return fields;
}

bool IsFormBody(std::string_view text) {
  if (!text.empty() && text.front() == '?') {
    text.remove_prefix(1);
  }
  return text.substr(0, 13) == "SAMLResponse=" ||
         text.find("&SAMLResponse=") != std::string_view::npos;
}

bool IsBase64Text(std::string_view text, bool& has_percent) {
  has_percent = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (Base64Value(c) >= 0 || c == '=' || IsSpace(c)) {
      continue;
    }
    if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      has_percent = true;
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

DecodedInput Unknown(std::string error) {
  DecodedInput result;
  result.encoding = InputEncoding::kUnknown;
  result.error = std::move(error);
  return result;
}

// Shared tail of every wrapped form: the payload must be base64 of an XML
// document, or the input is not something samlint can lint.
DecodedInput DecodeWrappedXml(std::string_view base64, InputEncoding encoding,
                              std::string_view what) {
  std::string bytes;
  if (!DecodeBase64(base64, bytes)) {
    return Unknown(std::string(what) + " is not valid base64; it may be truncated");
  }
  const std::string_view xml = StripBomAndSpace(bytes);
  if (xml.empty() || xml.front() != '<') {
    return Unknown("base64 decoded to " + std::to_string(bytes.size()) + " bytes that are not XML");
  }
  DecodedInput result;
  result.encoding = encoding;
  result.xml = std::string(xml);
  return result;
}

DecodedInput DecodeHtmlPage(std::string_view page) {
  HtmlFormFields fields = FindFormFields(page);
  if (!fields.saml_response) {
    return Unknown("an HTML page without a SAMLResponse form field");
  }
  DecodedInput result =
      DecodeWrappedXml(*fields.saml_response, InputEncoding::kHtmlForm, "the SAMLResponse field");
  if (result.encoding != InputEncoding::kUnknown && fields.relay_state) {
    result.relay_state = std::move(*fields.relay_state);
  }
  return result;
}

DecodedInput DecodeFormBody(std::string_view body) {
  if (!body.empty() && body.front() == '?') {
    body.remove_prefix(1);
  }
  std::optional<std::string> saml_response;
  std::string relay_state;
  while (true) {
    const std::size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::string name;
    if (DecodePercent(raw_name, name, true)) {
      if (name == "SAMLResponse" && !saml_response) {
        // Base64 never contains a space, so a literal '+' here can only be a
        // base64 '+' that the sender forgot to escape; keep it.
        std::string value;
        if (!DecodePercent(raw_value, value, false)) {
          return Unknown("the SAMLResponse form field has a malformed %-escape");
        }
        saml_response = std::move(value);
      } else if (name == "RelayState" && relay_state.empty()) {
        if (!DecodePercent(raw_value, relay_state, true)) {
          relay_state.clear();
        }
      }
    }
    if (amp == std::string_view::npos) {
      break;
    }
    body.remove_prefix(amp + 1);
  }
  if (!saml_response) {
    return Unknown("the form body has no SAMLResponse field");
  }
  DecodedInput result =
      DecodeWrappedXml(*saml_response, InputEncoding::kFormBody, "the SAMLResponse form field");
  if (result.encoding != InputEncoding::kUnknown) {
    result.relay_state = std::move(relay_state);
  }
  return result;
}

}  // namespace

DecodedInput DecodeInput(std::string_view bytes) {
  const std::string_view text = StripBomAndSpace(bytes);
  if (text.empty()) {
    return Unknown("the input is empty");
  }

  if (text.front() == '<') {
    if (LooksLikeHtml(text)) {
      return DecodeHtmlPage(text);
    }
    // Keep the bytes as they are so that offsets, and so line:column, are the file's own.
    DecodedInput result;
    result.encoding = InputEncoding::kXml;
    result.xml = std::string(bytes);
    return result;
  }

  if (IsFormBody(text)) {
    return DecodeFormBody(text);
  }

  bool has_percent = false;
  if (IsBase64Text(text, has_percent)) {
    if (!has_percent) {
      return DecodeWrappedXml(text, InputEncoding::kBase64, "the input");
    }
    // Percent-encoded base64 comes from URLs and form fields copied out of
    // browser tools; there '+' was escaped as %2B, so a raw '+' is base64's.
    std::string unescaped;
    if (DecodePercent(text, unescaped, false)) {
      return DecodeWrappedXml(unescaped, InputEncoding::kBase64, "the input");
    }
  }

  return Unknown("not a SAML response: expected XML, base64 or a SAMLResponse= form body");
}

bool DecodeBase64(std::string_view text, std::string& out) {
  out.clear();
  std::string decoded;
  decoded.reserve(text.size() / 4 * 3 + 3);
  std::uint32_t buffer = 0;
  std::size_t sextets = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (IsSpace(c)) {
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
      if (i + 2 >= text.size() || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0) {
        return false;
      }
      decoded.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
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

std::string_view EncodingName(InputEncoding encoding) {
  switch (encoding) {
    case InputEncoding::kXml:
      return "xml";
    case InputEncoding::kBase64:
      return "base64";
    case InputEncoding::kFormBody:
      return "form";
    case InputEncoding::kHtmlForm:
      return "html-form";
    case InputEncoding::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace samlint
