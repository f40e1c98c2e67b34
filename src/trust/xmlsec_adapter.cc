#include "trust/xmlsec_adapter.h"

#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmlsec.h>

#include <mutex>

namespace samlint::xmlsec {
namespace {

// xmlsec reports errors through one process-wide callback; each thread
// collects its own, so parallel checks never see each other's reasons.
thread_local std::string t_errors;

void CollectError(const char* /*file*/, int /*line*/, const char* func, const char* error_object,
                  const char* error_subject, int /*reason*/, const char* msg) {
  std::string line;
  // "details=NULL" is xmlsec saying it has nothing more to say.
  if (msg != nullptr && *msg != '\0' && std::string_view(msg) != "details=NULL") line = msg;
  if (error_subject != nullptr && *error_subject != '\0') {
    line = std::string(error_subject) + (line.empty() ? "" : ": " + line);
  } else if (error_object != nullptr && *error_object != '\0') {
    line = std::string(error_object) + (line.empty() ? "" : ": " + line);
  } else if (func != nullptr && line.empty()) {
    line = func;
  }
  if (line.empty()) return;
  // The first error is the cause; the rest is xmlsec unwinding its call
  // stack, which still says where (which transform, which reference). Keep
  // each distinct line once, and the chain short.
  constexpr std::size_t kMaxChain = 600;
  if (t_errors.find(line) != std::string::npos || t_errors.size() > kMaxChain) return;
  t_errors += (t_errors.empty() ? "" : "; ") + line;
}

void IgnoreXmlError(void* /*ctx*/, const char* /*msg*/, ...) {}

// Owns the process-wide initialisation; its destructor shuts the libraries down.
class Runtime {
 public:
  Runtime() {
    xmlInitParser();
    if (xmlSecInit() < 0) {
      error_ = "xmlsec1 failed to initialise";
      return;
    }
    if (xmlSecCheckVersion() != 1) {
      error_ = "the loaded xmlsec1 library is not the version samlint was built with";
      return;
    }
    if (xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0) {
      error_ = "xmlsec1's OpenSSL backend failed to initialise";
      return;
    }
    xmlSecErrorsSetCallback(CollectError);
    ok_ = true;
  }
  ~Runtime() {
    if (ok_) {
      xmlSecCryptoShutdown();
      xmlSecCryptoAppShutdown();
      xmlSecShutdown();
    }
  }
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }

 private:
  bool ok_ = false;
  std::string error_;
};

}  // namespace

Status EnsureInitialised() {
  static Runtime runtime;  // thread-safe initialisation (C++11 magic statics)
  // libxml2 keeps its error handler per thread: silence it on every thread that parses.
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, IgnoreXmlError);
    silenced = true;
  }
  return runtime.ok() ? Status() : Status::Error(runtime.error());
}

std::string TakeErrors() {
  std::string out;
  out.swap(t_errors);
  return out;
}

DocPtr ParseHardened(std::string_view xml, bool* ns_well_formed) {
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD or
  // DTDATTR (no external subset). XML_PARSE_HUGE because libxml2 refuses a
  // memory input over 10 MB once an encoding is forced ("Huge input lookup");
  // the bounds it would give are samlint's own: a document reaches libxml2
  // only after pugixml read it within the input-bytes, xml-nodes and depth
  // (128) limits, with no DOCTYPE and so no entities.
  constexpr int kOptions =
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) return nullptr;
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(),
                                                                  xmlFreeParserCtxt);
  if (!ctxt) return nullptr;
  // "UTF-8" overrides the declaration, so libxml2 reads the characters pugixml reads.
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "input.xml",
                               "UTF-8", kOptions));
  if (ns_well_formed != nullptr) *ns_well_formed = ctxt->nsWellFormed != 0;
  return doc;
}

KeyPtr LoadCertificateKey(std::string_view der) {
  return KeyPtr(xmlSecCryptoAppKeyLoadMemory(
      reinterpret_cast<const xmlSecByte*>(der.data()), static_cast<xmlSecSize>(der.size()),
      xmlSecKeyDataFormatCertDer, nullptr, nullptr, nullptr));
}

KeyPtr KeyFromPublicKey(EVP_PKEY* pkey) {
  if (pkey == nullptr || EVP_PKEY_up_ref(pkey) != 1) return nullptr;
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey);
  if (data == nullptr) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  KeyPtr key(xmlSecKeyCreate());
  if (!key || xmlSecKeySetValue(key.get(), data) < 0) {
    xmlSecKeyDataDestroy(data);
    return nullptr;
  }
  return key;
}

KeyPtr LoadPrivateKey(std::string_view pem) {
  return KeyPtr(xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte*>(pem.data()),
                                             static_cast<xmlSecSize>(pem.size()),
                                             xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr));
}

std::string Attribute(xmlNode* node, const char* name) {
  XmlCharPtr value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

bool IsElement(const xmlNode* node, std::string_view ns, std::string_view local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->ns == nullptr ||
      node->ns->href == nullptr) {
    return false;
  }
  return local == reinterpret_cast<const char*>(node->name) &&
         ns == reinterpret_cast<const char*>(node->ns->href);
}

}  // namespace samlint::xmlsec
