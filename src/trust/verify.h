// Cryptographic verification of every ds:Signature in a document with xmlsec1,
// against the trust anchors only, and which element each one covers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/facts.h"
#include "samlint/trust.h"

namespace samlint {

/// What one ds:Signature proves.
struct SignatureCheck {
  ElementPath signature_path;       ///< the ds:Signature element
  ElementPath parent_path;          ///< the element that carries it
  ElementPath covered_path;         ///< the element its Reference resolves to (empty: none)
  bool whole_document = false;      ///< Reference URI="": the document minus this signature
  bool valid = false;               ///< verified with a trust anchor's key, over an allowed shape
  std::string rule;                 ///< when !valid: signature-invalid or signature-key-untrusted
  std::string reason;               ///< when !valid: why, in one sentence
  int anchor = -1;                  ///< index into TrustStore::anchors of the key that verified it
  std::string method;               ///< short SignatureMethod name ("rsa-sha256")
  std::string digest;               ///< short DigestMethod name ("sha256")
  std::string keyinfo_fingerprint;  ///< "sha256:..." of a KeyInfo certificate, if any
};

struct VerifyOutcome {
  bool ran = false;  ///< false: libxml2/xmlsec could not run; `error` says why
  std::string error;
  std::vector<SignatureCheck> checks;
};

/// Parses `xml` again with libxml2 (hardened) and verifies each signature
/// whose parent carries an ID. Thread-safe; never throws.
VerifyOutcome VerifySignatures(std::string_view xml, const TrustStore& store);

}  // namespace samlint
