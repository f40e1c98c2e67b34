#include "parse/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "base/xml_namespaces.h"

namespace samlint {
namespace {

// Namespaces whose elements samlint or a signature verifier matches: a prefix
// of one of these bound a second time to something else is an attack shape.
bool IsSecurityNamespace(std::string_view uri) {
  return uri == kProtocolNs || uri == kAssertionNs || uri == kDsigNs || uri == kXencNs ||
         uri == kSoap11Ns || uri == kSoap12Ns;
}

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The encoding an XML declaration names, or nullopt when it names none.
std::optional<std::string_view> DeclaredEncoding(std::string_view xml) {
  if (xml.substr(0, 3) == "\xEF\xBB\xBF") xml.remove_prefix(3);
  if (xml.substr(0, 5) != "<?xml" || xml.size() < 6 || !IsXmlSpace(xml[5])) return std::nullopt;
  std::string_view decl = xml.substr(0, xml.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + 8;
  while (i < decl.size() && IsXmlSpace(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return std::nullopt;
  ++i;
  while (i < decl.size() && IsXmlSpace(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return std::nullopt;
  char quote = decl[i++];
  std::size_t end = decl.find(quote, i);
  if (end == std::string_view::npos) return decl.substr(i);
  return decl.substr(i, end - i);
}

bool IsUtf8Name(std::string_view encoding) {
  return EqualsNoCase(encoding, "utf-8") || EqualsNoCase(encoding, "utf8");
}

// Whether `code` is a character XML 1.0 allows (production [2] Char).
bool IsXmlChar(std::uint32_t code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

// Length of the reference at the start of `s` (which starts with '&'): a
// predefined entity or a character reference to an XML character; 0 otherwise.
std::size_t ReferenceLength(std::string_view s) {
  for (std::string_view predefined : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
    if (s.substr(0, predefined.size()) == predefined) return predefined.size();
  }
  if (s.size() < 4 || s[1] != '#') return 0;
  const bool hex = s[2] == 'x';
  std::size_t i = hex ? 3 : 2;
  std::uint32_t code = 0;
  const std::size_t first_digit = i;
  for (; i < s.size() && s[i] != ';'; ++i) {
    const char c = s[i];
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      digit = static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
    } else {
      return 0;
    }
    code = code * (hex ? 16 : 10) + digit;
    if (code > 0x10FFFF) return 0;
  }
  if (i == first_digit || i == s.size() || !IsXmlChar(code)) return 0;
  return i + 1;
}

// Offset of the first '&' outside comments, CDATA sections and processing
// instructions that starts no predefined entity or character reference, or
// npos. Without a DTD nothing declares other entities: libxml2 refuses such a
// document while pugixml keeps "&name;" as text, so both must see it refused.
std::size_t UndeclaredReferenceAt(std::string_view xml) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kOpaque = {
      {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}}};
  // string_view::find_first_of calls memchr on "<&" for every byte; two
  // memchr searches, each resumed only once passed, stay linear and skip text.
  std::size_t next_lt = xml.find('<');
  std::size_t next_amp = xml.find('&');
  auto next_markup = [&](std::size_t from) {
    if (next_lt < from) next_lt = xml.find('<', from);
    if (next_amp < from) next_amp = xml.find('&', from);
    return std::min(next_lt, next_amp);
  };
  for (std::size_t i = next_markup(0); i != std::string_view::npos; i = next_markup(i)) {
    if (xml[i] == '&') {
      if (std::size_t length = ReferenceLength(xml.substr(i)); length != 0) {
        i += length;
        continue;
      }
      return i;
    }
    std::size_t next = i + 1;
    for (const auto& [open, close] : kOpaque) {
      if (xml.substr(i, open.size()) != open) continue;
      std::size_t end = xml.find(close, i + open.size());
      next = end == std::string_view::npos ? xml.size() : end + close.size();
      break;
    }
    i = next;
  }
  return std::string_view::npos;
}

// Offset of the first byte that is not part of well-formed UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF included) or is NUL, or npos.
std::size_t InvalidUtf8At(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  const auto* p = static_cast<const unsigned char*>(static_cast<const void*>(s.data()));
  while (i < n) {
    // Skip ASCII without NUL eight bytes at a time: no byte has its high bit
    // set, and none is zero (the classic test, exact for whether one is).
    constexpr std::uint64_t kOnes = 0x0101010101010101;
    constexpr std::uint64_t kHighs = 0x8080808080808080;
    while (n - i >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & kHighs) != 0 || ((word - kOnes) & ~word & kHighs) != 0) break;
      i += 8;
    }
    if (i == n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return i;  // XML has no U+0000; UTF-16 without a BOM starts with one
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string_view PrefixOf(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

std::string_view LocalName(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The namespace URI bound to `prefix` in scope at `node`, or nullopt when the
// prefix is never declared. The empty prefix without a default namespace
// resolves to "" (no namespace).
std::optional<std::string_view> ResolvePrefix(pugi::xml_node node, std::string_view prefix) {
  if (prefix == "xml") return kXmlNs;
  std::string attr_name = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute(attr_name.c_str())) return std::string_view(a.value());
  }
  if (prefix.empty()) return std::string_view{};
  return std::nullopt;
}

std::optional<std::string_view> NamespaceOf(pugi::xml_node node) {
  return ResolvePrefix(node, PrefixOf(node.name()));
}

bool Is(pugi::xml_node node, std::string_view ns, std::string_view local) {
  if (node.type() != pugi::node_element || LocalName(node.name()) != local) return false;
  auto uri = NamespaceOf(node);
  return uri && *uri == ns;
}

template <typename Fn>
void ForEachChild(pugi::xml_node parent, std::string_view ns, std::string_view local, Fn fn) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (Is(c, ns, local)) fn(c);
  }
}

pugi::xml_node FirstChild(pugi::xml_node parent, std::string_view ns, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (Is(c, ns, local)) return c;
  }
  return {};
}

ElementPath PathOf(pugi::xml_node node) {
  ElementPath path;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    std::uint32_t index = 0;
    for (pugi::xml_node s = n.previous_sibling(); s; s = s.previous_sibling()) {
      if (s.type() == pugi::node_element) ++index;
    }
    path.push_back(index);
  }
  return ElementPath(path.rbegin(), path.rend());
}

class Extractor {
 public:
  Extractor(std::string_view xml, const pugi::xml_document& doc) : xml_(xml), doc_(doc) {}

  std::size_t OffsetOf(pugi::xml_node node) const {
    auto off = node.offset_debug();
    if (off < 0) return 0;
    auto u = static_cast<std::size_t>(off);
    // pugixml points element offsets at the name; show the '<'.
    if (node.type() == pugi::node_element && u > 0 && xml_[u - 1] == '<') --u;
    return u;
  }

  // pugixml keeps no attribute positions: find the attribute's name inside the
  // element's start tag, which ends at the first '>' outside a quoted value.
  std::size_t AttributeOffset(pugi::xml_node node, const char* name) const {
    std::size_t start = OffsetOf(node);
    std::size_t n = std::strlen(name);
    for (std::size_t i = start; i < xml_.size(); ++i) {
      char ch = xml_[i];
      if (ch == '"' || ch == '\'') {
        // Values are most of a start tag: jump to the closing quote.
        i = xml_.find(ch, i + 1);
        if (i == std::string_view::npos) break;
        continue;
      }
      if (ch == '>') break;
      bool boundary = i > 0 && IsXmlSpace(xml_[i - 1]);
      if (boundary && xml_.compare(i, n, name) == 0) {
        std::size_t j = i + n;
        while (j < xml_.size() && IsXmlSpace(xml_[j])) ++j;
        if (j < xml_.size() && xml_[j] == '=') return i;
      }
    }
    return start;
  }

  TextFact Attr(pugi::xml_node node, const char* name) const {
    TextFact fact;
    if (pugi::xml_attribute a = node.attribute(name)) {
      fact.present = true;
      fact.value = a.value();
      fact.offset = AttributeOffset(node, name);
    }
    return fact;
  }

  TimeFact TimeAttr(pugi::xml_node node, const char* name) const {
    TextFact text = Attr(node, name);
    TimeFact fact{.present = text.present,
                  .text = std::move(text.value),
                  .value = std::nullopt,
                  .offset = text.offset};
    if (fact.present) fact.value = ParseDateTime(fact.text);
    return fact;
  }

  // The element's own character data (text and CDATA children), and whether a
  // comment sits between them: "admin<!---->@evil" must not read as one name.
  TextFact Text(pugi::xml_node node) const {
    TextFact fact;
    if (!node) return fact;
    fact.present = true;
    fact.offset = OffsetOf(node);
    bool offset_set = false;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (!offset_set) {
          fact.offset = OffsetOf(c);
          offset_set = true;
        }
        fact.value += c.value();
      } else if (c.type() == pugi::node_comment) {
        fact.has_comment = true;
      }
    }
    return fact;
  }

  std::optional<SignatureFact> Signature(pugi::xml_node parent) const {
    pugi::xml_node sig = FirstChild(parent, kDsigNs, "Signature");
    if (!sig) return std::nullopt;
    SignatureFact fact;
    fact.offset = OffsetOf(sig);
    pugi::xml_node signed_info = FirstChild(sig, kDsigNs, "SignedInfo");
    fact.signature_method =
        FirstChild(signed_info, kDsigNs, "SignatureMethod").attribute("Algorithm").value();
    pugi::xml_node reference = FirstChild(signed_info, kDsigNs, "Reference");
    fact.reference_uri = reference.attribute("URI").value();
    fact.digest_method =
        FirstChild(reference, kDsigNs, "DigestMethod").attribute("Algorithm").value();
    fact.digest_value = Text(FirstChild(reference, kDsigNs, "DigestValue"));
    return fact;
  }

  AssertionFact Assertion(pugi::xml_node node) const {
    AssertionFact a;
    a.offset = OffsetOf(node);
    a.path = PathOf(node);
    a.id = Attr(node, "ID");
    a.issue_instant = TimeAttr(node, "IssueInstant");
    a.issuer = Text(FirstChild(node, kAssertionNs, "Issuer"));
    a.signature = Signature(node);
    pugi::xml_node subject = FirstChild(node, kAssertionNs, "Subject");
    a.name_id = Text(FirstChild(subject, kAssertionNs, "NameID"));
    ForEachChild(subject, kAssertionNs, "SubjectConfirmation", [&](pugi::xml_node sc) {
      SubjectConfirmationFact f;
      f.offset = OffsetOf(sc);
      f.method = sc.attribute("Method").value();
      if (pugi::xml_node data = FirstChild(sc, kAssertionNs, "SubjectConfirmationData")) {
        f.has_data = true;
        f.data_offset = OffsetOf(data);
        f.recipient = Attr(data, "Recipient");
        f.not_before = TimeAttr(data, "NotBefore");
        f.not_on_or_after = TimeAttr(data, "NotOnOrAfter");
      }
      a.subject_confirmations.push_back(std::move(f));
    });
    if (pugi::xml_node conditions = FirstChild(node, kAssertionNs, "Conditions")) {
      a.has_conditions = true;
      a.conditions_offset = OffsetOf(conditions);
      a.not_before = TimeAttr(conditions, "NotBefore");
      a.not_on_or_after = TimeAttr(conditions, "NotOnOrAfter");
      ForEachChild(conditions, kAssertionNs, "AudienceRestriction", [&](pugi::xml_node r) {
        ForEachChild(r, kAssertionNs, "Audience",
                     [&](pugi::xml_node au) { a.audiences.push_back(Text(au)); });
      });
    }
    ForEachChild(node, kAssertionNs, "AuthnStatement", [&](pugi::xml_node s) {
      AuthnStatementFact f;
      f.offset = OffsetOf(s);
      f.authn_instant = TimeAttr(s, "AuthnInstant");
      f.session_not_on_or_after = TimeAttr(s, "SessionNotOnOrAfter");
      a.authn_statements.push_back(std::move(f));
    });
    ForEachChild(node, kAssertionNs, "AttributeStatement", [&](pugi::xml_node st) {
      ForEachChild(st, kAssertionNs, "Attribute", [&](pugi::xml_node attr) {
        AttributeFact f;
        f.name = attr.attribute("Name").value();
        f.offset = OffsetOf(attr);
        ForEachChild(attr, kAssertionNs, "AttributeValue",
                     [&](pugi::xml_node v) { f.values.push_back(Text(v)); });
        a.attributes.push_back(std::move(f));
      });
    });
    return a;
  }

  void Response(pugi::xml_node node, ResponseFacts& r) const {
    r.offset = OffsetOf(node);
    r.path = PathOf(node);
    r.id = Attr(node, "ID");
    r.issue_instant = TimeAttr(node, "IssueInstant");
    r.destination = Attr(node, "Destination");
    r.issuer = Text(FirstChild(node, kAssertionNs, "Issuer"));
    r.signature = Signature(node);
    if (pugi::xml_node status = FirstChild(node, kProtocolNs, "Status")) {
      r.has_status = true;
      r.status_offset = OffsetOf(status);
      pugi::xml_node code = FirstChild(status, kProtocolNs, "StatusCode");
      r.status_code = Attr(code, "Value");
      r.sub_status_code = Attr(FirstChild(code, kProtocolNs, "StatusCode"), "Value");
      r.status_message = Text(FirstChild(status, kProtocolNs, "StatusMessage"));
    }
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (Is(c, kAssertionNs, "Assertion")) {
        r.assertions.push_back(Assertion(c));
      } else if (Is(c, kAssertionNs, "EncryptedAssertion")) {
        r.encrypted_assertions.push_back(OffsetOf(c));
      }
    }
  }

  // Assertions that are not the read ones: anywhere in the document but the
  // Response's (or root's) own Assertion children.
  void NestedAssertions(pugi::xml_node read_parent, ResponseFacts& r) const {
    for (pugi::xpath_node x : doc_.select_nodes("//*[local-name()='Assertion']")) {
      pugi::xml_node n = x.node();
      if (!Is(n, kAssertionNs, "Assertion")) continue;
      if (n.parent() == read_parent || n == doc_.document_element()) continue;
      AssertionFact a = Assertion(n);
      a.direct_child = false;
      r.nested_assertions.push_back(std::move(a));
    }
  }

  // One pass over every node: depth and node bounds, namespace declarations,
  // IDs, undeclared prefixes, comments inside text, signatures. Iterative, so
  // hostile nesting cannot overflow the stack.
  bool Scan(ResponseFacts& r, std::size_t max_nodes, ExtractStatus& status, std::string& error,
            std::size_t& error_offset) const {
    int depth = 0;
    std::map<std::string, std::string, std::less<>> bindings;  // prefix -> first namespace
    pugi::xml_node node = doc_.first_child();
    while (node) {
      ++r.node_count;
      if (node.type() == pugi::node_element) {
        if (depth >= kMaxXmlDepth) {
          status = ExtractStatus::kMalformed;
          error = "Elements are nested more than " + std::to_string(kMaxXmlDepth) + " deep";
          error_offset = OffsetOf(node);
          return false;
        }
        if (!ScanElement(node, r, bindings, error, error_offset)) {
          status = ExtractStatus::kMalformed;
          return false;
        }
      }
      if (r.node_count > max_nodes) {
        status = ExtractStatus::kLimit;
        error = "The document has more than " + std::to_string(max_nodes) +
                " nodes (elements, attributes and text); the rest was not read";
        error_offset = OffsetOf(node);
        return false;
      }
      if (node.first_child()) {
        node = node.first_child();
        ++depth;
        continue;
      }
      while (node && !node.next_sibling()) {
        node = node.parent();
        --depth;
        if (node == doc_) return true;
      }
      if (node) node = node.next_sibling();
    }
    return true;
  }

  // Namespaces in XML 1.0 § 3: `xmlns:p=""` is illegal, `xml` may be bound only
  // to its own namespace and `xmlns` never, and no other prefix may take
  // either. libxml2 drops such declarations silently, pugixml would honour
  // them: the two would see different elements, so the document is refused.
  static std::optional<std::string> IllegalDeclaration(std::string_view attr_name,
                                                       std::string_view value) {
    bool is_default = attr_name == "xmlns";
    std::string_view prefix = is_default ? std::string_view{} : attr_name.substr(6);
    if (prefix == "xmlns") return "the prefix xmlns must never be declared";
    if (prefix == "xml") {
      if (value != kXmlNs) return "the prefix xml may be bound only to " + std::string(kXmlNs);
      return std::nullopt;
    }
    if (value == kXmlNs || value == kXmlnsNs) {
      return "the reserved namespace " + std::string(value) + " may not be bound to " +
             (is_default ? std::string("the default namespace")
                         : "the prefix " + std::string(prefix));
    }
    if (!is_default && value.empty()) {
      return "a prefix may not be bound to the empty namespace name (xmlns:" + std::string(prefix) +
             "=\"\")";
    }
    return std::nullopt;
  }

  bool ScanElement(pugi::xml_node node, ResponseFacts& r,
                   std::map<std::string, std::string, std::less<>>& bindings, std::string& error,
                   std::size_t& error_offset) const {
    std::string_view prefix = PrefixOf(node.name());
    if (prefix == "xmlns") {
      error = std::string("Not namespace-well-formed: the element <") + node.name() +
              "> uses the reserved prefix xmlns";
      error_offset = OffsetOf(node);
      return false;
    }
    std::size_t attributes = 0;
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      ++attributes;
      ++r.node_count;
      std::string_view an = a.name();
      bool is_decl = an == "xmlns" || an.substr(0, 6) == "xmlns:";
      if (is_decl) {
        if (auto why = IllegalDeclaration(an, a.value())) {
          error = "Not namespace-well-formed: " + *why +
                  "; a parser that drops the declaration "
                  "and one that honours it see different elements, so samlint refuses the "
                  "document";
          error_offset = AttributeOffset(node, a.name());
          return false;
        }
        if (an != "xmlns") {
          std::string p(an.substr(6));
          auto [it, inserted] = bindings.emplace(p, a.value());
          if (!inserted && it->second != a.value() &&
              (IsSecurityNamespace(it->second) || IsSecurityNamespace(a.value()))) {
            if (r.rebound_prefixes.size() < kMaxListedFindings) {
              r.rebound_prefixes.push_back(
                  {p, it->second, a.value(), AttributeOffset(node, a.name())});
            } else {
              ++r.rebound_unlisted;
            }
          }
        }
      }
      std::string_view ap = PrefixOf(an);
      if (!ap.empty() && ap != "xmlns" && !ResolvePrefix(node, ap)) {
        r.undeclared_prefixes.push_back(
            {std::string(ap), std::string(an), "", AttributeOffset(node, a.name())});
      }
      if (an == "ID") r.ids.emplace_back(a.value(), AttributeOffset(node, "ID"));
    }
    // pugixml keeps repeated attributes; XML (and libxml2) refuses them.
    if (attributes > 1) {
      std::vector<std::string_view> names;
      names.reserve(attributes);
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        names.emplace_back(a.name());
      }
      std::sort(names.begin(), names.end());
      auto dup = std::adjacent_find(names.begin(), names.end());
      if (dup != names.end()) {
        error = "Not well-formed XML: the attribute " + std::string(*dup) + " appears twice in <" +
                node.name() + ">";
        error_offset = OffsetOf(node);
        return false;
      }
    }
    if (!prefix.empty() && !ResolvePrefix(node, prefix)) {
      r.undeclared_prefixes.push_back(
          {std::string(prefix), node.name(), node.attribute("Name").value(), OffsetOf(node)});
    }
    if (LocalName(node.name()) == "Signature" && NamespaceOf(node) == kDsigNs) {
      r.has_any_signature = true;
      ++r.signature_count;
    }
    bool has_comment = false;
    bool has_text = false;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_comment) has_comment = true;
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        std::string_view v = c.value();
        if (v.find_first_not_of(" \t\r\n") != std::string_view::npos) has_text = true;
      }
    }
    if (has_comment && has_text) r.comments_in_values.push_back({node.name(), OffsetOf(node)});
    return true;
  }

  // SAML content no service provider reads: an Assertion that is not a child of
  // `response` (or the root Assertion itself), a statement or attribute
  // outside every such Assertion, and a ds:Signature carried by anything but
  // the Response or an Assertion. Each misplaced subtree is reported once.
  // Signatures belong on an Assertion, the Response, or a protocol message
  // that wraps it (an ArtifactResponse).
  static bool CarriesSignatures(pugi::xml_node parent, pugi::xml_node response) {
    if (Is(parent, kAssertionNs, "Assertion")) return true;
    for (pugi::xml_node n = response; n; n = n.parent()) {
      if (n == parent) return true;
    }
    return false;
  }

  void Misplaced(pugi::xml_node response, bool bare_assertion, ResponseFacts& r) const {
    auto read_assertion = [&](pugi::xml_node n) {
      if (bare_assertion) return n == response;
      return Is(n, kAssertionNs, "Assertion") && n.parent() == response;
    };
    // Inside a read Assertion statements and attributes are where they belong;
    // only a nested Assertion (in Advice, say) is misplaced there.
    auto inside_read = [&](pugi::xml_node n) {
      for (pugi::xml_node p = n.parent(); p; p = p.parent()) {
        if (read_assertion(p)) return true;
      }
      return false;
    };
    auto misplaced = [&](pugi::xml_node n) {
      if (r.misplaced.size() < kMaxListedFindings) {
        r.misplaced.push_back({n.name(), n.parent().name(), OffsetOf(n)});
      } else {
        ++r.misplaced_unlisted;
      }
    };
    pugi::xml_node node = doc_.document_element();
    pugi::xml_node root = node;
    while (node) {
      bool descend = node.type() == pugi::node_element;
      if (descend && !read_assertion(node)) {
        bool statement = Is(node, kAssertionNs, "AttributeStatement") ||
                         Is(node, kAssertionNs, "AuthnStatement") ||
                         Is(node, kAssertionNs, "AuthzDecisionStatement") ||
                         Is(node, kAssertionNs, "Statement") || Is(node, kAssertionNs, "Attribute");
        if (Is(node, kAssertionNs, "Assertion") || (statement && !inside_read(node)) ||
            (Is(node, kDsigNs, "Signature") && !CarriesSignatures(node.parent(), response))) {
          misplaced(node);
          descend = false;
        }
      }
      if (descend && node.first_child()) {
        node = node.first_child();
        continue;
      }
      while (node && node != root && !node.next_sibling()) node = node.parent();
      if (!node || node == root) return;
      node = node.next_sibling();
    }
  }

 private:
  std::string_view xml_;
  const pugi::xml_document& doc_;
};

}  // namespace

ExtractOutcome ExtractFacts(std::string_view xml, std::size_t max_nodes) {
  ExtractOutcome out;
  // Both parsers must read the same characters: pugixml reads UTF-8 and libxml2
  // (which checks signatures) is told to as well, so a document that declares
  // another encoding, or is not UTF-8, is refused before either reads it.
  if (auto encoding = DeclaredEncoding(xml); encoding && !IsUtf8Name(*encoding)) {
    out.status = ExtractStatus::kMalformed;
    out.error = "The XML declaration names the encoding \"" + std::string(encoding->substr(0, 40)) +
                "\"; samlint reads SAML responses only as UTF-8, because a parser that honours "
                "the declared encoding and one that does not see different characters (and so "
                "different elements and values)";
    out.error_offset = static_cast<std::size_t>(encoding->data() - xml.data());
    return out;
  }
  if (std::size_t bad = InvalidUtf8At(xml); bad != std::string_view::npos) {
    out.status = ExtractStatus::kMalformed;
    out.error =
        "Not well-formed XML: the byte at offset " + std::to_string(bad) + " is not valid UTF-8";
    out.error_offset = bad;
    return out;
  }
  pugi::xml_document doc;
  // parse_doctype only so that a DOCTYPE becomes a node we can refuse; pugixml
  // never expands entities or fetches anything.
  constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_comments | pugi::parse_doctype;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), kParseFlags, pugi::encoding_utf8);
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_doctype) {
      out.status = ExtractStatus::kDoctype;
      out.error =
          "The document has a DOCTYPE; SAML forbids DTDs and samlint does not read past one";
      auto start = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()));
      auto at = xml.rfind("<!DOCTYPE", start);
      out.error_offset = at == std::string_view::npos ? start : at;
      return out;
    }
  }
  const std::size_t bad_reference = UndeclaredReferenceAt(xml);
  const bool reference_first =
      bad_reference != std::string_view::npos &&
      (parsed ||
       bad_reference < static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)));
  if (reference_first && xml.find("<!DOCTYPE") > bad_reference) {
    out.status = ExtractStatus::kMalformed;
    // The reference as written, in ASCII only: a name, a '#' and digits, a ';'.
    std::size_t end = bad_reference + 1;
    while (end < xml.size() && end - bad_reference < 32 &&
           (std::isalnum(static_cast<unsigned char>(xml[end])) != 0 ||
            std::strchr("#_.:-", xml[end]) != nullptr)) {
      ++end;
    }
    if (end < xml.size() && xml[end] == ';') ++end;
    std::string_view shown = xml.substr(bad_reference, end - bad_reference);
    out.error = "Not well-formed XML: \"" + std::string(shown) +
                "\" is neither a predefined entity (&amp; &lt; &gt; &quot; &apos;) nor a "
                "character reference to an XML character, and with no DTD nothing declares "
                "other entities";
    out.error_offset = bad_reference;
    return out;
  }
  if (!parsed) {
    // A DOCTYPE may also sit where pugixml gave up: refuse it as such.
    auto doctype = xml.find("<!DOCTYPE");
    if (doctype != std::string_view::npos &&
        doctype < static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)) + 1) {
      out.status = ExtractStatus::kDoctype;
      out.error =
          "The document has a DOCTYPE; SAML forbids DTDs and samlint does not read past one";
      out.error_offset = doctype;
      return out;
    }
    out.status = ExtractStatus::kMalformed;
    out.error = std::string("Not well-formed XML: ") + parsed.description();
    // pugixml may point one past the end of a truncated document.
    out.error_offset =
        std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)), xml.size());
    return out;
  }

  int roots = 0;
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && ++roots == 2) {
      // pugixml accepts fragments; XML (and every SP) does not.
      out.status = ExtractStatus::kMalformed;
      out.error = std::string("Not well-formed XML: a second root element <") + c.name() +
                  "> follows the first";
      out.error_offset =
          static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug() - 1));
      return out;
    }
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.status = ExtractStatus::kMalformed;
      out.error = "Not well-formed XML: text outside the root element";
      out.error_offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()));
      return out;
    }
  }
  if (roots == 0) {
    out.status = ExtractStatus::kMalformed;
    out.error = "Not well-formed XML: there is no root element";
    return out;
  }

  Extractor ex(xml, doc);
  ResponseFacts facts;
  if (!ex.Scan(facts, max_nodes, out.status, out.error, out.error_offset)) return out;

  pugi::xml_node root = doc.document_element();
  if (Is(root, kSoap11Ns, "Envelope") || Is(root, kSoap12Ns, "Envelope")) {
    auto soap_ns = *NamespaceOf(root);
    pugi::xml_node body = FirstChild(root, soap_ns, "Body");
    pugi::xml_node inner;
    for (pugi::xml_node c = body.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        inner = c;
        break;
      }
    }
    // Artifact resolution wraps the Response once more.
    if (inner && Is(inner, kProtocolNs, "ArtifactResponse")) {
      pugi::xml_node r = FirstChild(inner, kProtocolNs, "Response");
      if (r) inner = r;
    }
    facts.envelope = Envelope::kSoap;
    root = inner;
  } else if (Is(root, kProtocolNs, "ArtifactResponse")) {
    if (pugi::xml_node r = FirstChild(root, kProtocolNs, "Response")) root = r;
  }

  if (root && Is(root, kProtocolNs, "Response")) {
    facts.is_response = true;
    ex.Response(root, facts);
    ex.NestedAssertions(root, facts);
    ex.Misplaced(root, false, facts);
  } else if (root && Is(root, kAssertionNs, "Assertion")) {
    facts.is_response = false;
    facts.offset = ex.OffsetOf(root);
    facts.path = PathOf(root);
    facts.assertions.push_back(ex.Assertion(root));
    ex.NestedAssertions(root, facts);
    ex.Misplaced(root, true, facts);
  } else {
    out.status = ExtractStatus::kNotSaml;
    std::string name = root ? root.name() : "(none)";
    std::string ns;
    if (root) {
      auto uri = NamespaceOf(root);
      ns = !uri           ? " (its prefix is not declared)"
           : uri->empty() ? " (in no namespace: an xmlns declaration is missing)"
                          : " (in namespace " + std::string(*uri) + ")";
    }
    out.error = "Well-formed XML, but the root element <" + name + ">" + ns +
                " is not a SAML 2.0 Response (urn:oasis:names:tc:SAML:2.0:protocol) or Assertion";
    out.error_offset = root ? ex.OffsetOf(root) : 0;
    return out;
  }
  out.status = ExtractStatus::kOk;
  out.facts = std::move(facts);
  return out;
}

namespace {

class Differences {
 public:
  void Text(const char* what, const TextFact& a, const TextFact& b) {
    if (a.present != b.present || a.value != b.value) out_.emplace_back(what);
  }
  void Time(const char* what, const TimeFact& a, const TimeFact& b) {
    if (a.present != b.present || a.text != b.text) out_.emplace_back(what);
  }
  void Flag(const char* what, bool a, bool b) {
    if (a != b) out_.emplace_back(what);
  }
  std::vector<std::string>& out() { return out_; }

  // Compares two lists of `element`s pair by pair, or notes that their lengths differ.
  template <typename Fact, typename ComparePair>
  void EachPair(const char* element, const std::vector<Fact>& a, const std::vector<Fact>& b,
                ComparePair compare_pair) {
    if (a.size() != b.size()) {
      out_.push_back(std::string("the number of ") + element + " elements");
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i) compare_pair(a[i], b[i]);
  }

 private:
  std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> AssertionDifferences(const AssertionFact& a, const AssertionFact& b) {
  Differences d;
  d.Text("Assertion/@ID", a.id, b.id);
  d.Time("Assertion/@IssueInstant", a.issue_instant, b.issue_instant);
  d.Text("Issuer", a.issuer, b.issuer);
  d.Text("Subject/NameID", a.name_id, b.name_id);
  d.Flag("Conditions", a.has_conditions, b.has_conditions);
  d.Time("Conditions/@NotBefore", a.not_before, b.not_before);
  d.Time("Conditions/@NotOnOrAfter", a.not_on_or_after, b.not_on_or_after);
  d.EachPair("Audience", a.audiences, b.audiences,
             [&](const TextFact& x, const TextFact& y) { d.Text("Audience", x, y); });
  d.EachPair("SubjectConfirmation", a.subject_confirmations, b.subject_confirmations,
             [&](const SubjectConfirmationFact& x, const SubjectConfirmationFact& y) {
               if (x.method != y.method) d.out().emplace_back("SubjectConfirmation/@Method");
               d.Flag("SubjectConfirmationData", x.has_data, y.has_data);
               d.Text("SubjectConfirmationData/@Recipient", x.recipient, y.recipient);
               d.Time("SubjectConfirmationData/@NotBefore", x.not_before, y.not_before);
               d.Time("SubjectConfirmationData/@NotOnOrAfter", x.not_on_or_after,
                      y.not_on_or_after);
             });
  d.EachPair("AuthnStatement", a.authn_statements, b.authn_statements,
             [&](const AuthnStatementFact& x, const AuthnStatementFact& y) {
               d.Time("AuthnStatement/@AuthnInstant", x.authn_instant, y.authn_instant);
               d.Time("AuthnStatement/@SessionNotOnOrAfter", x.session_not_on_or_after,
                      y.session_not_on_or_after);
             });
  d.EachPair("Attribute", a.attributes, b.attributes,
             [&](const AttributeFact& x, const AttributeFact& y) {
               bool same = x.name == y.name && x.values.size() == y.values.size();
               for (std::size_t k = 0; same && k < x.values.size(); ++k) {
                 same = x.values[k].value == y.values[k].value;
               }
               if (!same) {
                 d.out().push_back("Attribute " +
                                   (x.name.size() <= 120 ? x.name : x.name.substr(0, 120) + "..."));
               }
             });
  return std::move(d.out());
}

}  // namespace samlint
