#include "input/recognise.h"

#include <algorithm>
#include <array>
#include <exception>

#include "base/codec.h"
#include "base/strings.h"
#include "input/gzip.h"

namespace samlint {
namespace {

// Base64 read to tell what it encodes: enough for a prolog and a root start tag.
constexpr std::size_t kBase64Sniffed = 4096;
// Root element names longer than this are cut in the reason.
constexpr std::size_t kNameShown = 64;

constexpr std::string_view kSamlNamespace = "urn:oasis:names:tc:SAML:2.0";

// Strings only SAML material, STS calls, audit events, captures and role
// declarations carry: a broken file that holds none is not one of them.
constexpr std::array<std::string_view, 9> kMarkers = {"urn:oasis:names:tc:SAML",
                                                      "SAMLResponse",
                                                      "SAMLAssertion",
                                                      "AssumeRole",
                                                      "\"eventSource\"",
                                                      "TemplateFormatVersion",
                                                      "MaxSessionDuration",
                                                      "\"terraform_version\"",
                                                      "\"saml\""};

bool Contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

bool HasMarkers(std::string_view text) {
  if (std::any_of(kMarkers.begin(), kMarkers.end(),
                  [&](std::string_view m) { return Contains(text, m); })) {
    return true;
  }
  // A HAR capture cut short before its SAML entry still has these two.
  return Contains(text, "\"log\"") && Contains(text, "\"entries\"");
}

// Skips what may come before an XML root element: declarations, processing
// instructions, comments and a DOCTYPE (with its internal subset).
std::string_view SkipProlog(std::string_view text) {
  while (true) {
    text = Trim(text);
    std::size_t end = std::string_view::npos;
    if (text.substr(0, 2) == "<?") {
      end = text.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (text.substr(0, 4) == "<!--") {
      end = text.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (StartsWithNoCase(text, "<!doctype")) {
      const std::size_t open = text.find('[');
      const std::size_t close = text.find('>');
      if (open != std::string_view::npos && open < close) {
        const std::size_t subset_end = text.find("]", open);
        end = subset_end == std::string_view::npos ? subset_end : text.find('>', subset_end);
      } else {
        end = close;
      }
      if (end != std::string_view::npos) end += 1;
    } else {
      return text;
    }
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end);
  }
}

// Recognised when the root element is one CheckBytes reads.
Recognition ByRootElement(std::string_view xml, std::string_view what) {
  std::string_view rest = SkipProlog(xml);
  std::string name;
  if (!rest.empty() && rest.front() == '<') {
    for (std::size_t i = 1; i < rest.size(); ++i) {
      const char c = rest[i];
      if (IsAsciiSpace(c) || c == '>' || c == '/') break;
      name.push_back(c);
    }
  }
  const std::size_t colon = name.rfind(':');
  const std::string_view local = colon == std::string::npos
                                     ? std::string_view(name)
                                     : std::string_view(name).substr(colon + 1);
  if (local == "Response" || local == "Assertion" || local == "EncryptedAssertion" ||
      local == "ArtifactResponse" || (local == "Envelope" && Contains(xml, kSamlNamespace))) {
    return {true, {}};
  }
  // An HTML page whose SAMLResponse field could not be decoded.
  if (Contains(xml, "SAMLResponse")) return {true, {}};
  if (name.empty()) return {false, std::string(what)};
  if (name.size() > kNameShown) name = name.substr(0, kNameShown) + "...";
  return {false, std::string(what) + " <" + name + ">"};
}

// The XML at the start of base64 text (cut to whole 4-character groups, so
// that a response cut short still shows its root), or empty.
std::string Base64Start(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (digits.size() >= kBase64Sniffed) break;
    if (IsAsciiSpace(c)) continue;
    if (!IsBase64Char(c)) break;
    digits.push_back(c);
  }
  digits.resize(digits.size() / 4 * 4);
  std::string decoded;
  if (digits.empty() || !DecodeBase64(digits, decoded)) return {};
  return decoded;
}

}  // namespace

Recognition RecogniseResponse(std::string_view bytes) {
  const std::string_view text = StripBomAndSpace(bytes);
  if (text.empty()) return {false, "empty"};
  if (text.front() == '<') return ByRootElement(text, "XML");
  // A CloudFormation or ROS template the declarations reader could not read
  // (a valid one, even without roles, is a declarations result).
  if (Contains(text, "TemplateFormatVersion")) return {true, {}};
  if (text.front() == '{' || text.front() == '[') return {false, "JSON"};
  std::string_view query = text.front() == '?' ? text.substr(1) : text;
  if (query.substr(0, 13) == "SAMLResponse=" || Contains(query, "&SAMLResponse=") ||
      query.substr(0, 7) == "Action=" || Contains(query, "&Action=AssumeRole")) {
    return {true, {}};
  }
  const std::string start = Base64Start(text);
  const std::string_view xml = StripBomAndSpace(start);
  if (!xml.empty() && xml.front() == '<') {
    Recognition r = ByRootElement(xml, "base64 of XML");
    return r;
  }
  return {false, "text"};
}

Recognition RecogniseBroken(std::string_view bytes, std::size_t inflate_limit) {
  try {
    if (input::IsGzip(bytes)) {
      // What inflates before the data breaks off is what it holds.
      std::string inflated;
      (void)input::InflateGzip(bytes, inflate_limit, inflated);
      if (HasMarkers(inflated)) return {true, {}};
      return {false, "gzip"};
    }
  } catch (const std::exception&) {
    return {false, "gzip"};
  }
  if (HasMarkers(bytes)) return {true, {}};
  const std::string_view text = StripBomAndSpace(bytes);
  // `[section]` opens TOML (pyproject.toml, Cargo.toml), `[` and a value a JSON array.
  if (text.size() > 1 && text.front() == '[' &&
      ((text[1] >= 'a' && text[1] <= 'z') || (text[1] >= 'A' && text[1] <= 'Z')))
    return {false, "TOML"};
  if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
    return {false, "not valid JSON"};
  }
  return {false, "text"};
}

}  // namespace samlint
