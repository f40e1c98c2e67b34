#include "input/decode.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/codec.h"
#include "base/strings.h"

namespace samlint {
namespace {

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
    const int digit = HexDigitValue(c);
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
  while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '>' && text[i] != '/') {
    ++i;
  }
  while (i < text.size()) {
    while (i < text.size() && (IsAsciiSpace(text[i]) || text[i] == '/')) {
      ++i;
    }
    if (i >= text.size() || text[i] == '>') {
      break;
    }
    HtmlAttribute attribute;
    while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '=' && text[i] != '>' &&
           text[i] != '/') {
      attribute.name.push_back(AsciiToLower(text[i]));
      ++i;
    }
    if (attribute.name.empty()) {
      // A stray character such as '"'; skip it rather than loop on it.
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && IsAsciiSpace(text[j])) {
      ++j;
    }
    if (j < text.size() && text[j] == '=') {
      i = j + 1;
      while (i < text.size() && IsAsciiSpace(text[i])) {
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
        while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '>') {
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
  return at >= text.size() || IsAsciiSpace(text[at]) || text[at] == '>' || text[at] == '/';
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
    rest = Trim(rest);
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
    const std::string_view root = Trim(rest.substr(9));
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
    if (IsBase64Char(c) || c == '=' || IsAsciiSpace(c)) {
      continue;
    }
    if (c == '%' && i + 2 < text.size() && HexDigitValue(text[i + 1]) >= 0 &&
        HexDigitValue(text[i + 2]) >= 0) {
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
  for (const FormField& field : SplitFormFields(body)) {
    std::string name;
    if (!DecodePercent(field.name, name, true)) continue;
    if (name == "SAMLResponse" && !saml_response) {
      // Base64 never contains a space, so a literal '+' here can only be a
      // base64 '+' that the sender forgot to escape; keep it.
      std::string value;
      if (!DecodePercent(field.value, value, false)) {
        return Unknown("the SAMLResponse form field has a malformed %-escape");
      }
      saml_response = std::move(value);
    } else if (name == "RelayState" && relay_state.empty()) {
      if (!DecodePercent(field.value, relay_state, true)) {
        relay_state.clear();
      }
    }
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
