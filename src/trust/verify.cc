#include "trust/verify.h"

#include <xmlsec/crypto.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmltree.h>

#include <algorithm>
#include <map>

#include "trust/anchor_key.h"
#include "trust/signature.h"
#include "trust/xmlsec_adapter.h"

namespace samlint {
namespace {

constexpr std::string_view kDsig = "http://www.w3.org/2000/09/xmldsig#";

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

std::string Text(xmlNode* node) {
  xmlsec::XmlCharPtr content(xmlNodeGetContent(node));
  return content ? std::string(reinterpret_cast<const char*>(content.get())) : std::string();
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

class Verifier {
 public:
  Verifier(xmlDoc* doc, const TrustStore& store) : doc_(doc), store_(store) {
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

  SignatureCheck Check(xmlNode* sig) {
    SignatureCheck c;
    c.signature_path = PathOf(sig);
    c.parent_path = PathOf(sig->parent);
    xmlsec::TakeErrors();

    auto signed_infos = Children(sig, kDsig, "SignedInfo");
    if (signed_infos.size() != 1) {
      return Fail(c, "signature-invalid",
                  "the ds:Signature has " + std::to_string(signed_infos.size()) +
                      " SignedInfo elements; exactly one is allowed");
    }
    xmlNode* signed_info = signed_infos.front();
    auto methods = Children(signed_info, kDsig, "SignatureMethod");
    if (!methods.empty())
      c.method = AlgorithmShortName(xmlsec::Attribute(methods.front(), "Algorithm"));
    auto references = Children(signed_info, kDsig, "Reference");
    if (references.size() != 1) {
      return Fail(c, "signature-invalid",
                  "SignedInfo has " + std::to_string(references.size()) +
                      " References; a SAML signature has exactly one, to the element it signs");
    }
    xmlNode* reference = references.front();
    auto digests = Children(reference, kDsig, "DigestMethod");
    if (!digests.empty())
      c.digest = AlgorithmShortName(xmlsec::Attribute(digests.front(), "Algorithm"));

    std::string uri = xmlsec::Attribute(reference, "URI");
    if (uri.empty()) {
      c.whole_document = true;
      c.covered_path = PathOf(xmlDocGetRootElement(doc_));
    } else if (uri.front() == '#') {
      auto it = ids_.find(uri.substr(1));
      if (it == ids_.end()) {
        return Fail(c, "signature-invalid", "the Reference URI " + uri + " names no element");
      }
      if (it->second.size() != 1) {
        return Fail(c, "signature-invalid",
                    "the Reference URI " + uri + " names " + std::to_string(it->second.size()) +
                        " elements (duplicate ID); which one is signed is ambiguous");
      }
      c.covered_path = PathOf(it->second.front());
    } else {
      return Fail(c, "signature-invalid",
                  "the Reference URI \"" + uri + "\" is not a same-document reference");
    }
    for (xmlNode* transforms : Children(reference, kDsig, "Transforms")) {
      for (xmlNode* t : Children(transforms, kDsig, "Transform")) {
        std::string algorithm = xmlsec::Attribute(t, "Algorithm");
        if (std::find(std::begin(kAllowedTransforms), std::end(kAllowedTransforms), algorithm) ==
            std::end(kAllowedTransforms)) {
          return Fail(c, "signature-invalid",
                      "the Reference uses the transform " + algorithm +
                          "; only enveloped-signature and canonicalization are allowed");
        }
      }
    }

    std::string last_reason;
    for (std::size_t i = 0; i < store_.anchors.size(); ++i) {
      std::string reason;
      if (VerifyWith(sig, store_.anchors[i], reason)) {
        c.valid = true;
        c.anchor = static_cast<int>(i);
        return c;
      }
      last_reason = reason;
    }

    // KeyInfo is read only to say which key the IdP claims, when no anchor
    // verifies; it is never trusted.
    std::string keyinfo_key;
    for (xmlNode* ki : Children(sig, kDsig, "KeyInfo")) {
      for (xmlNode* data : Children(ki, kDsig, "X509Data")) {
        for (xmlNode* cert : Children(data, kDsig, "X509Certificate")) {
          std::string error;
          if (auto anchor = ParseCertificate(Text(cert), "KeyInfo", error)) {
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
    if (!c.keyinfo_fingerprint.empty() && !keyinfo_is_anchor) {
      return Fail(c, "signature-key-untrusted",
                  "it does not verify with any trust anchor, and its KeyInfo carries a different "
                  "certificate (" +
                      c.keyinfo_fingerprint + "), which samlint never trusts");
    }
    return Fail(c, "signature-invalid", last_reason.empty() ? "it does not verify" : last_reason);
  }

 private:
  static SignatureCheck Fail(SignatureCheck& c, const char* rule, std::string reason) {
    c.valid = false;
    c.rule = rule;
    c.reason = std::move(reason);
    return c;
  }

  bool VerifyWith(xmlNode* sig, const TrustAnchor& anchor, std::string& reason) {
    xmlsec::KeyPtr key = anchor.key ? xmlsec::KeyFromPublicKey(anchor.key->pkey)
                                    : xmlsec::LoadCertificateKey(anchor.der);
    if (!key) {
      reason = "the trust anchor's key could not be loaded: " + xmlsec::TakeErrors();
      return false;
    }
    xmlsec::DsigCtxPtr ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx) {
      reason = "xmlsec could not create a signature context";
      return false;
    }
    ctx->signKey = key.release();  // the context owns and destroys it
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
    int rc = xmlSecDSigCtxVerify(ctx.get(), sig);
    std::string errors = xmlsec::TakeErrors();
    if (rc == 0 && ctx->status == xmlSecDSigStatusSucceeded) return true;
    if (rc == 0) {
      reason =
          "the signature value or a digest does not match: the signed content was changed "
          "or it was signed with another key";
    } else {
      reason = errors.empty() ? "xmlsec could not process the signature" : errors;
    }
    return false;
  }

  xmlDoc* doc_;
  const TrustStore& store_;
  std::map<std::string, std::vector<xmlNode*>> ids_;
};

}  // namespace

VerifyOutcome VerifySignatures(std::string_view xml, const TrustStore& store) {
  VerifyOutcome out;
  if (!xmlsec::EnsureInitialised(out.error)) return out;
  xmlsec::DocPtr doc = xmlsec::ParseHardened(xml);
  if (!doc) {
    out.error = "libxml2 could not parse the document that pugixml read";
    return out;
  }
  out.ran = true;
  std::vector<xmlNode*> signatures;
  ForEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    if (xmlsec::IsElement(n, kDsig, "Signature") && n->parent != nullptr &&
        n->parent->type == XML_ELEMENT_NODE) {
      signatures.push_back(n);
    }
  });
  Verifier verifier(doc.get(), store);
  for (xmlNode* sig : signatures) out.checks.push_back(verifier.Check(sig));
  return out;
}

}  // namespace samlint
