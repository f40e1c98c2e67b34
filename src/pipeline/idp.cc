// An IdP configuration is evaluated as the response it makes the IdP send:
// the reader builds the facts the parse stage would yield, a trust verdict
// says what the configuration signs (nothing is verified), and the same
// evaluation and checks as for a captured response follow.
#include "pipeline/idp.h"

#include <algorithm>

#include "base/diagnostic.h"
#include "idp/idp_config.h"
#include "parse/cloud.h"
#include "pipeline/assertion_stage.h"
#include "pipeline/prepared_input.h"
#include "samlint/check.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

// Without --now, configurations are evaluated as if signed in at this instant:
// only differences from it matter, and no result reports it.
constexpr std::string_view kSignInInstant = "2000-01-01T00:00:00Z";

std::optional<Cloud> CloudOf(const CheckOptions& options, const ResponseFacts& facts) {
  if (options.cloud) return options.cloud;
  std::optional<Cloud> cloud;
  for (ScenarioId id : options.scenarios) {
    Cloud c = GetScenario(id).cloud;
    if (cloud && *cloud != c) return DetectCloud(facts, &facts.assertions.front());
    cloud = c;
  }
  return cloud ? cloud : DetectCloud(facts, &facts.assertions.front());
}

// What the configuration signs takes the place of a signature verdict.
TrustVerdict ConfigTrust(const IdpConfigPart& part, std::optional<Cloud> cloud,
                         std::vector<Diagnostic>& out) {
  const IdpSigning& s = part.signing;
  TrustVerdict trust;
  trust.summary.status = "not-checked";
  if (!s.algorithm.empty() && (s.response_signed || s.assertion_signed)) {
    trust.summary.algorithm = s.algorithm;
  }
  if (!s.digest.empty() && (s.response_signed || s.assertion_signed))
    trust.summary.digest = s.digest;
  trust.values_from = &part.facts.assertions.front();
  trust.values_signed = s.response_signed || s.assertion_signed;
  const std::string product = part.idp == "okta" ? "Okta" : "Keycloak";
  if (!s.response_signed && !s.assertion_signed) {
    Diagnostic d = MakeDiagnostic(
        Rule::kSignatureMissing,
        "The configuration makes " + product +
            " send responses with no signature (neither the Response nor the Assertion is "
            "signed); " +
            (cloud == Cloud::kAws      ? std::string("AWS refuses unsigned responses at sign-in.")
             : cloud == Cloud::kAliyun ? std::string("Alibaba Cloud requires the whole Assertion "
                                                     "to be signed and refuses them.")
                                       : std::string("the clouds refuse unsigned responses.")),
        s.offset,
        part.idp == "okta"
            ? "Set assertion_signed = true (and response_signed = true) on the okta_app_saml."
            : "Turn on \"Sign assertions\" (saml.assertion.signature / sign_assertions) for the "
              "client.");
    d.severity = Severity::kError;  // certain, not a guess about one response
    out.push_back(std::move(d));
  } else {
    if (!s.assertion_signed) {
      Diagnostic d = MakeDiagnostic(
          Rule::kAssertionNotSigned,
          "The configuration makes " + product + " sign only the Response, not the Assertion" +
              (cloud == Cloud::kAliyun ? "; Alibaba Cloud requires the Assertion itself to be "
                                         "signed and refuses the sign-in."
                                       : "."),
          s.offset,
          part.idp == "okta" ? "Set assertion_signed = true on the okta_app_saml."
                             : "Turn on \"Sign assertions\" (saml.assertion.signature = \"true\" "
                               "in the export, sign_assertions = true in Terraform).");
      if (cloud == Cloud::kAliyun) d.severity = Severity::kError;
      out.push_back(std::move(d));
    }
    if (s.algorithm.find("sha1") != std::string::npos || s.digest == "sha1") {
      out.push_back(MakeDiagnostic(
          Rule::kSignatureWeakAlgorithm,
          "The configuration signs with " + Shorten(s.algorithm) +
              (s.digest.empty() ? "" : " / " + Shorten(s.digest)) +
              " (SHA-1), which is deprecated for XML signatures.",
          s.algorithm_offset,
          part.idp == "okta"
              ? "Set signature_algorithm = \"RSA_SHA256\" and digest_algorithm = \"SHA256\"."
              : "Set the client's signature algorithm to RSA_SHA256."));
    }
    out.push_back(MakeDiagnostic(
        Rule::kSignatureNotChecked,
        "This is " + product + " configuration, not a response: it makes " + product + " sign " +
            (s.assertion_signed && s.response_signed ? "the Response and the Assertion"
             : s.assertion_signed                    ? "the Assertion"
                                                     : "the Response") +
            ", and factors are marked signed on that basis, but no signature was verified.",
        s.offset,
        "Capture a response and check it with --cert or --idp-metadata to verify the signature."));
  }
  return trust;
}

void AppendFix(std::string& fix, const std::string& text) {
  if (text.empty()) return;
  fix += (fix.empty() ? "" : " ") + text;
}

// A clamp by a value the configuration declares names where to change it.
void AddConfigFixes(const IdpConfigPart& part, CheckResult& result) {
  for (Diagnostic& d : result.diagnostics) {
    if (d.rule != Rule::kLifetimeBelowTarget && d.rule != Rule::kSessionDurationExceedsRoleMax &&
        d.rule != Rule::kSessionDurationOutOfRange) {
      continue;
    }
    bool session_duration = d.rule != Rule::kLifetimeBelowTarget;
    bool session_not_on_or_after = false;
    for (const Evaluation& e : result.evaluations) {
      if (std::string(GetScenario(e.scenario).name) != d.scenario) continue;
      if (!d.role.empty() && e.role.value_or("") != d.role) continue;
      for (FactorName clamp : e.clamps) {
        auto doc = std::find_if(e.factors.begin(), e.factors.end(), [&](const Factor& f) {
          return f.name == clamp && f.origin == FactorOrigin::kDocument;
        });
        if (doc == e.factors.end()) continue;
        session_duration |= clamp == FactorName::kSessionDurationAttribute;
        session_not_on_or_after |= clamp == FactorName::kSessionNotOnOrAfter;
      }
    }
    if (session_duration && !part.session_duration_where.empty()) {
      AppendFix(d.fix, "In this configuration, SessionDuration is set by " +
                           part.session_duration_where + ".");
    }
    if (session_not_on_or_after && !part.session_not_on_or_after_where.empty()) {
      AppendFix(d.fix, "In this configuration, SessionNotOnOrAfter comes from " +
                           part.session_not_on_or_after_where + ".");
    }
  }
}

CheckResult CheckPart(std::string_view input_name, const LineIndex& lines,
                      const IdpConfigPart& part, const CheckOptions& options) {
  CheckResult result;
  result.input = std::string(input_name);
  result.part = part.pointer;
  result.kind = ResultKind::kIdpConfig;
  result.idp = part.idp;
  result.idp_client = part.name;
  const ResponseFacts& facts = part.facts;
  std::optional<Cloud> cloud = CloudOf(options, facts);
  result.cloud = cloud;
  TrustVerdict trust = ConfigTrust(part, cloud, result.diagnostics);
  result.signature = trust.summary;
  // What the configuration leaves to sign-in is not missing: it is not
  // checked, and what is unknown is said instead.
  AssertionScope scope;
  scope.unknown.roles = part.roles_unknown;
  scope.unknown.role_session_name = part.role_session_name_unknown;
  scope.unknown.audience = part.audience_unknown;
  scope.unknown.recipient = part.recipient_unknown;
  AssertionValues values = ReadAssertionValues(facts, trust.values_from, options.now);
  EvaluateReadAssertion(facts, values, trust, cloud, "", options, scope, result);
  for (const IdpUnknown& u : part.unknowns) {
    result.diagnostics.push_back(MakeDiagnostic(Rule::kIdpValueUnknown, u.message, u.offset));
  }
  AddConfigFixes(part, result);
  for (Evaluation& e : result.evaluations) {
    for (auto* list : {&e.factors, &e.context}) {
      for (Factor& f : *list) {
        if (f.origin != FactorOrigin::kDocument) continue;
        if (f.name == FactorName::kSessionDurationAttribute) {
          f.configured_by = part.session_duration_where;
        } else if (f.name == FactorName::kSessionNotOnOrAfter) {
          f.configured_by = part.session_not_on_or_after_where;
        }
      }
    }
  }
  if (!options.now) {
    result.t_use.reset();
    result.t_use_source.clear();
  } else {
    result.t_use_source = "--now (as the sign-in time)";
  }
  result.assertion_id.clear();
  result.subject.clear();
  FinishResult(lines, result);
  return result;
}

}  // namespace

Timestamp SignInInstant(const CheckOptions& options) {
  return options.now.value_or(*ParseDateTime(kSignInInstant));
}

std::vector<CheckResult> CheckIdpConfig(std::string_view input_name, std::string_view bytes,
                                        const IdpConfigSplit& split, const CheckOptions& options) {
  if (!split.limit.empty()) return {LimitExceededInput(input_name, split.error)};
  if (split.parts.empty()) return {UnreadableInput(input_name, split.error)};
  std::vector<CheckResult> results;
  const LineIndex lines(bytes);  // once: an input may hold many applications
  for (const IdpConfigPart& part : split.parts) {
    results.push_back(CheckPart(input_name, lines, part, options));
  }
  return results;
}

}  // namespace samlint
