#include "trust/verify.h"

#include <xmlsec/buffer.h>
#include <xmlsec/crypto.h>
#include <xmlsec/list.h>
#include <xmlsec/membuf.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmltree.h>

#include <algorithm>
#include <map>

#include "base/xml_namespaces.h"
#include "samlint/rule_id.h"
#include "trust/anchor_key.h"
#include "trust/xmlsec_adapter.h"

namespace samlint {
namespace {

// The only Reference transforms a SAML signature needs. XPath, XSLT and
// base64 transforms let a signature cover something other than the element
// it names, so they are refused.
constexpr std::string_view kAllowedTransforms[] = {
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
    "http://www.w3.org/2006/12/xml-c14n11",
    "http://www.w3.org/2006/12/xml-c14n11#WithComments",
};

const char* kStructureFix =
    "Have the IdP emit a standard enveloped XML Signature (SignedInfo, SignatureValue, KeyInfo, "
    "in that order, with one Reference to the signed element's ID); if it does, something "
    "rewrote the response in transit: reject it.";
const char* kTamperedFix =
    "Reject the response: the signed content changed after signing. If it came straight from "
    "your IdP, look for what rewrites responses in transit (a proxy, a library that "
    "re-serialises the XML).";
const char* kKeyFix =
    "Pass the IdP's current signing certificate with --cert FILE (repeat it during a key "
    "rollover) or its metadata with --idp-metadata FILE.";
const char* kAlgorithmFix =
    "Have the IdP sign with RSA-SHA256 (or ECDSA-SHA256) and a SHA-256 digest, which every SAML "
    "service provider supports.";

ElementPath PathOf(const xmlNode* node) {
  ElementPath path;
  for (const xmlNode* n = node; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::uint32_t index = 0;
    for (const xmlNode* s = n->prev; s != nullptr; s = s->prev) {
      if (s->type == XML_ELEMENT_NODE) ++index;
    }
    path.push_back(index);
  }
  return ElementPath(path.rbegin(), path.rend());
}

std::vector<xmlNode*> Children(xmlNode* parent, std::string_view ns, std::string_view local) {
  std::vector<xmlNode*> out;
  if (parent == nullptr) return out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (xmlsec::IsElement(c, ns, local)) out.push_back(c);
  }
  return out;
}

std::vector<xmlNode*> ElementChildren(xmlNode* parent) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

std::string Text(xmlNode* node) {
  xmlsec::XmlCharPtr content(xmlNodeGetContent(node));
  return content ? std::string(reinterpret_cast<const char*>(content.get())) : std::string();
}

std::string NameOf(const xmlNode* n) {
  std::string name;
  if (n->ns != nullptr && n->ns->prefix != nullptr) {
    name = std::string(reinterpret_cast<const char*>(n->ns->prefix)) + ":";
  }
  return name + reinterpret_cast<const char*>(n->name);
}

// Every element in document order (iterative: depth is bounded by libxml2, but
// recursion here would still be a needless risk).
template <typename Fn>
void ForEachElement(xmlNode* root, Fn fn) {
  xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) fn(node);
    if (node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node->next == nullptr) {
      node = node->parent;
      if (node == root || node == nullptr || node->type == XML_DOCUMENT_NODE) return;
    }
    if (node != nullptr) node = node->next;
  }
}

// XML Signature's content model, checked before xmlsec sees the signature, so
// a failure names the structure rather than xmlsec's first complaint.
std::string StructureProblem(xmlNode* sig) {
  std::vector<xmlNode*> children = ElementChildren(sig);
  auto is = [](xmlNode* n, const char* local) { return xmlsec::IsElement(n, kDsigNs, local); };
  if (children.empty() || !is(children[0], "SignedInfo")) {
    return "its first child is " +
           (children.empty() ? std::string("missing") : "<" + NameOf(children[0]) + ">") +
           ", not ds:SignedInfo (XML Signature requires SignedInfo, SignatureValue, then "
           "KeyInfo and Object)";
  }
  if (children.size() < 2 || !is(children[1], "SignatureValue")) {
    return "ds:SignedInfo is not followed by ds:SignatureValue";
  }
  for (std::size_t i = 2; i < children.size(); ++i) {
    bool allowed = (i == 2 && is(children[i], "KeyInfo")) || is(children[i], "Object");
    if (!allowed) {
      return "it has <" + NameOf(children[i]) +
             "> where only ds:KeyInfo (once, after SignatureValue) or ds:Object may stand";
    }
  }
  std::vector<xmlNode*> info = ElementChildren(children[0]);
  if (info.size() < 3 || !is(info[0], "CanonicalizationMethod") || !is(info[1], "SignatureMethod")) {
    return "its SignedInfo does not start with CanonicalizationMethod and SignatureMethod";
  }
  for (std::size_t i = 2; i < info.size(); ++i) {
    if (!is(info[i], "Reference")) {
      return "its SignedInfo has <" + NameOf(info[i]) + "> where only ds:Reference may stand";
    }
  }
  return {};
}

constexpr std::string_view kEnvelopedTransform =
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

// A Reference's Transforms, checked before xmlsec runs them: SAML (core 5.4.4)
// needs the enveloped-signature transform, then at most one canonicalization.
// Anything after a canonicalization would make xmlsec parse the canonical
// bytes back into a second document (a parser-differential surface, and a
// path on which xmlsec 1.2.37 leaks), so the order is enforced here.
std::string TransformProblem(xmlNode* reference) {
  std::vector<xmlNode*> lists = Children(reference, kDsigNs, "Transforms");
  if (lists.size() > 1) {
    return "has " + std::to_string(lists.size()) + " ds:Transforms elements; XML Signature allows one";
  }
  if (lists.empty()) return {};
  bool enveloped = false;
  std::string canonicalization;
  for (xmlNode* t : ElementChildren(lists.front())) {
    if (!xmlsec::IsElement(t, kDsigNs, "Transform")) {
      return "has <" + NameOf(t) + "> inside ds:Transforms, where only ds:Transform may stand";
    }
    std::string algorithm = xmlsec::Attribute(t, "Algorithm");
    if (std::find(std::begin(kAllowedTransforms), std::end(kAllowedTransforms), algorithm) ==
        std::end(kAllowedTransforms)) {
      return "uses the transform " + algorithm +
             "; only enveloped-signature and canonicalization are allowed";
    }
    if (!canonicalization.empty()) {
      return "applies " + AlgorithmShortName(algorithm) + " after the canonicalization " +
             AlgorithmShortName(canonicalization) +
             ", which parses the canonical bytes back into XML; a SAML signature has the "
             "enveloped-signature transform, then at most one canonicalization";
    }
    if (algorithm == kEnvelopedTransform) {
      if (enveloped) return "applies the enveloped-signature transform twice";
      enveloped = true;
    } else {
      canonicalization = algorithm;
    }
  }
  return {};
}

// xmlsec's own answer to "can you compute this algorithm?".
bool XmlsecKnows(const std::string& href, xmlSecTransformUsage usage) {
  return xmlSecTransformIdListFindByHref(xmlSecTransformIdsGet(),
                                         reinterpret_cast<const xmlChar*>(href.c_str()),
                                         usage) != xmlSecTransformIdUnknown;
}

class Verifier {
 public:
  Verifier(xmlDoc* doc, const TrustStore& store, VerifyWork& work)
      : doc_(doc), store_(store), work_(work) {
    ForEachElement(xmlDocGetRootElement(doc), [&](xmlNode* n) {
      if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("ID")) != nullptr) {
        ids_[xmlsec::Attribute(n, "ID")].push_back(n);
      }
    });
    // Register IDs only where they are unique, so a Reference can never
    // resolve to whichever duplicate a parser happens to pick.
    for (auto& [id, nodes] : ids_) {
      if (nodes.size() != 1) continue;
      xmlAttr* attr = xmlHasProp(nodes.front(), reinterpret_cast<const xmlChar*>("ID"));
      xmlAddID(nullptr, doc_, reinterpret_cast<const xmlChar*>(id.c_str()), attr);
    }
  }

  SignatureCheck Check(xmlNode* sig, const ElementPath& parent_path) {
    SignatureCheck c;
    c.signature_path = PathOf(sig);
    c.parent_path = parent_path;
    xmlsec::TakeErrors();

    if (std::string problem = StructureProblem(sig); !problem.empty()) {
      // Still say what it claims to sign, for the message.
      return Fail(c, Rule::kSignatureInvalid, "the ds:Signature is malformed: " + problem,
                  kStructureFix);
    }
    xmlNode* signed_info = ElementChildren(sig)[0];
    std::vector<xmlNode*> info = ElementChildren(signed_info);
    std::string c14n = xmlsec::Attribute(info[0], "Algorithm");
    std::string method_uri = xmlsec::Attribute(info[1], "Algorithm");
    c.method = AlgorithmShortName(method_uri);
    std::vector<xmlNode*> references(info.begin() + 2, info.end());
    if (references.size() != 1) {
      return Fail(c, Rule::kSignatureInvalid,
                  "SignedInfo has " + std::to_string(references.size()) +
                      " References; a SAML signature has exactly one, to the element it signs",
                  kStructureFix);
    }
    xmlNode* reference = references.front();
    auto digests = Children(reference, kDsigNs, "DigestMethod");
    std::string digest_uri = digests.empty() ? "" : xmlsec::Attribute(digests.front(), "Algorithm");
    c.digest = AlgorithmShortName(digest_uri);
    c.reference_uri = xmlsec::Attribute(reference, "URI");

    const std::string& uri = c.reference_uri;
    if (uri.empty()) {
      c.whole_document = true;
      c.covered_path = PathOf(xmlDocGetRootElement(doc_));
    } else if (uri.front() == '#') {
      auto it = ids_.find(uri.substr(1));
      if (it == ids_.end()) {
        return Fail(c, Rule::kSignatureInvalid, "its Reference URI " + uri + " names no element",
                    kStructureFix);
      }
      if (it->second.size() != 1) {
        return Fail(c, Rule::kSignatureInvalid,
                    "its Reference URI " + uri + " names " + std::to_string(it->second.size()) +
                        " elements (duplicate ID), so which one is signed is ambiguous",
                    kTamperedFix);
      }
      c.covered_path = PathOf(it->second.front());
    } else {
      return Fail(c, Rule::kSignatureInvalid,
                  "its Reference URI \"" + uri + "\" is not a same-document reference",
                  kStructureFix);
    }

    if (!XmlsecKnows(method_uri, xmlSecTransformUsageSignatureMethod)) {
      return Fail(c, Rule::kSignatureAlgorithmUnsupported,
                  "its SignatureMethod " + method_uri +
                      " is not one samlint's xmlsec 1.2 can check (RSA-PSS and EdDSA are not), so "
                      "it was not verified; the cloud may still accept it",
                  kAlgorithmFix);
    }
    if (!XmlsecKnows(digest_uri, xmlSecTransformUsageDigestMethod)) {
      return Fail(c, Rule::kSignatureAlgorithmUnsupported,
                  "its DigestMethod " + digest_uri +
                      " is not one samlint's xmlsec 1.2 can compute, so it was not verified; the "
                      "cloud may still accept it",
                  kAlgorithmFix);
    }
    if (c14n == kEnvelopedTransform ||
        std::find(std::begin(kAllowedTransforms), std::end(kAllowedTransforms), c14n) ==
            std::end(kAllowedTransforms)) {
      return Fail(c, Rule::kSignatureInvalid,
                  "its CanonicalizationMethod " + c14n + " is not a canonicalization algorithm",
                  kStructureFix);
    }
    if (std::string problem = TransformProblem(reference); !problem.empty()) {
      return Fail(c, Rule::kSignatureInvalid, "its Reference " + problem, kStructureFix);
    }

    std::string last_reason;
    for (std::size_t i = 0; i < store_.anchors.size(); ++i) {
      Attempt attempt = VerifyWith(sig, store_.anchors[i], c);
      if (attempt == Attempt::kValid) {
        c.valid = true;
        c.anchor = static_cast<int>(i);
        return c;
      }
      // A digest that does not match, or a signature xmlsec cannot process,
      // fails the same way with every key.
      if (attempt != Attempt::kKeyMismatch) return c;
    }

    // KeyInfo is read only to say which key the IdP claims, when no anchor
    // verifies; it is never trusted.
    std::string keyinfo_key;
    for (xmlNode* ki : Children(sig, kDsigNs, "KeyInfo")) {
      for (xmlNode* data : Children(ki, kDsigNs, "X509Data")) {
        for (xmlNode* cert : Children(data, kDsigNs, "X509Certificate")) {
          if (Result<TrustAnchor> anchor = ParseCertificate(Text(cert), "KeyInfo"); anchor.ok()) {
            if (c.keyinfo_fingerprint.empty()) {
              c.keyinfo_fingerprint = anchor->fingerprint;
              keyinfo_key = anchor->key_fingerprint;
            }
          }
        }
      }
    }
    // A bare-key anchor (no certificate) is the same key as a KeyInfo
    // certificate for that key.
    bool keyinfo_is_anchor =
        std::any_of(store_.anchors.begin(), store_.anchors.end(), [&](const TrustAnchor& a) {
          return a.fingerprint == c.keyinfo_fingerprint ||
                 (a.der.empty() && !keyinfo_key.empty() && a.key_fingerprint == keyinfo_key);
        });
    std::string anchors = std::to_string(store_.anchors.size()) + " trust anchor" +
                          (store_.anchors.size() == 1 ? "" : "s");
    if (!c.keyinfo_fingerprint.empty() && !keyinfo_is_anchor) {
      return Fail(c, Rule::kSignatureKeyUntrusted,
                  "its digest matches, but the SignatureValue does not verify with the " + anchors +
                      " given, and its KeyInfo carries a different certificate (" +
                      c.keyinfo_fingerprint + "), which samlint never trusts",
                  kKeyFix);
    }
    return Fail(c, Rule::kSignatureInvalid,
                "its digest matches, but the SignatureValue does not verify with the " + anchors +
                    " given: it was made with another key, or SignedInfo was changed after "
                    "signing",
                kKeyFix);
  }

 private:
  enum class Attempt { kValid, kKeyMismatch, kFailed };

  static SignatureCheck Fail(SignatureCheck& c, RuleId rule, std::string reason, const char* fix) {
    c.valid = false;
    c.rule = rule;
    c.reason = std::move(reason);
    c.fix = fix;
    return c;
  }

  Attempt VerifyWith(xmlNode* sig, const TrustAnchor& anchor, SignatureCheck& c) {
    xmlsec::KeyPtr key = anchor.key ? xmlsec::KeyFromPublicKey(anchor.key->pkey)
                                    : xmlsec::LoadCertificateKey(anchor.der);
    if (!key) {
      Fail(c, Rule::kSignatureInvalid,
           "the trust anchor's key from " + anchor.source +
               " could not be loaded: " + xmlsec::TakeErrors(),
           kKeyFix);
      return Attempt::kKeyMismatch;
    }
    xmlsec::DsigCtxPtr ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx) {
      Fail(c, Rule::kSignatureInvalid, "xmlsec could not create a signature context",
           kStructureFix);
      return Attempt::kFailed;
    }
    ctx->signKey = key.release();  // the context owns and destroys it
    // Keep the References, so the digested bytes can be read back.
    ctx->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES;
    ctx->enabledReferenceUris = static_cast<xmlSecTransformUriType>(
        xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument);
    for (xmlSecTransformId id :
         {xmlSecTransformEnvelopedId, xmlSecTransformExclC14NId,
          xmlSecTransformExclC14NWithCommentsId, xmlSecTransformInclC14NId,
          xmlSecTransformInclC14NWithCommentsId, xmlSecTransformInclC14N11Id,
          xmlSecTransformInclC14N11WithCommentsId,
          // The digest is a Reference transform too, so the list must name them.
          xmlSecTransformSha1Id, xmlSecTransformSha224Id, xmlSecTransformSha256Id,
          xmlSecTransformSha384Id, xmlSecTransformSha512Id}) {
      xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id);
    }
    ++work_.verifications;
    int rc = xmlSecDSigCtxVerify(ctx.get(), sig);
    std::string errors = xmlsec::TakeErrors();

    xmlSecSize stored = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
    bool digests_ok = stored > 0;
    xmlSecDSigReferenceCtxPtr first = nullptr;
    for (xmlSecSize i = 0; i < stored; ++i) {
      auto* ref = static_cast<xmlSecDSigReferenceCtxPtr>(
          xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
      if (ref == nullptr) continue;
      if (first == nullptr) first = ref;
      ++work_.canonicalizations;
      if (ref->status != xmlSecDSigStatusSucceeded) digests_ok = false;
    }
    if (digests_ok) ++work_.canonicalizations;  // SignedInfo, for the SignatureValue

    if (rc == 0 && ctx->status == xmlSecDSigStatusSucceeded) {
      if (first != nullptr && first->preDigestMemBufMethod != nullptr) {
        xmlSecBufferPtr buffer = xmlSecTransformMemBufGetBuffer(first->preDigestMemBufMethod);
        if (buffer != nullptr && xmlSecBufferGetData(buffer) != nullptr) {
          c.signed_bytes.assign(reinterpret_cast<const char*>(xmlSecBufferGetData(buffer)),
                                xmlSecBufferGetSize(buffer));
        }
      }
      return Attempt::kValid;
    }
    if (rc == 0 && !digests_ok) {
      Fail(c, Rule::kSignatureInvalid,
           "the digest of its Reference " +
               (c.reference_uri.empty() ? std::string("URI=\"\" (the whole document)")
                                        : "URI=\"" + c.reference_uri + "\"") +
               " does not match: the signed element was changed after it was signed",
           kTamperedFix);
      return Attempt::kFailed;
    }
    if (rc == 0) return Attempt::kKeyMismatch;
    Fail(c, Rule::kSignatureInvalid,
         "xmlsec could not process it (" + (errors.empty() ? std::string("no detail") : errors) +
             ")",
         kStructureFix);
    return Attempt::kFailed;
  }

  xmlDoc* doc_;
  const TrustStore& store_;
  VerifyWork& work_;
  std::map<std::string, std::vector<xmlNode*>> ids_;
};

}  // namespace

std::string AlgorithmShortName(std::string_view uri) {
  auto hash = uri.rfind('#');
  return std::string(hash == std::string_view::npos ? uri : uri.substr(hash + 1));
}

VerifyOutcome VerifySignatures(std::string_view xml, const TrustStore& store,
                               const std::vector<ElementPath>& parents,
                               std::size_t max_signatures) {
  VerifyOutcome out;
  if (Status ready = xmlsec::EnsureInitialised(); !ready.ok()) {
    out.error = ready.message();
    return out;
  }
  xmlsec::DocPtr doc = xmlsec::ParseHardened(xml, &out.ns_well_formed);
  if (!doc) {
    out.error = "libxml2 could not parse the document that pugixml read";
    return out;
  }
  out.ran = true;
  // Every signature, grouped by the element that carries it; the parent's path
  // is computed once per parent (siblings by the thousand must stay linear).
  std::vector<std::pair<ElementPath, std::vector<xmlNode*>>> by_parent;
  std::map<const xmlNode*, std::size_t> parent_index;
  ForEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    if (!xmlsec::IsElement(n, kDsigNs, "Signature") || n->parent == nullptr ||
        n->parent->type != XML_ELEMENT_NODE) {
      return;
    }
    ++out.work.signatures_seen;
    auto [it, inserted] = parent_index.emplace(n->parent, by_parent.size());
    if (inserted) by_parent.emplace_back(PathOf(n->parent), std::vector<xmlNode*>{});
    by_parent[it->second].second.push_back(n);
  });
  std::size_t matter = 0;
  Verifier verifier(doc.get(), store, out.work);
  std::vector<bool> taken(by_parent.size(), false);
  for (const ElementPath& wanted : parents) {
    for (std::size_t i = 0; i < by_parent.size(); ++i) {
      if (taken[i] || by_parent[i].first != wanted) continue;
      taken[i] = true;
      for (xmlNode* sig : by_parent[i].second) {
        ++matter;
        if (out.checks.size() >= max_signatures) {
          ++out.over_limit;
          continue;
        }
        out.checks.push_back(verifier.Check(sig, by_parent[i].first));
      }
    }
  }
  out.elsewhere = out.work.signatures_seen - matter;
  return out;
}

}  // namespace samlint
