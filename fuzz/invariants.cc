#include "invariants.h"

#include <algorithm>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "samlint/rules.h"
#include "samlint/trust.h"
#include "samlint/timestamp.h"

namespace samlint::fuzz {

void Require(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "samlint fuzz invariant violated: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

CheckOptions FixedOptions() {
  CheckOptions options;
  // Inside the validity window of the signed fixtures, so their signatures
  // and certificates are judged as at the time they were made.
  options.now = ParseDateTime("2026-11-23T10:00:00Z");
  Require(options.now.has_value(), "the fixed clock parses");
  return options;
}

const CheckOptions& TrustedOptions() {
  // Immutable and shared, as in a real run: no state carries between inputs.
  static const CheckOptions options = [] {
    auto store = std::make_shared<TrustStore>();
    const Status added = AddCertificateFile(
        std::string(SAMLINT_TESTDATA) + "/trust/keys/idp-rsa2048.cert.pem", *store);
    Require(added.ok(), "the trust anchor loads");
    CheckOptions o = FixedOptions();
    o.trust_store = std::move(store);
    return o;
  }();
  return options;
}

namespace {

bool SignedFlag(const std::optional<bool>& is_signed) { return is_signed.value_or(false); }

void CheckFactor(const Factor& factor, bool may_be_signed) {
  if (factor.origin != FactorOrigin::kDocument) {
    Require(!factor.is_signed.has_value(), "only document factors carry a signed flag");
  }
  if (!may_be_signed) {
    Require(!SignedFlag(factor.is_signed), "a factor is signed but no signature vouches for it");
  }
  if (factor.source) {
    Require(factor.source->line >= 1 && factor.source->column >= 1, "factor location is 1-based");
  }
}

void CheckEvaluation(const Evaluation& ev, bool may_be_signed) {
  for (const Factor& f : ev.factors) CheckFactor(f, may_be_signed);
  for (const Factor& f : ev.context) CheckFactor(f, may_be_signed);
  if (ev.outcome == Outcome::kRejected) {
    Require(!ev.effective_seconds.has_value(), "a rejected evaluation has no effective lifetime");
    Require(ev.binding.empty(), "a rejected evaluation has no binding factor");
    return;
  }
  if (ev.factors.empty()) {
    // saml:generic with neither SessionNotOnOrAfter nor --sp-session-limit:
    // the assertion does not bound the session (lifetime-unbounded).
    Require(ev.scenario == ScenarioId::kSamlGeneric, "only saml:generic may have no factor");
    Require(!ev.effective_seconds.has_value(), "an unbounded evaluation has no number");
    Require(ev.binding.empty() && ev.clamps.empty(), "an unbounded evaluation binds nothing");
    return;
  }
  Require(ev.effective_seconds.has_value(), "an issued evaluation has an effective lifetime");
  std::int64_t minimum = ev.factors.front().seconds;
  for (const Factor& f : ev.factors) minimum = std::min(minimum, f.seconds);
  Require(*ev.effective_seconds == minimum, "the effective lifetime is the factors' minimum");
  Require(!ev.binding.empty(), "an issued evaluation has a binding factor");
  for (FactorName name : ev.binding) {
    bool at_minimum = std::any_of(ev.factors.begin(), ev.factors.end(), [&](const Factor& f) {
      return f.name == name && f.seconds == minimum;
    });
    Require(at_minimum, "every binding factor is at the minimum");
  }
}

}  // namespace

void CheckResultInvariants(const CheckResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    Require(!d.rule.empty(), "a diagnostic has a rule id");
    if (FindRule(d.rule) == nullptr) {
      Require(false, "a diagnostic's rule is registered: " + d.rule);
    }
    if (d.location) {
      Require(d.location->line >= 1 && d.location->column >= 1, "diagnostic location is 1-based");
    }
  }
  // Values may be reported signed only when a signature vouches for them: the
  // verdict is "verified"; or (README, "Wrapped signatures") the cloud's
  // assertion is wrapped and the values come from the validly signed one; or
  // (README, "IdP configuration") the configuration makes the IdP sign them.
  bool may_be_signed = false;
  if (result.signature) {
    const std::string& status = result.signature->status;
    Require(status == "verified" || status == "invalid" || status == "missing" ||
                status == "not-checked",
            "signature status is one of verified, invalid, missing, not-checked");
    const bool wrapped =
        status == "invalid" &&
        std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
          return d.rule == "signature-not-covering-assertion";
        });
    const bool configured = status == "not-checked" && result.kind == ResultKind::kIdpConfig;
    may_be_signed = status == "verified" || wrapped || configured;
  }
  for (const RolePair& role : result.roles) {
    if (!may_be_signed) {
      Require(!SignedFlag(role.is_signed), "a role is signed but no signature vouches for it");
    }
  }
  for (const Evaluation& ev : result.evaluations) CheckEvaluation(ev, may_be_signed);
}

void CheckResultInvariants(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results) CheckResultInvariants(r);
}

}  // namespace samlint::fuzz
