#include "trust/decrypt.h"

#include <xmlsec/app.h>
#include <xmlsec/buffer.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmltree.h>

#include <algorithm>
#include <vector>

#include "base/xml_namespaces.h"
#include "trust/xmlsec_adapter.h"

namespace samlint {
namespace {

xmlNode* FirstChild(xmlNode* parent, std::string_view ns, std::string_view local) {
  for (xmlNode* c = parent != nullptr ? parent->children : nullptr; c != nullptr; c = c->next) {
    if (xmlsec::IsElement(c, ns, local)) return c;
  }
  return nullptr;
}

// Many IdPs put the EncryptedKey beside EncryptedData instead of inside its
// KeyInfo; xmlsec looks only inside, so move it there.
void AdoptSiblingEncryptedKey(xmlNode* encrypted_assertion, xmlNode* encrypted_data) {
  xmlNode* sibling_key = FirstChild(encrypted_assertion, kXencNs, "EncryptedKey");
  if (sibling_key == nullptr) return;
  xmlNode* key_info = FirstChild(encrypted_data, kDsigNs, "KeyInfo");
  if (key_info != nullptr && FirstChild(key_info, kXencNs, "EncryptedKey") != nullptr) return;
  if (key_info == nullptr) {
    key_info = xmlSecAddChild(encrypted_data, reinterpret_cast<const xmlChar*>("KeyInfo"),
                              reinterpret_cast<const xmlChar*>(kDsigNs.data()));
    if (key_info == nullptr) return;
  }
  for (xmlNode* c = key_info->children; c != nullptr;) {
    xmlNode* next = c->next;
    if (xmlsec::IsElement(c, kDsigNs, "RetrievalMethod")) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
  xmlUnlinkNode(sibling_key);
  xmlAddChild(key_info, sibling_key);
}

// Byte range of the n-th EncryptedAssertion child of the Response in the raw text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

}  // namespace

DecryptOutcome DecryptAssertions(std::string_view xml, const SpKey& key) {
  DecryptOutcome out;
  if (Status ready = xmlsec::EnsureInitialised(); !ready.ok()) {
    out.error = ready.message();
    return out;
  }
  xmlsec::DocPtr doc = xmlsec::ParseHardened(xml);
  if (!doc) {
    out.error = "libxml2 could not parse the document";
    return out;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!xmlsec::IsElement(root, kProtocolNs, "Response")) {
    out.error = "the EncryptedAssertion is not inside a samlp:Response at the document root";
    return out;
  }
  std::vector<xmlNode*> encrypted;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (xmlsec::IsElement(c, kAssertionNs, "EncryptedAssertion")) encrypted.push_back(c);
  }
  if (encrypted.empty()) {
    out.error = "there is no EncryptedAssertion to decrypt";
    return out;
  }

  xmlsec::KeysMngrPtr manager(xmlSecKeysMngrCreate());
  if (!manager || xmlSecCryptoAppDefaultKeysMngrInit(manager.get()) < 0) {
    out.error = "xmlsec could not create a keys manager";
    return out;
  }
  xmlsec::KeyPtr private_key = xmlsec::LoadPrivateKey(key.pem);
  if (!private_key) {
    out.error = "the SP key in " + key.source + " could not be loaded: " + xmlsec::TakeErrors();
    return out;
  }
  if (xmlSecCryptoAppDefaultKeysMngrAdoptKey(manager.get(), private_key.get()) < 0) {
    out.error = "xmlsec refused the SP key";
    return out;
  }
  (void)private_key.release();  // the manager owns it now

  // Plaintexts first; the text is spliced afterwards, last span first.
  std::vector<std::string> plaintexts;
  for (xmlNode* ea : encrypted) {
    xmlNode* data = FirstChild(ea, kXencNs, "EncryptedData");
    if (data == nullptr) {
      out.error = "an EncryptedAssertion has no xenc:EncryptedData";
      return out;
    }
    AdoptSiblingEncryptedKey(ea, data);
    xmlsec::EncCtxPtr ctx(xmlSecEncCtxCreate(manager.get()));
    if (!ctx) {
      out.error = "xmlsec could not create a decryption context";
      return out;
    }
    xmlsec::TakeErrors();
    xmlSecBufferPtr buffer = xmlSecEncCtxDecryptToBuffer(ctx.get(), data);
    if (buffer == nullptr) {
      std::string why = xmlsec::TakeErrors();
      out.error = "the EncryptedAssertion could not be decrypted with " + key.source +
                  (why.empty() ? std::string() : ": " + why);
      return out;
    }
    plaintexts.emplace_back(reinterpret_cast<const char*>(xmlSecBufferGetData(buffer)),
                            static_cast<std::size_t>(xmlSecBufferGetSize(buffer)));
  }

  // Find each EncryptedAssertion's text span: its start tag's '<' to the end
  // of its matching end tag (they cannot nest).
  std::vector<Span> spans;
  std::size_t from = 0;
  for (xmlNode* ea : encrypted) {
    std::string qname =
        ea->ns != nullptr && ea->ns->prefix != nullptr
            ? std::string(reinterpret_cast<const char*>(ea->ns->prefix)) + ":EncryptedAssertion"
            : std::string("EncryptedAssertion");
    std::size_t begin = xml.find("<" + qname, from);
    std::size_t close = begin == std::string_view::npos ? begin : xml.find("</" + qname, begin);
    std::size_t end = close == std::string_view::npos ? close : xml.find('>', close);
    if (end == std::string_view::npos) {
      out.error = "the EncryptedAssertion element could not be located in the text";
      return out;
    }
    spans.push_back({begin, end + 1});
    from = end + 1;
  }
  std::string result(xml);
  for (std::size_t i = spans.size(); i-- > 0;) {
    std::string_view plain = plaintexts[i];
    // An XML declaration inside the plaintext is not allowed mid-document.
    if (plain.substr(0, 5) == "<?xml") {
      auto decl_end = plain.find("?>");
      if (decl_end != std::string_view::npos) plain.remove_prefix(decl_end + 2);
    }
    result.replace(spans[i].begin, spans[i].end - spans[i].begin, plain);
  }
  out.ok = true;
  out.xml = std::move(result);
  out.decrypted = static_cast<int>(plaintexts.size());
  return out;
}

}  // namespace samlint
