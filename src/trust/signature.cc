#include "trust/signature.h"

#include <algorithm>

#include "base/diagnostic.h"
#include "parse/extract.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "trust/verify.h"

namespace samlint {
namespace {

bool IsSha1(std::string_view short_name) {
  return short_name == "sha1" || short_name == "rsa-sha1" || short_name == "dsa-sha1" ||
         short_name == "ecdsa-sha1" || short_name == "hmac-sha1";
}

const char* kAnchorFix =
    "Pass the IdP's current signing certificate with --cert FILE (repeat it during a key "
    "rollover) or its metadata with --idp-metadata FILE.";

// SHA-1 anywhere in a signature the cloud relies on.
void WeakAlgorithmFindings(const ResponseFacts& facts, const AssertionFact* read,
                           std::vector<Diagnostic>& out) {
  const SignatureFact* response_sig = facts.signature ? &*facts.signature : nullptr;
  const SignatureFact* assertion_sig =
      read != nullptr && read->signature ? &*read->signature : nullptr;
  for (const SignatureFact* sig : {response_sig, assertion_sig}) {
    if (sig == nullptr) continue;
    std::string method = AlgorithmShortName(sig->signature_method);
    std::string digest = AlgorithmShortName(sig->digest_method);
    if (IsSha1(method) || IsSha1(digest)) {
      out.push_back(MakeDiagnostic(
          Rule::kSignatureWeakAlgorithm,
          "The " + std::string(sig == response_sig ? "Response" : "Assertion") +
              " signature uses SHA-1 (SignatureMethod " + Shorten(method) + ", DigestMethod " +
              Shorten(digest) +
              "); SHA-1 signatures can be forged and are being retired by IdPs and SPs.",
          sig->offset, "Switch the IdP's signing algorithm to RSA-SHA256 with a SHA-256 digest."));
    }
  }
}

bool ReferencesId(const SignatureFact& sig, const TextFact& id) {
  return id.present && !id.value.empty() && sig.reference_uri == "#" + id.value;
}

// Without verifying: does a ds:Signature (its own, or a detached one on the
// Response that references it) claim to sign the read assertion?
bool AssertionClaimsSignature(const ResponseFacts& facts, const AssertionFact& read) {
  return read.signature.has_value() ||
         (facts.signature.has_value() && ReferencesId(*facts.signature, read.id));
}

void AssertionNotSignedFinding(const ResponseFacts& facts, const AssertionFact* read,
                               std::optional<Cloud> cloud, std::vector<Diagnostic>& out) {
  if (read == nullptr || !facts.signature || !cloud) return;
  // Coverage follows what a signature references, not where it sits.
  if (AssertionClaimsSignature(facts, *read)) return;
  Diagnostic n = MakeDiagnostic(
      Rule::kAssertionNotSigned,
      *cloud == Cloud::kAliyun
          ? "Only the Response is signed; Alibaba Cloud requires the whole saml2:Assertion "
            "element to be signed and refuses this response."
      : *cloud == Cloud::kGcp
          ? "Only the Response is signed, not the Assertion. Google Cloud's SP metadata for a "
            "workforce pool provider asks for signed assertions (WantAssertionsSigned=\"true\"); "
            "which element Google checks is not documented, so it may refuse this response."
      : *cloud == Cloud::kGeneric
          ? "Only the Response is signed, not the Assertion. SAML Profiles §4.1.4.5 asks for "
            "signed assertions with the POST binding (approved errata E26 also accepts a signed "
            "Response), so a strict service provider may refuse it."
          : "Only the Response is signed, not the Assertion. AWS accepts this, but tools that "
            "extract the assertion lose the signature.",
      read->offset, "Configure the IdP to sign the Assertion (it may sign the Response too).");
  if (*cloud == Cloud::kAliyun) n.severity = Severity::kError;
  out.push_back(std::move(n));
}

// signature-missing in the words of the cloud the response is for: what it
// requires, and what it does with an unsigned response. At note severity (no
// trust anchor, no --require-signature) the message says why it is only a note.
Diagnostic SignatureMissingFinding(std::optional<Cloud> cloud, std::size_t offset,
                                   Severity severity) {
  std::string message =
      "The response is not signed: neither the Response nor the Assertion carries a "
      "ds:Signature. ";
  std::string fix;
  if (cloud == Cloud::kAws) {
    message +=
        "AWS checks the signature against the IdP metadata uploaded to IAM and refuses an "
        "unsigned response at sign-in";
    fix =
        "Configure the IdP to sign the Assertion (it may sign the Response too), then check the "
        "new response with --cert or --idp-metadata.";
  } else if (cloud == Cloud::kAliyun) {
    message +=
        "Alibaba Cloud requires the whole saml2:Assertion element to be signed and refuses an "
        "unsigned response at sign-in";
    fix =
        "Configure the IdP to sign the whole Assertion (Alibaba Cloud requires it; it may sign "
        "the Response too), then check the new response with --cert or --idp-metadata.";
  } else if (cloud == Cloud::kGcp) {
    message +=
        "Google Cloud requires signed SAML responses (\"SAML IdP responses must be signed\") and "
        "refuses an unsigned one: \"Failed to verify the signature in SAMLResponse\"";
    fix =
        "Configure the IdP to sign the Assertion (it may sign the Response too), then check the "
        "new response with --cert or --idp-metadata.";
  } else if (cloud == Cloud::kGeneric) {
    message +=
        "A service provider that receives it by the HTTP POST binding refuses it (SAML Profiles "
        "§4.1.4.5)";
    fix = "Configure the IdP to sign the Assertion (it may sign the Response too).";
  } else {
    message +=
        "A service provider that receives it by the HTTP POST binding refuses it (SAML Profiles "
        "§4.1.4.5), and so do the clouds";
    fix =
        "Configure the IdP to sign the Assertion (it may sign the Response too); --cloud or "
        "--scenario tells samlint which cloud's rule to apply.";
  }
  if (severity == Severity::kNote) {
    message +=
        "; this is a note only because no trust anchor was given (--cert, --idp-metadata or "
        "--require-signature make it an error).";
  } else {
    message += ".";
  }
  Diagnostic d =
      MakeDiagnostic(Rule::kSignatureMissing, std::move(message), offset, std::move(fix));
  d.severity = severity;
  return d;
}

// Structural verdict when there is nothing to verify against.
TrustVerdict WithoutAnchors(const ResponseFacts& facts, const AssertionFact* read,
                            std::optional<Cloud> cloud, const CheckOptions& options,
                            std::vector<Diagnostic>& out) {
  TrustVerdict verdict;
  verdict.values_from = read;
  const SignatureFact* assertion_sig =
      read != nullptr && read->signature ? &*read->signature
      : read != nullptr && facts.signature && ReferencesId(*facts.signature, read->id)
          ? &*facts.signature
          : nullptr;
  const SignatureFact* covering = assertion_sig != nullptr ? assertion_sig
                                  : facts.signature        ? &*facts.signature
                                                           : nullptr;
  if (covering == nullptr) {
    bool sealed = read == nullptr && !facts.encrypted_assertions.empty();
    verdict.summary.status = facts.has_any_signature || sealed ? "not-checked" : "missing";
    // A signature inside an EncryptedAssertion cannot be seen without the key;
    // encrypted-assertion-no-key says so.
    if (sealed && !facts.has_any_signature) return verdict;
    if (!facts.has_any_signature) {
      out.push_back(SignatureMissingFinding(
          cloud, read != nullptr ? read->offset : facts.offset,
          options.require_signature ? Severity::kError
                                    : FindRule(Rule::kSignatureMissing.name())->default_severity));
      return verdict;
    }
  } else {
    verdict.summary.status = "not-checked";
    verdict.summary.algorithm = AlgorithmShortName(covering->signature_method);
    verdict.summary.digest = AlgorithmShortName(covering->digest_method);
  }
  Diagnostic d = MakeDiagnostic(
      Rule::kSignatureNotChecked,
      covering != nullptr
          ? std::string("The ") + (assertion_sig != nullptr ? "Assertion" : "Response") +
                " is signed, but no trust anchor was given, so the signature was not verified "
                "and no value is reported as signed."
          : "A ds:Signature sits elsewhere in the document (not on the Response or the "
            "Assertion the cloud reads), and no trust anchor was given to check anything.",
      covering != nullptr ? covering->offset : (read != nullptr ? read->offset : facts.offset),
      kAnchorFix);
  if (options.require_signature) d.severity = Severity::kError;
  out.push_back(std::move(d));
  return verdict;
}

struct PathIndex {
  const ResponseFacts& facts;
  std::vector<const AssertionFact*> all;
  explicit PathIndex(const ResponseFacts& f) : facts(f) {
    for (const AssertionFact& a : f.assertions) all.push_back(&a);
    for (const AssertionFact& a : f.nested_assertions) all.push_back(&a);
  }
  // Offset of the ds:Signature a check is about, for locations.
  std::size_t SignatureOffset(const SignatureCheck& c, std::size_t fallback) const {
    if (facts.signature && c.parent_path == facts.path) return facts.signature->offset;
    for (const AssertionFact* a : all) {
      if (a->signature && c.parent_path == a->path) return a->signature->offset;
    }
    return fallback;
  }
  // "Response" or "Assertion" for the element that carries a signature.
  std::string Carrier(const SignatureCheck& c) const {
    if (facts.is_response && c.parent_path == facts.path) return "Response";
    for (const AssertionFact* a : all) {
      if (c.parent_path == a->path) return a->direct_child ? "Assertion" : "nested Assertion";
    }
    return "element";
  }
};

// The assertion as the covering signature's verified bytes say it is: the one
// read from the canonical form of the Assertion (or of the Response that holds
// exactly one). Fails with why the verified form cannot be read that way.
Result<AssertionFact> SignedView(const SignatureCheck& c, bool covers_response,
                                 const CheckOptions& options) {
  if (c.signed_bytes.empty()) {
    return Status::Error("xmlsec kept no canonical form of the signed element");
  }
  ExtractOutcome view = ExtractFacts(c.signed_bytes, options.limits.xml_nodes);
  if (view.status != ExtractStatus::kOk) {
    return Status::Error("its canonical form does not read as SAML (" + view.error + ")");
  }
  std::size_t held = view.facts.assertions.size() + view.facts.encrypted_assertions.size();
  if (covers_response && held != 1) {
    return Status::Error("the signed Response holds " + std::to_string(held) + " assertions");
  }
  if (view.facts.assertions.empty()) {
    return Status::Error("its canonical form holds no Assertion");
  }
  return std::move(view.facts.assertions.front());
}

std::string JoinFirst(const std::vector<std::string>& items, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > most) out += " and " + std::to_string(items.size() - most) + " more";
  return out;
}

bool HasErrorTrustFinding(const std::vector<Diagnostic>& out, std::size_t from) {
  for (std::size_t i = from; i < out.size(); ++i) {
    const RuleInfo* rule = FindRule(out[i].rule);
    if (rule != nullptr && rule->category == RuleCategory::kTrust &&
        out[i].severity == Severity::kError) {
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

TrustVerdict Assess(std::string_view xml, const ResponseFacts& facts, const AssertionFact* read,
                    std::optional<Cloud> cloud, std::optional<Timestamp> t_use,
                    const CheckOptions& options, const VerifyOutcome* precomputed,
                    std::vector<Diagnostic>& out) {
  WeakAlgorithmFindings(facts, read, out);
  AssertionNotSignedFinding(facts, read, cloud, out);
  const TrustStore* store = options.trust_store.get();
  if (store == nullptr || store->empty()) return WithoutAnchors(facts, read, cloud, options, out);

  TrustVerdict verdict;
  verdict.values_from = read;
  std::size_t here = read != nullptr ? read->offset : facts.offset;

  // Anchors outside their validity still verify; say so once per anchor.
  if (t_use) {
    for (const TrustAnchor& a : store->anchors) {
      bool early = a.not_before && *t_use < *a.not_before;
      bool late = a.not_after && *t_use >= *a.not_after;
      if (late) {
        out.push_back(MakeDiagnostic(
            Rule::kCertificateExpired,
            "The trust anchor " + a.subject + " from " + a.source + " is expired since " +
                FormatDateTime(*a.not_after) + " at the time of use " + FormatDateTime(*t_use) +
                "; samlint still checks the signature with it, but a cloud that checks dates "
                "may refuse it.",
            std::nullopt,
            "Rotate the IdP signing certificate and upload the new metadata to the cloud."));
      } else if (early) {
        out.push_back(MakeDiagnostic(
            Rule::kCertificateNotYetValid,
            "The trust anchor " + a.subject + " from " + a.source +
                " is not yet valid at the time of use " + FormatDateTime(*t_use) +
                ": its validity starts " + FormatDateTime(*a.not_before) +
                ". samlint still checks the signature with it, but a cloud that checks dates "
                "refuses it until then.",
            std::nullopt,
            "Check the IdP's clock and which certificate it signs with; upload the IdP's "
            "current metadata to the cloud before the IdP switches keys."));
      }
    }
  }
  if (store->entity_id) {
    std::string issuer = facts.issuer.present ? facts.issuer.value
                         : read != nullptr    ? read->issuer.value
                                              : std::string();
    if (issuer != *store->entity_id) {
      out.push_back(MakeDiagnostic(
          Rule::kIssuerMismatch,
          "The Issuer \"" + Shorten(issuer) + "\" is not the entityID \"" +
              Shorten(*store->entity_id) + "\" of the metadata in " + store->metadata_source +
              "; the cloud matches the Issuer to the uploaded IdP metadata and refuses this.",
          facts.issuer.present ? facts.issuer.offset : here,
          "Make the IdP's entity ID and the metadata uploaded to the cloud agree."));
    }
  }

  bool sealed = read == nullptr && !facts.encrypted_assertions.empty();
  if (!facts.has_any_signature && sealed) {
    verdict.summary.status = "not-checked";
    return verdict;
  }
  if (!facts.has_any_signature) {
    verdict.summary.status = "missing";
    // With a trust anchor, an unsigned response is an error.
    out.push_back(SignatureMissingFinding(cloud, here, Severity::kError));
    return verdict;
  }

  const std::size_t first_finding = out.size();
  PathIndex index(facts);
  std::optional<VerifyOutcome> verified_here;
  const VerifyOutcome& outcome =
      precomputed != nullptr
          ? *precomputed
          : verified_here.emplace(VerifyResponse(xml, facts, read, *store, options.limits));
  verdict.work = outcome.work;
  if (!outcome.ran) {
    verdict.summary.status = "invalid";
    out.push_back(MakeDiagnostic(Rule::kSignatureInvalid,
                                 "The signature could not be checked: " + outcome.error + ".", here,
                                 kAnchorFix));
    return verdict;
  }
  if (outcome.over_limit > 0) {
    out.push_back(MakeDiagnostic(
        Rule::kLimitExceeded,
        "The Response and its assertions carry " +
            std::to_string(outcome.checks.size() + outcome.over_limit) +
            " ds:Signature elements; samlint verified the first " +
            std::to_string(outcome.checks.size()) +
            " (the read Assertion's and the Response's "
            "first) and not the other " +
            std::to_string(outcome.over_limit) + ": " + LimitHint(options.limits, "signatures") +
            ".",
        here, "A real IdP signs the Response and the Assertion once each: reject the response."));
  }
  // libxml2 and samlint's reader must agree that the namespaces are sound; an
  // undeclared prefix is the one flaw both see (and xml-malformed reports).
  bool parsers_disagree = !outcome.ns_well_formed && facts.undeclared_prefixes.empty();
  if (parsers_disagree) {
    out.push_back(MakeDiagnostic(
        Rule::kSignatureInvalid,
        "libxml2, which checks the signatures, finds the document's namespaces not well-formed "
        "while samlint's reader accepted them: the two do not see the same document, so no "
        "value is reported as signed.",
        here, "Reject the response; a conforming IdP declares every namespace legally."));
  }

  const SignatureCheck* response_check = nullptr;   // valid, covers the Response (or the document)
  const SignatureCheck* assertion_check = nullptr;  // valid, covers the read assertion itself
  for (const SignatureCheck& c : outcome.checks) {
    if (!c.valid) continue;
    if (facts.is_response && (c.whole_document || c.covered_path == facts.path)) {
      if (response_check == nullptr) response_check = &c;
    }
    if (read != nullptr &&
        (c.covered_path == read->path || (!facts.is_response && c.whole_document))) {
      if (assertion_check == nullptr) assertion_check = &c;
    }
  }
  // Failures of the signatures the cloud relies on (on the Response or the
  // read assertion), and valid ones there that reference something else.
  bool relied_on_failed = false;
  bool points_elsewhere = false;
  bool algorithm_unsupported = false;
  for (const SignatureCheck& c : outcome.checks) {
    bool relied_on = (facts.is_response && c.parent_path == facts.path) ||
                     (read != nullptr && c.parent_path == read->path);
    if (!relied_on) continue;
    std::string carrier = index.Carrier(c);
    if (!c.valid) {
      if (c.rule == Rule::kSignatureAlgorithmUnsupported) {
        algorithm_unsupported = true;
      } else {
        relied_on_failed = true;
      }
      out.push_back(MakeDiagnostic(
          c.rule, "The signature on the " + carrier + " is not valid: " + c.reason + ".",
          index.SignatureOffset(c, here), c.fix));
      continue;
    }
    bool covers_read = read != nullptr && c.covered_path == read->path;
    bool covers_response = facts.is_response && (c.whole_document || c.covered_path == facts.path);
    bool covers_self = !facts.is_response && c.whole_document;
    bool covers_other_assertion =
        std::any_of(index.all.begin(), index.all.end(),
                    [&](const AssertionFact* a) { return a != read && c.covered_path == a->path; });
    if (covers_other_assertion) {
      points_elsewhere = true;  // signature wrapping: said below, with the signed assertion
    } else if (!covers_read && !covers_response && !covers_self) {
      relied_on_failed = true;
      out.push_back(MakeDiagnostic(
          Rule::kSignatureNotCoveringAssertion,
          "The signature on the " + carrier + " is valid, but its Reference URI=\"" +
              c.reference_uri +
              "\" points at an element inside it, not at the Response or the Assertion the "
              "cloud reads, so it vouches for nothing the cloud uses.",
          index.SignatureOffset(c, here),
          "Sign the Assertion (and, if you like, the Response) by its own ID; if your IdP did "
          "this, something rewrote the response in transit: reject it."));
    }
  }

  bool single_assertion = facts.assertions.size() == 1 && facts.encrypted_assertions.empty();
  // A signed Response around its one EncryptedAssertion covers what decryption would reveal.
  bool sealed_single = sealed && facts.assertions.empty() && facts.encrypted_assertions.size() == 1;
  bool verified = !relied_on_failed && !points_elsewhere && !parsers_disagree &&
                  ((read != nullptr && (assertion_check != nullptr ||
                                        (response_check != nullptr && single_assertion))) ||
                   (sealed_single && response_check != nullptr));
  if (response_check != nullptr) verdict.summary.covers.emplace_back("response");
  if (assertion_check != nullptr) verdict.summary.covers.emplace_back("assertion");
  const SignatureCheck* covering = assertion_check != nullptr ? assertion_check : response_check;
  if (covering != nullptr) {
    verdict.summary.algorithm = covering->method;
    verdict.summary.digest = covering->digest;
    verdict.summary.key = store->anchors[static_cast<std::size_t>(covering->anchor)].fingerprint;
    const TrustAnchor& anchor = store->anchors[static_cast<std::size_t>(covering->anchor)];
    if (anchor.key_type == "rsa" && anchor.key_bits < 2048) {
      out.push_back(MakeDiagnostic(
          Rule::kSignatureWeakAlgorithm,
          "The signing key is RSA " + std::to_string(anchor.key_bits) +
              " bits; keys under 2048 bits can be factored and are refused by current "
              "guidance (AWS requires at least 1024).",
          index.SignatureOffset(*covering, here),
          "Issue the IdP a new signing key of at least 2048 bits and upload its metadata."));
    }
  }

  // One view: the values reported as signed are the ones the verified bytes
  // hold. Read the covering signature's canonical form again and compare.
  if (verified && read != nullptr) {
    Result<AssertionFact> view = SignedView(*covering, covering == response_check, options);
    std::vector<std::string> differences;
    if (view.ok()) differences = AssertionDifferences(*read, *view);
    if (!view.ok() || !differences.empty()) {
      verified = false;
      out.push_back(MakeDiagnostic(
          Rule::kSignatureNotCoveringAssertion,
          view.ok()
              ? "What the signature verified differs from what samlint read from the document (" +
                    JoinFirst(differences, 4) +
                    "): the document reads two ways, so no value is reported as signed."
              : "The signature verifies, but " + view.error() +
                    ", so the values samlint read cannot be matched to what was verified and "
                    "none is reported as signed.",
          read->offset,
          "Reject the response; a conforming IdP's response reads one way to every parser."));
    } else {
      verdict.signed_view = std::move(view).value();
    }
  }
  if (verified) {
    verdict.summary.status = "verified";
    verdict.values_signed = true;
    return verdict;
  }

  if (algorithm_unsupported && !relied_on_failed && covering == nullptr) {
    // Nothing failed; it could not be checked. Not proof of forgery.
    verdict.summary.status = "not-checked";
    return verdict;
  }
  verdict.summary.status = "invalid";
  if (!relied_on_failed && read != nullptr && covering != nullptr &&
      HasErrorTrustFinding(out, first_finding)) {
    return verdict;  // the one-view check (or a parser disagreement) said why
  }
  if (relied_on_failed) return verdict;

  // A valid signature exists but not over what the cloud reads: find the
  // assertion it does cover, and take values only from that one.
  const AssertionFact* signed_elsewhere = nullptr;
  const SignatureCheck* elsewhere_check = nullptr;
  for (const SignatureCheck& c : outcome.checks) {
    if (!c.valid) continue;
    for (const AssertionFact* a : index.all) {
      if (a == read) continue;
      if (c.covered_path == a->path) {
        signed_elsewhere = a;
        elsewhere_check = &c;
      }
    }
  }
  bool any_valid = std::any_of(outcome.checks.begin(), outcome.checks.end(),
                               [](const SignatureCheck& c) { return c.valid; });
  if (read == nullptr) {
    if (!HasErrorTrustFinding(out, first_finding)) {
      out.push_back(MakeDiagnostic(
          Rule::kSignatureNotCoveringAssertion,
          any_valid ? "A valid signature is present, but it covers neither the Response nor its "
                      "EncryptedAssertion."
                    : "Neither the Response nor its EncryptedAssertion carries a valid signature.",
          facts.offset, "Sign the Response (or the Assertion before encrypting it)."));
    }
    return verdict;
  }
  if (response_check != nullptr && !single_assertion) {
    out.push_back(MakeDiagnostic(
        Rule::kSignatureNotCoveringAssertion,
        "The Response signature is valid, but the Response carries " +
            std::to_string(facts.assertions.size() + facts.encrypted_assertions.size()) +
            " assertions, so it does not single out the one the cloud reads.",
        read->offset, "Send exactly one Assertion, and sign the Assertion itself."));
  } else if (signed_elsewhere != nullptr) {
    Result<AssertionFact> view = SignedView(*elsewhere_check, false, options);
    bool same = view.ok() && AssertionDifferences(*signed_elsewhere, *view).empty();
    if (same) {
      verdict.values_from = signed_elsewhere;
      verdict.values_signed = true;
      verdict.signed_view = std::move(view).value();
    }
    out.push_back(MakeDiagnostic(
        Rule::kSignatureNotCoveringAssertion,
        std::string("The assertion the cloud reads is not covered by any valid signature; the "
                    "validly signed assertion sits elsewhere (signature wrapping). ") +
            (same ? "samlint takes values only from the signed one."
                  : "Its verified form does not match what samlint read, so no value is "
                    "reported as signed."),
        read->offset,
        "Reject this response; if it came from your IdP, check what rewrites it in transit."));
  } else if (any_valid) {
    out.push_back(MakeDiagnostic(
        Rule::kSignatureNotCoveringAssertion,
        "A valid signature is present, but it covers neither the Response nor the Assertion "
        "the cloud reads.",
        read->offset, "Sign the Assertion (or the Response that contains only it)."));
  } else {
    // Signatures exist only on elements the cloud ignores, and none verified.
    out.push_back(MakeDiagnostic(
        Rule::kSignatureNotCoveringAssertion,
        "Neither the Response nor the Assertion the cloud reads carries a valid signature; the "
        "only signatures in the document are elsewhere.",
        read->offset, "Sign the Assertion (or the Response that contains only it)."));
  }
  return verdict;
}

}  // namespace

bool NeedsVerification(const ResponseFacts& facts, const CheckOptions& options) {
  return options.trust_store != nullptr && !options.trust_store->empty() && facts.has_any_signature;
}

VerifyOutcome VerifyResponse(std::string_view xml, const ResponseFacts& facts,
                             const AssertionFact* read, const TrustStore& store,
                             const Limits& limits) {
  // Only the signatures that can matter are verified: the read Assertion's, the
  // Response's, then those of the other assertions (where signature wrapping
  // hides a signed original).
  std::vector<ElementPath> parents;
  if (read != nullptr) parents.push_back(read->path);
  if (facts.is_response) parents.push_back(facts.path);
  for (const AssertionFact* a : PathIndex(facts).all) parents.push_back(a->path);
  return VerifySignatures(xml, store, parents, limits.signatures);
}

TrustVerdict AssessSignatures(std::string_view xml, const ResponseFacts& facts,
                              const AssertionFact* read, std::optional<Cloud> cloud,
                              std::optional<Timestamp> t_use, const CheckOptions& options,
                              std::vector<Diagnostic>& out, const VerifyOutcome* precomputed) {
  const std::size_t first = out.size();
  TrustVerdict verdict = Assess(xml, facts, read, cloud, t_use, options, precomputed, out);
  // Every invalid status says why, with an error.
  if (verdict.summary.status == "invalid" && !HasErrorTrustFinding(out, first)) {
    out.push_back(MakeDiagnostic(
        Rule::kSignatureInvalid,
        "No valid signature made with a trust anchor's key covers the Assertion the cloud reads.",
        read != nullptr ? read->offset : facts.offset, kAnchorFix));
  }
  return verdict;
}

}  // namespace samlint
