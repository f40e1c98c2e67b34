#include "parse/extract.h"

#include <pugixml.hpp>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace samlint {
namespace {

constexpr std::string_view kProtocolNs = "urn:oasis:names:tc:SAML:2.0:protocol";
constexpr std::string_view kAssertionNs = "urn:oasis:names:tc:SAML:2.0:assertion";
constexpr std::string_view kDsigNs = "http://www.w3.org/2000/09/xmldsig#";
constexpr std::string_view kSoap11Ns = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr std::string_view kSoap12Ns = "http://www.w3.org/2003/05/soap-envelope";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

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
    char quote = 0;
    for (std::size_t i = start; i < xml_.size(); ++i) {
      char ch = xml_[i];
      if (quote) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '"' || ch == '\'') {
        quote = ch;
        continue;
      }
      if (ch == '>') break;
      bool boundary = i > 0 && (xml_[i - 1] == ' ' || xml_[i - 1] == '\t' ||
                                xml_[i - 1] == '\n' || xml_[i - 1] == '\r');
      if (boundary && xml_.compare(i, n, name) == 0) {
        std::size_t j = i + n;
        while (j < xml_.size() && (xml_[j] == ' ' || xml_[j] == '\t' || xml_[j] == '\n' ||
                                   xml_[j] == '\r')) {
          ++j;
        }
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
    TimeFact fact;
    if (pugi::xml_attribute a = node.attribute(name)) {
      fact.present = true;
      fact.text = a.value();
      fact.value = ParseDateTime(fact.text);
      fact.offset = AttributeOffset(node, name);
    }
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
    fact.signature_method = FirstChild(signed_info, kDsigNs, "SignatureMethod").attribute("Algorithm").value();
    pugi::xml_node reference = FirstChild(signed_info, kDsigNs, "Reference");
    fact.reference_uri = reference.attribute("URI").value();
    fact.digest_method = FirstChild(reference, kDsigNs, "DigestMethod").attribute("Algorithm").value();
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

  // One pass over every node: depth bound, IDs, undeclared prefixes, comments
  // inside text, any signature. Iterative, so hostile nesting cannot overflow the stack.
  bool Scan(ResponseFacts& r, std::string& error, std::size_t& error_offset) const {
    int depth = 0;
    pugi::xml_node node = doc_.first_child();
    while (node) {
      if (node.type() == pugi::node_element) {
        if (depth >= kMaxXmlDepth) {
          error = "Elements are nested more than " + std::to_string(kMaxXmlDepth) + " deep";
          error_offset = OffsetOf(node);
          return false;
        }
        ScanElement(node, r);
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

  void ScanElement(pugi::xml_node node, ResponseFacts& r) const {
    std::string_view prefix = PrefixOf(node.name());
    if (!prefix.empty() && !ResolvePrefix(node, prefix)) {
      r.undeclared_prefixes.push_back(
          {std::string(prefix), node.name(), node.attribute("Name").value(), OffsetOf(node)});
    }
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      std::string_view an = a.name();
      std::string_view ap = PrefixOf(an);
      if (!ap.empty() && ap != "xmlns" && !ResolvePrefix(node, ap)) {
        r.undeclared_prefixes.push_back(
            {std::string(ap), std::string(an), "", AttributeOffset(node, a.name())});
      }
      if (an == "ID") r.ids.emplace_back(a.value(), AttributeOffset(node, "ID"));
    }
    if (LocalName(node.name()) == "Signature" && NamespaceOf(node) == kDsigNs) {
      r.has_any_signature = true;
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
  }

 private:
  std::string_view xml_;
  const pugi::xml_document& doc_;
};

}  // namespace

ExtractOutcome ExtractFacts(std::string_view xml) {
  ExtractOutcome out;
  pugi::xml_document doc;
  // parse_doctype only so that a DOCTYPE becomes a node we can refuse; pugixml
  // never expands entities or fetches anything.
  constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_comments | pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), kParseFlags, pugi::encoding_utf8);
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_doctype) {
      out.status = ExtractStatus::kDoctype;
      out.error = "The document has a DOCTYPE; SAML forbids DTDs and samlint does not read past one";
      auto start = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()));
      auto at = xml.rfind("<!DOCTYPE", start);
      out.error_offset = at == std::string_view::npos ? start : at;
      return out;
    }
  }
  if (!parsed) {
    // A DOCTYPE may also sit where pugixml gave up: refuse it as such.
    auto doctype = xml.find("<!DOCTYPE");
    if (doctype != std::string_view::npos && doctype < static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)) + 1) {
      out.status = ExtractStatus::kDoctype;
      out.error = "The document has a DOCTYPE; SAML forbids DTDs and samlint does not read past one";
      out.error_offset = doctype;
      return out;
    }
    out.status = ExtractStatus::kMalformed;
    out.error = std::string("Not well-formed XML: ") + parsed.description();
    out.error_offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset));
    return out;
  }

  int roots = 0;
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && ++roots == 2) {
      // pugixml accepts fragments; XML (and every SP) does not.
      out.status = ExtractStatus::kMalformed;
      out.error = std::string("Not well-formed XML: a second root element <") + c.name() +
                  "> follows the first";
      out.error_offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug() - 1));
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
  if (!ex.Scan(facts, out.error, out.error_offset)) {
    out.status = ExtractStatus::kMalformed;
    return out;
  }

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
  } else if (root && Is(root, kAssertionNs, "Assertion")) {
    facts.is_response = false;
    facts.offset = ex.OffsetOf(root);
    facts.path = PathOf(root);
    facts.assertions.push_back(ex.Assertion(root));
    ex.NestedAssertions(root, facts);
  } else {
    out.status = ExtractStatus::kNotSaml;
    std::string name = root ? root.name() : "(none)";
    std::string ns;
    if (root) {
      auto uri = NamespaceOf(root);
      ns = !uri ? " (its prefix is not declared)"
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

}  // namespace samlint
