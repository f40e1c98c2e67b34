// EncryptedAssertion → Assertion with xmlsec1 and the SP's private key.
#pragma once

#include <string>
#include <string_view>

#include "samlint/trust.h"

namespace samlint {

struct DecryptOutcome {
  bool ok = false;
  std::string
      xml;  ///< the document with each decrypted EncryptedAssertion replaced by its Assertion
  std::string error;  ///< why not, one sentence
  int decrypted = 0;
};

/// Decrypts the Response's EncryptedAssertion children (RSA-OAEP or RSA 1.5
/// key transport; AES-CBC or AES-GCM content) and splices each plaintext
/// Assertion in place of its EncryptedAssertion. Never throws.
DecryptOutcome DecryptAssertions(std::string_view xml, const SpKey& key);

}  // namespace samlint
