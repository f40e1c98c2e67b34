/// Trust anchors (IdP signing certificates, metadata) and the SP decryption key.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/status.h"
#include "samlint/timestamp.h"

namespace samlint {

/// A trust anchor's public key, parsed once when the anchor is loaded (opaque;
/// defined in src/trust/). Shared by every verification, on every thread.
struct AnchorKey;

/// One trusted IdP signing key: a certificate, or a bare public key (which has
/// no subject and no validity dates).
struct TrustAnchor {
  std::string der;  ///< the certificate, DER; empty for a bare public key
  /// "sha256:" + lower-case hex: of the certificate's DER for a certificate (its
  /// usual SHA-256 fingerprint), of the DER SubjectPublicKeyInfo for a bare key.
  std::string fingerprint;
  /// "sha256:" + lower-case hex of the DER SubjectPublicKeyInfo, for both kinds,
  /// so that a bare key can be recognised inside a certificate.
  std::string key_fingerprint;
  std::string subject;  ///< one-line subject, for messages; empty for a bare key
  std::optional<Timestamp> not_before;
  std::optional<Timestamp> not_after;
  std::string key_type;  ///< "rsa", "ec", ...
  int key_bits = 0;
  std::string source;  ///< the file it came from
  /// The public key, parsed once; always set for a bare key. Verification falls
  /// back to parsing `der` when it is absent (a certificate anchor built by hand).
  std::shared_ptr<const AnchorKey> key;
};

/// The anchors of one run. Immutable once loaded, so it can be shared by threads.
struct TrustStore {
  std::vector<TrustAnchor> anchors;
  std::optional<std::string> entity_id;  ///< from --idp-metadata
  std::string metadata_source;

  bool empty() const { return anchors.empty(); }
};

/// Adds the trust anchors of a file: X.509 certificates (PEM, one or more
/// CERTIFICATE blocks, or DER) and bare public keys (PEM "PUBLIC KEY", i.e.
/// SubjectPublicKeyInfo, or its DER; PEM "RSA PUBLIC KEY", i.e. PKCS#1). Other PEM
/// blocks (a private key, say) are skipped. Fails with a sentence naming the
/// accepted forms when the file holds none of them (`store` unchanged).
Status AddCertificateFile(const std::string& path, TrustStore& store);

/// Adds the signing certificates of a SAML metadata file (EntityDescriptor,
/// IDPSSODescriptor KeyDescriptors with use="signing" or no use) and records
/// its entityID. Refuses DOCTYPEs. Fails with a sentence naming the file.
Status AddMetadataFile(const std::string& path, TrustStore& store);

/// Parses the first certificate of PEM text, DER bytes or bare base64 DER;
/// fails with "no X.509 certificate (PEM or DER) in SOURCE".
Result<TrustAnchor> ParseCertificate(std::string_view bytes, std::string source);

/// The SP's private key for EncryptedAssertion (PEM, unencrypted).
struct SpKey {
  std::string pem;
  std::string source;
};

/// Reads an SP private key file (PEM or DER, unencrypted); fails with a sentence naming the file.
Result<SpKey> LoadSpKey(const std::string& path);

}  // namespace samlint
