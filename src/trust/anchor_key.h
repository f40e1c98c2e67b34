// The parsed public key a TrustAnchor carries, so verification does not parse
// the certificate again for every signature.
#pragma once

#include <openssl/evp.h>

#include "samlint/trust.h"

namespace samlint {

struct AnchorKey {
  explicit AnchorKey(EVP_PKEY* owned) : pkey(owned) {}
  ~AnchorKey() { EVP_PKEY_free(pkey); }
  AnchorKey(const AnchorKey&) = delete;
  AnchorKey& operator=(const AnchorKey&) = delete;

  /// Read-only after construction; EVP_PKEY reference counting is atomic, so
  /// threads may each take a reference for their own xmlsec key.
  EVP_PKEY* const pkey;
};

}  // namespace samlint
