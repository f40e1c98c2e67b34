// The per-input pipeline: each stage reads only the one before it.
//   bytes → DecodeInput (input/) → ExtractFacts (parse/) → AssessSignatures (trust/)
//   → roles and declarations joined (declare/) → EvaluateScenario (evaluate/)
//   → document checks (diagnose/) → offsets to line:column, once (parse/line_index).
#include "samlint/check.h"

#include <algorithm>
#include <set>

#include "base/diagnostic.h"
#include "declare/inputs.h"
#include "declare/join.h"
#include "diagnose/assertion_checks.h"
#include "evaluate/lifetime.h"
#include "input/decode.h"
#include "parse/assertion_values.h"
#include "parse/cloud.h"
#include "parse/extract.h"
#include "parse/line_index.h"
#include "pipeline/assertion_stage.h"
#include "pipeline/response_read.h"
#include "samlint/config.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"
#include "samlint/suppress.h"
#include "trust/decrypt.h"
#include "trust/signature.h"

namespace samlint {
namespace {

CheckResult Unreadable(std::string_view input_name, RuleId rule, std::string message,
                       std::optional<std::size_t> offset, std::string_view text,
                       std::string encoding) {
  CheckResult r;
  r.input = std::string(input_name);
  r.kind = ResultKind::kUnreadable;
  r.encoding = std::move(encoding);
  Diagnostic d = MakeDiagnostic(rule, std::move(message), offset);
  if (offset) d.location = LineIndex(text).At(*offset);
  r.diagnostics.push_back(std::move(d));
  return r;
}

// The scenarios to evaluate for a SAML response of `cloud`.
std::vector<ScenarioId> SamlScenarios(const CheckOptions& options, std::optional<Cloud> cloud) {
  std::vector<ScenarioId> out;
  if (!options.scenarios.empty()) {
    for (ScenarioId id : options.scenarios) {
      if (GetScenario(id).takes_saml) out.push_back(id);
    }
    return out;
  }
  // A response that names no cloud is evaluated as for any SAML service provider.
  if (!cloud || *cloud == Cloud::kGeneric) return {ScenarioId::kSamlGeneric};
  if (*cloud == Cloud::kAws) return {ScenarioId::kAwsSamlConsole, ScenarioId::kAwsSamlApi};
  // The IAP session cookie is evaluated only when asked for (--scenario gcp:workforce-iap).
  if (*cloud == Cloud::kGcp) return {ScenarioId::kGcpWorkforceConsole, ScenarioId::kGcpWorkforceToken};
  return {ScenarioId::kAliyunSamlConsole, ScenarioId::kAliyunSamlApi};
}

// The cloud the options name: --cloud, else the --scenario ids when they agree.
std::optional<Cloud> DeclaredCloud(const CheckOptions& options) {
  if (options.cloud) return options.cloud;
  std::optional<Cloud> cloud;
  for (ScenarioId id : options.scenarios) {
    Cloud c = GetScenario(id).cloud;
    if (cloud && *cloud != c) return std::nullopt;
    cloud = c;
  }
  return cloud;
}

// One option-ignored note per option that none of the evaluated scenarios reads.
void NoteIgnoredOptions(const CheckOptions& options, const std::vector<ScenarioId>& scenarios,
                        std::vector<Diagnostic>& out) {
  if (scenarios.empty()) return;
  ScenarioUse used;
  bool aliyun_only = true;
  for (ScenarioId id : scenarios) {
    ScenarioUse u = UsesOf(id);
    used.role_max |= u.role_max;
    used.duration_seconds |= u.duration_seconds;
    used.login_session |= u.login_session;
    used.permission_set |= u.permission_set;
    used.role_chaining |= u.role_chaining;
    used.sp |= u.sp;
    used.workforce_pool |= u.workforce_pool;
    aliyun_only &= GetScenario(id).cloud == Cloud::kAliyun;
  }
  std::string names;
  for (ScenarioId id : scenarios) {
    names += (names.empty() ? "" : ", ") + std::string(GetScenario(id).name);
  }
  auto note = [&](bool given, bool applies, const char* option, std::string why = {}) {
    if (!given || applies) return;
    std::string message = std::string(option) + " does not apply to " + names + " and was ignored";
    message += why.empty() ? "." : ": " + why;
    out.push_back(MakeDiagnostic(Rule::kOptionIgnored, std::move(message)));
  };
  note(options.role_max_session.has_value(), used.role_max, "--role-max-session");
  note(options.duration_seconds.has_value(), used.duration_seconds, "--duration-seconds");
  note(options.login_session.has_value(), used.login_session, "--login-session");
  note(options.permission_set_session.has_value(), used.permission_set, "--permission-set-session");
  note(options.role_chaining, used.role_chaining, "--role-chaining",
       aliyun_only ? "Alibaba Cloud documents no role-chaining cap, so samlint applies none."
                   : std::string());
  note(options.sp_session_limit.has_value(), used.sp, "--sp-session-limit");
  note(options.sp_entity_id.has_value(), used.sp, "--sp-entity-id");
  note(options.sp_acs_url.has_value(), used.sp, "--sp-acs-url");
  note(options.workforce_pool_session.has_value(), used.workforce_pool,
       "--workforce-pool-session");
}

// saml:generic: the findings already made that are reasons the service
// provider refuses the response (more-clouds.md § Generic SAML 2.0 service
// provider, "rejected when"). Recipient and Audience count only when they were
// checked against the declared SP, not against a cloud's endpoints.
std::vector<RuleId> DeliveryRefusals(const std::vector<Diagnostic>& findings,
                                     const ResponseFacts& facts, bool checked_as_generic) {
  std::vector<RuleId> refusals;
  auto add = [&](RuleId rule) {
    if (std::find(refusals.begin(), refusals.end(), rule) == refusals.end())
      refusals.push_back(rule);
  };
  // SAML Profiles §4.1.4.5: with the POST binding the assertion must be signed;
  // a Response outside a SOAP envelope is delivered by POST (§4.1.2 forbids
  // HTTP-Redirect for it, and the artifact binding resolves over SOAP).
  const bool post_binding = facts.envelope == Envelope::kNone;
  for (const Diagnostic& d : findings) {
    if (d.severity != Severity::kError) continue;
    for (RuleId rule : {Rule::kAssertionExpired, Rule::kAssertionNotYetValid,
                        Rule::kStatusNotSuccess, Rule::kSignatureInvalid,
                        Rule::kSignatureNotCoveringAssertion, Rule::kSignatureKeyUntrusted}) {
      if (rule == d.rule) add(rule);
    }
    if (post_binding && Rule::kSignatureMissing == d.rule) add(Rule::kSignatureMissing);
    if (checked_as_generic) {
      for (RuleId rule : {Rule::kRecipientMismatch, Rule::kAudienceMismatch}) {
        if (rule == d.rule) add(rule);
      }
    }
  }
  return refusals;
}

// Every scenario of `scenarios` for every role (only `only_role` when set; no
// role: once), the findings to `findings`.
void Evaluate(const std::vector<ScenarioId>& scenarios, const ScenarioInputs& base,
              const std::vector<ParsedRole>& roles_for_aws,
              const std::vector<ParsedRole>& roles_for_aliyun, std::string_view only_role,
              const CheckOptions& options, std::vector<Evaluation>& evaluations,
              std::vector<Diagnostic>& findings) {
  auto evaluate = [&](ScenarioId id, const ScenarioInputs& in) {
    ScenarioOutcome o = EvaluateScenario(id, in);
    evaluations.push_back(std::move(o.evaluation));
    for (Diagnostic& d : o.diagnostics) findings.push_back(std::move(d));
  };
  for (ScenarioId id : scenarios) {
    const ScenarioInfo& info = GetScenario(id);
    ScenarioInputs in = base;
    in.cloud = info.cloud;
    static const std::vector<ParsedRole> kNoRoles;
    const auto& roles = info.cloud == Cloud::kAws      ? roles_for_aws
                        : info.cloud == Cloud::kAliyun ? roles_for_aliyun
                                                       : kNoRoles;
    if (roles.empty()) {
      if (in.role) {
        if (auto target = TargetForRole(options.role_targets, *in.role)) in.target = target;
      }
      JoinDeclarations(options, info.cloud, in.role.value_or(""), in, findings);
      evaluate(id, in);
      continue;
    }
    for (const ParsedRole& role : roles) {
      if (!only_role.empty() && role.role != only_role) continue;
      ScenarioInputs per_role = in;
      per_role.role = role.role;
      per_role.provider = role.provider;
      per_role.role_name = role.role_name;
      if (auto target = TargetForRole(options.role_targets, role.role)) per_role.target = target;
      JoinDeclarations(options, info.cloud, role.role, per_role, findings);
      evaluate(id, per_role);
    }
  }
}

// The assertion the cloud reads: the Response's first Assertion child.
const AssertionFact* ReadAssertion(const ResponseFacts& facts) {
  return facts.assertions.empty() ? nullptr : &facts.assertions.front();
}

void ResolveLocations(const LineIndex& index, CheckResult& r) {
  for (Diagnostic& d : r.diagnostics) {
    if (d.offset && !d.location) d.location = index.At(*d.offset);
  }
  for (Evaluation& e : r.evaluations) {
    for (auto* list : {&e.factors, &e.context}) {
      for (Factor& f : *list) {
        if (f.offset) f.source = index.At(*f.offset);
      }
    }
  }
  for (RolePair& p : r.roles) {
    if (p.offset) p.source = index.At(*p.offset);
  }
}

// Findings about the whole input first, then per evaluation, each group by position.
void OrderDiagnostics(CheckResult& r) {
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     bool ga = !a.scenario.empty(), gb = !b.scenario.empty();
                     if (ga != gb) return !ga;
                     if (ga) return false;  // keep evaluation order
                     std::size_t oa = a.offset.value_or(SIZE_MAX), ob = b.offset.value_or(SIZE_MAX);
                     return oa < ob;
                   });
}

}  // namespace

void EvaluateReadAssertion(const ResponseFacts& facts, const AssertionValues& values,
                           const TrustVerdict& trust, std::optional<Cloud> cloud,
                           const std::string& decrypt_error, const CheckOptions& options,
                           const AssertionScope& scope, CheckResult& result) {
  result.t_use = values.t_use;
  result.t_use_source = values.t_use_source;
  const AssertionFact* read = values.assertion;
  std::vector<ScenarioId> scenarios =
      read != nullptr ? SamlScenarios(options, cloud) : std::vector<ScenarioId>{};

  // The service provider's delivery checks come first: for saml:generic they
  // decide whether the response is refused at all.
  const Cloud checked_cloud = cloud.value_or(Cloud::kGeneric);
  std::vector<Diagnostic> document_findings;
  CheckDocument(facts, options, document_findings);
  std::vector<Diagnostic> delivery_findings;
  if (read != nullptr) {
    CheckAssertionForCloud(facts, values, checked_cloud, options, delivery_findings, scope.unknown);
  }

  // Evaluate: the document values of the read assertion joined with the declarations.
  std::vector<Diagnostic> evaluation_findings;
  if (read != nullptr) {
    ScenarioInputs base = DeclarationsFromOptions(cloud.value_or(Cloud::kAws), options);
    base.from_document = true;
    if (std::find(scenarios.begin(), scenarios.end(), ScenarioId::kSamlGeneric) !=
        scenarios.end()) {
      std::vector<Diagnostic> found = result.diagnostics;  // the trust stage's
      found.insert(found.end(), document_findings.begin(), document_findings.end());
      found.insert(found.end(), delivery_findings.begin(), delivery_findings.end());
      base.delivery_refused = DeliveryRefusals(found, facts, checked_cloud == Cloud::kGeneric);
    }
    if (auto provider = GcpWorkforceProvider(facts, read)) base.workforce_pool = provider->pool;
    if (values.t_use && values.earliest_session_end != nullptr) {
      const TimeFact& end = *values.earliest_session_end;
      base.session_not_on_or_after =
          DocumentValue{SecondsBetween(*values.t_use, *end.value), end.offset, trust.values_signed};
    }
    std::vector<ParsedRole> aws_roles = values.aws.ParsedRoles();
    std::vector<ParsedRole> aliyun_roles = values.aliyun.ParsedRoles();
    // SessionDuration is read per scenario cloud.
    for (Cloud c : {Cloud::kAws, Cloud::kAliyun, Cloud::kGeneric, Cloud::kGcp}) {
      std::vector<ScenarioId> of_cloud;
      for (ScenarioId id : scenarios) {
        if (GetScenario(id).cloud == c) of_cloud.push_back(id);
      }
      if (of_cloud.empty()) continue;
      ScenarioInputs in = base;
      // A generic SP and Google read no SessionDuration attribute (For is empty).
      const SessionDurationValue& sd = values.For(c).session_duration;
      if (sd.seconds)
        in.session_duration = DocumentValue{*sd.seconds, sd.offset, trust.values_signed};
      Evaluate(of_cloud, in, aws_roles, aliyun_roles, scope.role, options, result.evaluations,
               evaluation_findings);
    }
  }

  // Diagnose: the document, then the assertion against the cloud's requirements.
  for (Diagnostic& d : document_findings) result.diagnostics.push_back(std::move(d));
  if (!values.t_use) {
    result.diagnostics.push_back(MakeDiagnostic(
        Rule::kXmlMalformed,
        "Neither the Assertion nor the Response has a valid IssueInstant, so the time of use is "
        "unknown: SessionNotOnOrAfter cannot be measured and is left out. Pass --now to set it.",
        read != nullptr ? read->offset : facts.offset));
  }
  if (read == nullptr) {
    if (!facts.encrypted_assertions.empty()) {
      result.diagnostics.push_back(MakeDiagnostic(
          Rule::kEncryptedAssertionNoKey,
          options.sp_key
              ? "The assertion is encrypted and could not be decrypted: " + decrypt_error +
                    ". No lifetime is reported from data samlint cannot read."
              : "The assertion is encrypted (EncryptedAssertion) and no --sp-key was given to "
                "decrypt it, so no lifetime is reported from data samlint cannot read.",
          facts.encrypted_assertions.front(),
          "Pass the SP private key that decrypts it with --sp-key FILE."));
    } else if (cloud && *cloud != Cloud::kGeneric && *cloud != Cloud::kGcp &&
               !SuccessWithoutAssertion(facts)) {
      // (A Success response without an assertion is assertion-missing, whatever the cloud.)
      result.diagnostics.push_back(MakeDiagnostic(
          Rule::kRoleAttributeMissing,
          "The response carries no Assertion, so there is no Role attribute and no session.",
          facts.offset,
          "Check the IdP's status and logs: a successful response has an Assertion."));
    }
    return;
  }
  result.assertion_id = read->id.value;
  if (read->name_id.present) result.subject = Redact(read->name_id.value, options.show_identities);
  if (!cloud && options.scenarios.empty()) {
    result.cloud_undetected = true;
    result.diagnostics.push_back(MakeDiagnostic(
        Rule::kCloudUndetected,
        "Nothing in the response names AWS or Alibaba Cloud (attribute names, Audience, "
        "Recipient, Destination), so samlint evaluates it as for any SAML service provider "
        "(saml:generic): no cloud scenario is evaluated.",
        read->offset,
        "Pass --cloud aws or --cloud aliyun, or --scenario ID, if it is for a cloud; "
        "--cloud generic if it is for another service provider."));
  }
  for (Diagnostic& d : delivery_findings) result.diagnostics.push_back(std::move(d));
  if (cloud && *cloud != Cloud::kGeneric) {
    for (const RoleValue& role : values.For(*cloud).roles) {
      if (!role.parsed) continue;
      RolePair pair;
      pair.role = role.parsed->role;
      pair.provider = role.parsed->provider;
      pair.is_signed = trust.values_signed;
      pair.offset = role.text->offset;
      result.roles.push_back(std::move(pair));
    }
  }

  // Report order: the document's findings, then the evaluations'.
  for (Diagnostic& d : evaluation_findings) result.diagnostics.push_back(std::move(d));
  NoteIgnoredOptions(options, scenarios, result.diagnostics);
}

void FinishResult(const LineIndex& index, CheckResult& result) {
  ResolveLocations(index, result);
  OrderDiagnostics(result);
}

CheckResult UnreadableInput(std::string_view input_name, std::string_view reason) {
  return Unreadable(input_name, Rule::kInputUnreadable, std::string(reason), std::nullopt, {}, {});
}

std::variant<CheckResult, std::shared_ptr<const ResponseRead>> ReadResponse(
    std::string_view input_name, std::string_view bytes, const CheckOptions& options) {
  if (bytes.size() > options.limits.input_bytes) {
    return OversizedInput(input_name, bytes.size(), options.limits);
  }
  DecodedInput decoded = DecodeInput(bytes);
  if (decoded.encoding == InputEncoding::kUnknown) {
    bool decoded_not_xml = decoded.error.find("not XML") != std::string::npos;
    return Unreadable(input_name, decoded_not_xml ? Rule::kXmlMalformed : Rule::kInputUnreadable,
                      decoded.error, std::nullopt, {}, {});
  }
  std::string encoding(EncodingName(decoded.encoding));
  std::string& xml = decoded.xml;
  ExtractOutcome extracted = ExtractFacts(xml, options.limits.xml_nodes);
  switch (extracted.status) {
    case ExtractStatus::kLimit:
      return Unreadable(input_name, Rule::kLimitExceeded,
                        extracted.error + ": " + LimitHint(options.limits, "xml-nodes") + ".",
                        extracted.error_offset, xml, encoding);
    case ExtractStatus::kDoctype:
      return Unreadable(input_name, Rule::kXmlDoctype, extracted.error, extracted.error_offset, xml,
                        encoding);
    case ExtractStatus::kMalformed:
      return Unreadable(input_name, Rule::kXmlMalformed, extracted.error, extracted.error_offset,
                        xml, encoding);
    case ExtractStatus::kNotSaml:
      return Unreadable(input_name, Rule::kInputUnreadable, extracted.error, extracted.error_offset,
                        xml, encoding);
    case ExtractStatus::kOk:
      break;
  }
  auto read = std::make_shared<ResponseRead>();
  read->encoding = std::move(encoding);
  read->xml = std::move(xml);
  // An encrypted assertion is read only through the SP key; its facts then come
  // from the decrypted document, which is what positions refer to.
  if (extracted.facts.assertions.empty() && !extracted.facts.encrypted_assertions.empty() &&
      options.sp_key) {
    DecryptOutcome d = DecryptAssertions(read->xml, *options.sp_key);
    if (d.ok) {
      ExtractOutcome again = ExtractFacts(d.xml, options.limits.xml_nodes);
      if (again.status == ExtractStatus::kOk) {
        read->xml = std::move(d.xml);
        extracted = std::move(again);
        read->encoding += ", decrypted";
      } else {
        read->decrypt_error = "the decrypted assertion is not well-formed: " + again.error;
      }
    } else {
      read->decrypt_error = d.error;
    }
  }
  read->facts = std::move(extracted.facts);
  if (NeedsVerification(read->facts, options)) {
    read->verified = VerifyResponse(read->xml, read->facts, ReadAssertion(read->facts),
                                    *options.trust_store, options.limits);
    read->verified_with = options.trust_store;
  }
  return read;
}

CheckResult JudgeResponse(std::string_view input_name, const ResponseRead& response,
                          const CheckOptions& options, const AssertionScope& scope) {
  const std::string& doc_xml = response.xml;
  const ResponseFacts& facts = response.facts;

  CheckResult result;
  result.input = std::string(input_name);
  result.kind = ResultKind::kSamlResponse;
  result.encoding = response.encoding;
  result.issuer = facts.issuer.present        ? facts.issuer.value
                  : !facts.assertions.empty() ? facts.assertions.front().issuer.value
                                              : std::string();

  const AssertionFact* read = ReadAssertion(facts);
  std::optional<Cloud> cloud = DeclaredCloud(options);
  if (!cloud) cloud = DetectCloud(facts, read);
  result.cloud = cloud;

  AssertionValues read_values = ReadAssertionValues(facts, read, options.now);

  // Trust stage: which assertion's values a verified signature covers.
  const bool same_anchors = response.verified_with == options.trust_store;
  TrustVerdict trust =
      AssessSignatures(doc_xml, facts, read, cloud, read_values.t_use, options, result.diagnostics,
                       same_anchors && response.verified ? &*response.verified : nullptr);
  result.signature = trust.summary;
  result.work.signatures_seen = trust.work.signatures_seen;
  result.work.verifications = trust.work.verifications;
  result.work.canonicalizations = trust.work.canonicalizations;
  result.work.xml_nodes = facts.node_count;

  // A signature-wrapping layout can leave the validly signed values elsewhere.
  AssertionValues values = trust.values_from == read
                               ? std::move(read_values)
                               : ReadAssertionValues(facts, trust.values_from, options.now);
  EvaluateReadAssertion(facts, values, trust, cloud, response.decrypt_error, options, scope,
                        result);

  ApplyInlineSuppressions(doc_xml, result);
  ResolveLocations(LineIndex(doc_xml), result);
  OrderDiagnostics(result);
  return result;
}

CheckResult CheckBytes(std::string_view input_name, std::string_view bytes,
                       const CheckOptions& options) {
  auto read = ReadResponse(input_name, bytes, options);
  if (auto* unreadable = std::get_if<CheckResult>(&read)) return std::move(*unreadable);
  auto& response = std::get<std::shared_ptr<const ResponseRead>>(read);
  CheckResult result = JudgeResponse(input_name, *response, options);
  if (!result.assertion_id.empty()) result.response = std::move(response);
  return result;
}

std::optional<CheckResult> CheckDeclarations(const CheckOptions& options) {
  std::vector<ScenarioId> scenarios;
  for (ScenarioId id : options.scenarios) {
    if (!GetScenario(id).takes_saml) scenarios.push_back(id);
  }
  if (scenarios.empty()) return std::nullopt;
  CheckResult result;
  result.kind = ResultKind::kDeclarations;
  result.cloud = DeclaredCloud(options);
  if (!result.cloud) result.cloud = GetScenario(scenarios.front()).cloud;
  result.t_use = options.now;
  ScenarioInputs base = DeclarationsFromOptions(*result.cloud, options);
  Evaluate(scenarios, base, {}, {}, {}, options, result.evaluations, result.diagnostics);
  NoteIgnoredOptions(options, scenarios, result.diagnostics);
  OrderDiagnostics(result);
  return result;
}

std::optional<CheckResult> DeclarationsResult(const Declarations& declarations,
                                              const std::vector<std::string>& files) {
  std::vector<Diagnostic> findings = DeclarationFileFindings(declarations);
  if (findings.empty()) return std::nullopt;
  CheckResult result;
  result.kind = ResultKind::kDeclarations;
  std::string names;
  for (const std::string& f : files) names += (names.empty() ? "" : ", ") + f;
  result.input = names;
  result.diagnostics = std::move(findings);
  return result;
}

Status ValidateOptions(const CheckOptions& options, bool has_inputs) {
  bool takes_saml = false;
  bool option_only = false;
  for (ScenarioId id : options.scenarios) {
    const ScenarioInfo& info = GetScenario(id);
    (info.takes_saml ? takes_saml : option_only) = true;
    if (options.cloud && info.cloud != *options.cloud) {
      return Status::Error("--scenario " + std::string(info.name) +
                           " is not a scenario of --cloud " +
                           std::string(CloudName(*options.cloud)));
    }
  }
  if (!has_inputs) {
    if (takes_saml) {
      return Status::Error(
          "--scenario needs a SAML response INPUT for its SAML scenarios (give a file, a "
          "directory or - for stdin)");
    }
    if (!option_only) {
      return Status::Error(
          "no INPUT given: name a file, a directory or - for stdin, or choose a scenario that "
          "needs no SAML response with --scenario (e.g. aws:assume-role)");
    }
  }
  return Status();
}

}  // namespace samlint
