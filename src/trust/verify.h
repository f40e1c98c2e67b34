// Cryptographic verification of the ds:Signature elements that can matter for
// a response, with xmlsec1, against the trust anchors only: what each one
// covers, and the canonical bytes its digest was computed over.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/facts.h"
#include "samlint/rule_id.h"
#include "samlint/trust.h"

namespace samlint {

/// What one ds:Signature proves.
struct SignatureCheck {
  ElementPath signature_path;       ///< the ds:Signature element
  ElementPath parent_path;          ///< the element that carries it
  ElementPath covered_path;         ///< the element its Reference resolves to (empty: none)
  std::string reference_uri;        ///< the Reference's URI as written
  bool whole_document = false;      ///< Reference URI="": the document minus this signature
  bool valid = false;               ///< verified with a trust anchor's key, over an allowed shape
  /// When !valid: signature-invalid, signature-key-untrusted or
  /// signature-algorithm-unsupported; `reason` says why in one clause and
  /// `fix` what to do about that cause.
  RuleId rule = Rule::kSignatureInvalid;
  std::string reason;
  std::string fix;
  int anchor = -1;                  ///< index into TrustStore::anchors of the key that verified it
  std::string method;               ///< short SignatureMethod name ("rsa-sha256")
  std::string digest;               ///< short DigestMethod name ("sha256")
  std::string keyinfo_fingerprint;  ///< "sha256:..." of a KeyInfo certificate, if any
  /// When valid: the bytes the Reference's digest was computed over (the
  /// canonical form of what it covers), so values can be read from exactly
  /// what was verified.
  std::string signed_bytes;
};

/// The work verification did, for tests that bound it.
struct VerifyWork {
  std::size_t signatures_seen = 0;    ///< ds:Signature elements in the document
  std::size_t verifications = 0;      ///< xmlSecDSigCtxVerify calls
  std::size_t canonicalizations = 0;  ///< References digested plus SignedInfo forms signed
};

struct VerifyOutcome {
  bool ran = false;  ///< false: libxml2/xmlsec could not run; `error` says why
  std::string error;
  std::vector<SignatureCheck> checks;  ///< the signatures verified, in priority order
  /// Signatures carried by the elements that matter but not verified because
  /// `max_signatures` were verified already.
  std::size_t over_limit = 0;
  /// Signatures elsewhere in the document (not on the Response or an
  /// Assertion): reported, never verified.
  std::size_t elsewhere = 0;
  /// libxml2 found the namespaces well-formed (pugixml's reading is refused
  /// earlier when they are not; a disagreement is a parser differential).
  bool ns_well_formed = true;
  VerifyWork work;
};

/// Parses `xml` again with libxml2 (hardened, as UTF-8) and verifies the
/// ds:Signature children of the elements at `parents`, in that order of
/// priority, at most `max_signatures` of them. Thread-safe; never throws.
VerifyOutcome VerifySignatures(std::string_view xml, const TrustStore& store,
                               const std::vector<ElementPath>& parents,
                               std::size_t max_signatures);

}  // namespace samlint
