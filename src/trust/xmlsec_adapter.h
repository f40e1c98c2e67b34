// The one place that talks to libxml2 and xmlsec1. Every handle is owned by a
// unique_ptr; the libraries are initialised once per process, on first use,
// and shut down at exit.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/evp.h>
#include <xmlsec/keys.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlenc.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/free_with.h"
#include "samlint/status.h"

namespace samlint::xmlsec {

/// Initialises libxml2, xmlsec1 and its OpenSSL backend once; fails with why
/// they could not be initialised.
Status EnsureInitialised();

/// The errors xmlsec reported on this thread since the last call: the whole
/// chain, innermost cause first, as one line of "; "-separated parts.
std::string TakeErrors();

// xmlFree is a variable, not a function, so it cannot be a FreeWith argument.
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using DocPtr = std::unique_ptr<xmlDoc, FreeWith<xmlFreeDoc>>;
using KeyPtr = std::unique_ptr<xmlSecKey, FreeWith<xmlSecKeyDestroy>>;
using DsigCtxPtr = std::unique_ptr<xmlSecDSigCtx, FreeWith<xmlSecDSigCtxDestroy>>;
using EncCtxPtr = std::unique_ptr<xmlSecEncCtx, FreeWith<xmlSecEncCtxDestroy>>;
using KeysMngrPtr = std::unique_ptr<xmlSecKeysMngr, FreeWith<xmlSecKeysMngrDestroy>>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;

/// Parses with libxml2 as UTF-8 whatever the document declares (pugixml reads
/// it so too): no network, no DTD loading, no entity substitution, default
/// depth limits. nullptr when it is not well-formed. `ns_well_formed`, when
/// given, says whether libxml2 found the namespaces well-formed.
DocPtr ParseHardened(std::string_view xml, bool* ns_well_formed = nullptr);

/// A public key from a DER certificate, or a private key from PEM.
KeyPtr LoadCertificateKey(std::string_view der);
KeyPtr LoadPrivateKey(std::string_view pem);
/// An xmlsec key of its own around a shared public key (takes a reference;
/// the EVP_PKEY is not copied).
KeyPtr KeyFromPublicKey(EVP_PKEY* pkey);

/// Text of an attribute (empty when absent).
std::string Attribute(xmlNode* node, const char* name);

/// True when `node` is an element named `local` in namespace `ns`.
bool IsElement(const xmlNode* node, std::string_view ns, std::string_view local);

}  // namespace samlint::xmlsec
