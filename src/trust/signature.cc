#include "trust/signature.h"

#include "diagnose/make.h"

namespace samlint {
namespace {

bool IsSha1(std::string_view short_name) {
  return short_name == "sha1" || short_name == "rsa-sha1" || short_name == "dsa-sha1" ||
         short_name == "ecdsa-sha1" || short_name == "hmac-sha1";
}

}  // namespace

std::string AlgorithmShortName(std::string_view uri) {
  auto hash = uri.rfind('#');
  return std::string(hash == std::string_view::npos ? uri : uri.substr(hash + 1));
}

TrustVerdict AssessSignatures(const ResponseFacts& facts, const AssertionFact* read,
                              std::optional<Cloud> cloud, const CheckOptions& options,
                              std::vector<Diagnostic>& out) {
  TrustVerdict verdict;
  const SignatureFact* assertion_sig =
      read != nullptr && read->signature ? &*read->signature : nullptr;
  const SignatureFact* response_sig = facts.signature ? &*facts.signature : nullptr;
  const SignatureFact* covering = assertion_sig != nullptr ? assertion_sig : response_sig;

  if (covering == nullptr) {
    verdict.summary.status = "missing";
    Diagnostic d = MakeDiagnostic(
        "signature-missing",
        facts.has_any_signature
            ? "Neither the Response nor the Assertion the cloud reads carries a ds:Signature of "
              "its own (a signature elsewhere in the document covers something else); the cloud "
              "will refuse it."
            : "The response is not signed: neither the Response nor the Assertion carries a "
              "ds:Signature; the cloud will refuse it.",
        read != nullptr ? read->offset : facts.offset,
        "Configure the IdP to sign the Assertion (Alibaba Cloud requires it) or the Response.");
    if (options.require_signature) d.severity = Severity::kError;
    out.push_back(std::move(d));
    return verdict;
  }

  verdict.summary.status = "not-checked";
  verdict.summary.algorithm = AlgorithmShortName(covering->signature_method);
  verdict.summary.digest = AlgorithmShortName(covering->digest_method);
  Diagnostic d = MakeDiagnostic(
      "signature-not-checked",
      std::string("The ") + (assertion_sig != nullptr ? "Assertion" : "Response") +
          " is signed, but no trust anchor was given, so the signature was not verified and "
          "no value is reported as signed.",
      covering->offset,
      "Pass the IdP's signing certificate with --cert FILE or its metadata with --idp-metadata "
      "FILE.");
  if (options.require_signature) d.severity = Severity::kError;
  out.push_back(std::move(d));

  if (read != nullptr && assertion_sig == nullptr && response_sig != nullptr && cloud) {
    Diagnostic n = MakeDiagnostic(
        "assertion-not-signed",
        *cloud == Cloud::kAliyun
            ? "Only the Response is signed; Alibaba Cloud requires the whole saml2:Assertion "
              "element to be signed and refuses this response."
            : "Only the Response is signed, not the Assertion. AWS accepts this, but tools that "
              "extract the assertion lose the signature.",
        read->offset, "Configure the IdP to sign the Assertion (it may sign the Response too).");
    if (*cloud == Cloud::kAliyun) n.severity = Severity::kError;
    out.push_back(std::move(n));
  }

  for (const SignatureFact* sig : {response_sig, assertion_sig}) {
    if (sig == nullptr) continue;
    std::string method = AlgorithmShortName(sig->signature_method);
    std::string digest = AlgorithmShortName(sig->digest_method);
    if (IsSha1(method) || IsSha1(digest)) {
      out.push_back(MakeDiagnostic(
          "signature-weak-algorithm",
          "The " + std::string(sig == response_sig ? "Response" : "Assertion") +
              " signature uses SHA-1 (SignatureMethod " + method + ", DigestMethod " + digest +
              "); SHA-1 signatures can be forged and are being retired by IdPs and SPs.",
          sig->offset, "Switch the IdP's signing algorithm to RSA-SHA256 with a SHA-256 digest."));
    }
  }
  return verdict;
}

}  // namespace samlint
