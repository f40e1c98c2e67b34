// Inputs that hold SAML responses or STS calls inside something else: each
// part goes through the same pipeline, with what the artifact itself says
// (the request's DurationSeconds and role, the event's time) taking the place
// of options.
#include "input/artifacts.h"

#include <algorithm>

#include "base/diagnostic.h"
#include "declare/join.h"
#include "evaluate/lifetime.h"
#include "input/decode.h"
#include "input/recognise.h"
#include "input/har_stream.h"
#include "parse/roles.h"
#include "pipeline/idp.h"
#include "pipeline/prepared_input.h"
#include "pipeline/response_read.h"
#include "samlint/check.h"
#include "samlint/config.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

// An observed lifetime this much shorter than requested was cut by the session.
constexpr std::int64_t kObservedTolerance = 2;
// A cloud's error message is quoted whole unless it is far longer than any real one.
constexpr std::size_t kCloudErrorShown = 1000;

ScenarioId ScenarioForCall(Cloud cloud, std::string_view action) {
  if (cloud == Cloud::kAws) {
    if (action == "AssumeRole") return ScenarioId::kAwsAssumeRole;
    if (action == "AssumeRoleWithWebIdentity") return ScenarioId::kAwsWebIdentity;
    return ScenarioId::kAwsSamlApi;
  }
  if (action == "AssumeRole") return ScenarioId::kAliyunAssumeRole;
  if (action == "AssumeRoleWithOIDC") return ScenarioId::kAliyunOidcApi;
  return ScenarioId::kAliyunSamlApi;
}

// The rule a failed call's error message corresponds to.
RuleId RuleForError(std::string_view code, std::string_view message) {
  auto has = [&](std::string_view s) { return message.find(s) != std::string_view::npos; };
  if (has("exceeds the MaxSessionDuration")) return Rule::kDurationExceedsRoleMax;
  if (has("1 hour session limit") || has("role chaining")) return Rule::kRoleChainingLimit;
  if (has("redeemed within 5 minutes")) return Rule::kRedemptionWindowExceeded;
  if (has("expired")) return Rule::kAssertionExpired;
  if (has("DurationSeconds") || code == "InvalidParameter.DurationSeconds") {
    return Rule::kDurationOutOfRange;
  }
  if (has("RoleSessionName")) return Rule::kRoleSessionNameInvalid;
  if (has("SourceIdentity")) return Rule::kSourceIdentityInvalid;
  if (has("Audience") || has("audience")) return Rule::kAudienceMismatch;
  if (has("Recipient") || has("recipient")) return Rule::kRecipientMismatch;
  return Rule::kStsCallFailed;
}

std::string FactorFixForRule(RuleId rule) {
  if (rule == Rule::kDurationExceedsRoleMax) {
    return "Request at most the role's MaxSessionDuration, or raise it (`aws iam update-role "
           "--role-name ROLE --max-session-duration SECONDS`).";
  }
  if (rule == Rule::kRoleChainingLimit) {
    return "Request at most 3600 seconds when chaining, or assume the role from user or SAML "
           "credentials instead of another role's session.";
  }
  if (rule == Rule::kDurationOutOfRange)
    return "Request a DurationSeconds from 900 to the role maximum.";
  if (rule == Rule::kRedemptionWindowExceeded)
    return "Redeem the assertion within 5 minutes of issue.";
  return "See the error message; `samlint rules " + std::string(rule.name()) +
         "` explains the rule.";
}

CheckResult CheckStsRequest(std::string_view name, const ArtifactPart& part,
                            const CheckOptions& options) {
  const StsRequest& request = *part.request;
  CheckOptions o = options;
  o.scenarios = {ScenarioForCall(request.cloud, request.action)};
  o.cloud = request.cloud;
  // The request's own DurationSeconds wins; the option fills in only when it has none.
  if (request.duration_seconds) o.duration_seconds = request.duration_seconds;
  // Only the requested role is evaluated; the others are the IdP's offer.
  AssertionScope scope;
  scope.role = request.role_arn;
  auto read = ReadResponse(name, part.saml, o);
  if (auto* unreadable = std::get_if<CheckResult>(&read)) return std::move(*unreadable);
  // No audit event is joined with a request, so the read is not kept.
  CheckResult r =
      JudgeResponse(name, *std::get<std::shared_ptr<const ResponseRead>>(read), o, scope);
  r.kind = ResultKind::kStsRequest;

  if (!request.duration_text.empty()) {
    r.diagnostics.push_back(MakeDiagnostic(
        Rule::kDurationOutOfRange,
        "The request's DurationSeconds \"" + Shorten(request.duration_text) +
            "\" is not a whole number of seconds; the call is refused.",
        std::nullopt, "Send DurationSeconds as an integer from 900 to the role maximum."));
  }
  if (request.role_arn.empty()) return r;
  bool offered = std::any_of(r.roles.begin(), r.roles.end(), [&](const RolePair& p) {
    return p.role == request.role_arn &&
           (request.principal_arn.empty() || p.provider == request.principal_arn);
  });
  if (!offered) {
    // Enough of the IdP's offer to see the mistake, whatever the assertion holds.
    constexpr std::size_t kRolesShown = 10;
    std::string list;
    for (std::size_t i = 0; i < r.roles.size() && i < kRolesShown; ++i) {
      list += (list.empty() ? "" : ", ") + Shorten(r.roles[i].role) + "," +
              Shorten(r.roles[i].provider);
    }
    if (r.roles.size() > kRolesShown) {
      list += " and " + std::to_string(r.roles.size() - kRolesShown) + " more";
    }
    Diagnostic d = MakeDiagnostic(
        Rule::kRoleNotInAssertion,
        "The request asks for " + Shorten(request.role_arn) +
            (request.principal_arn.empty() ? "" : " with " + Shorten(request.principal_arn)) +
            ", which is not among the assertion's Role values (" +
            (list.empty() ? std::string("none") : list) + "); STS refuses the call.",
        std::nullopt,
        "Request one of the roles the IdP sends, or add this role to the IdP's Role attribute.");
    d.severity = Severity::kError;
    r.diagnostics.push_back(std::move(d));
    r.evaluations.clear();
  }
  return r;
}

CheckResult CheckTrailEvent(std::string_view name, const std::string& kind, const TrailEvent& event,
                            const CheckOptions& options) {
  CheckResult r;
  r.input = std::string(name);
  r.kind = kind == "actiontrail" ? ResultKind::kActionTrailEvent : ResultKind::kCloudTrailEvent;
  r.cloud = event.cloud;
  r.t_use = event.event_time;
  r.t_use_source = "eventTime";
  r.event_assertion_id = event.saml_assertion_id;
  r.event_role = event.role_arn;
  r.event_name = event.event_name;
  r.event_time = event.event_time;
  r.event_duration = event.duration_seconds;
  r.event_expiration = event.expiration;
  r.event_error_code = event.error_code;
  r.event_error_message = event.error_message;
  ScenarioId scenario = ScenarioForCall(event.cloud, event.event_name);

  ScenarioInputs in = DeclarationsFromOptions(event.cloud, options);
  in.target = options.target;
  if (event.duration_seconds) {
    in.duration_seconds =
        DeclaredValue{*event.duration_seconds, "requestParameters.durationSeconds"};
  }
  if (!event.role_arn.empty()) {
    in.role = event.role_arn;
    in.role_name = RoleNameOf(event.role_arn);
    if (auto target = TargetForRole(options.role_targets, event.role_arn)) in.target = target;
  }
  in.role_chaining = options.role_chaining || event.caller_holds_role;
  // A call that succeeded proves the role allows what it asked for.
  CheckOptions proven = options;
  if (event.error_code.empty() && event.duration_seconds)
    proven.role_max_proven = event.duration_seconds;
  JoinDeclarations(proven, event.cloud, event.role_arn, in, r.diagnostics);

  std::optional<std::int64_t> observed;
  if (event.expiration && event.event_time)
    observed = SecondsBetween(*event.event_time, *event.expiration);
  std::int64_t requested = in.duration_seconds ? in.duration_seconds->seconds : 3600;
  bool saml_call = scenario == ScenarioId::kAwsSamlApi || scenario == ScenarioId::kAliyunSamlApi;
  bool clamped = event.error_code.empty() && observed && saml_call &&
                 *observed + kObservedTolerance < requested;
  if (clamped) {
    in.session_not_on_or_after = DocumentValue{*observed, 0, false};
    in.session_not_on_or_after_inferred = true;
  }

  // A refused call is explained by its error, not by what samlint would infer.
  std::optional<RuleId> refused_by;
  if (!event.error_code.empty()) refused_by = RuleForError(event.error_code, event.error_message);
  in.refused_by = refused_by;

  ScenarioOutcome o = EvaluateScenario(scenario, in);
  o.evaluation.observed_seconds = observed;
  for (Diagnostic& d : o.diagnostics) r.diagnostics.push_back(std::move(d));
  if (clamped) {
    Diagnostic d = MakeDiagnostic(
        Rule::kObservedLifetimeShort,
        "The credentials lasted " + SecondsAndHuman(*observed) + ", shorter than the requested " +
            SecondsAndHuman(requested) +
            ": the assertion's AuthnStatement/@SessionNotOnOrAfter ended the session first (a "
            "SessionDuration attribute copied into DurationSeconds by the client has the same "
            "effect).",
        std::nullopt,
        "Lengthen the IdP session that sets SessionNotOnOrAfter, or request no more than it "
        "allows.");
    d.scenario = std::string(GetScenario(scenario).name);
    if (in.role) d.role = *in.role;
    r.diagnostics.push_back(std::move(d));
  }
  if (refused_by && !o.refusal_explained) {
    Diagnostic d = MakeDiagnostic(*refused_by,
                                  "The " + Shorten(event.event_name) + " call failed with " +
                                      Shorten(event.error_code) + ": \"" +
                                      Shorten(event.error_message, kCloudErrorShown) + "\"",
                                  std::nullopt, FactorFixForRule(*refused_by));
    d.severity = Severity::kError;
    d.scenario = std::string(GetScenario(scenario).name);
    if (in.role) d.role = *in.role;
    r.diagnostics.push_back(std::move(d));
  }
  r.evaluations.push_back(std::move(o.evaluation));
  return r;
}

void SetRecognition(PreparedInput& in, Recognition recognition) {
  in.recognised = recognition.recognised;
  in.looks_like = std::move(recognition.looks_like);
}

}  // namespace

bool AwaitsResponse(const CheckResult& result) {
  // A refused call is explained by its error.
  return result.kind == ResultKind::kCloudTrailEvent && !result.event_assertion_id.empty() &&
         result.event_error_code.empty();
}

bool JoinEventWithResponse(CheckResult& event, const CheckResult& response,
                           const CheckOptions& options) {
  if (response.response == nullptr || response.kind != ResultKind::kSamlResponse) return false;
  const ResponseRead& read = *response.response;
  // The document is judged as an input of its own would be.
  if (read.xml.size() > options.limits.input_bytes) return false;
  CheckOptions o = options;
  o.now = event.event_time;
  o.cloud = Cloud::kAws;
  o.scenarios = {ScenarioForCall(Cloud::kAws, event.event_name)};
  if (event.event_duration) {
    o.duration_seconds = event.event_duration;
    o.role_max_proven = event.event_duration;
  }
  AssertionScope scope;
  scope.role = event.event_role;
  CheckResult joined = JudgeResponse(event.input.value_or(""), read, o, scope);
  // Judged from the decoded document itself, as if it were the input.
  joined.encoding = std::string(EncodingName(InputEncoding::kXml));
  std::optional<std::int64_t> observed;
  if (event.event_time && event.event_expiration) {
    observed = SecondsBetween(*event.event_time, *event.event_expiration);
  }
  for (Evaluation& e : joined.evaluations) e.observed_seconds = observed;
  joined.kind = ResultKind::kCloudTrailEvent;
  joined.part = event.part;
  joined.t_use_source = "eventTime (joined with " + response.input.value_or("") +
                        (response.part.empty() ? "" : "#" + response.part) + ")";
  joined.event_assertion_id = event.event_assertion_id;
  event = std::move(joined);
  return true;
}

PreparedInput PrepareInput(std::string_view input_name, std::string bytes, const Limits& limits,
                           Timestamp sign_in) {
  PreparedInput in;
  in.name = std::string(input_name);
  in.idp = ReadIdpConfig(bytes, sign_in, limits);
  bool config = LooksLikeConfig(input_name, bytes);
  if (!in.idp.recognised && config) {
    in.finished.push_back(CheckConfigInput(input_name, bytes));
    return in;
  }
  in.split = SplitArtifact(bytes, limits);
  Status error;
  std::optional<Declarations> declared =
      ReadDeclarationsText(input_name, bytes, in.split, limits, error);
  // A config declares nothing, whatever else it might read as.
  if (!config) in.declarations = declared;
  if (in.idp.recognised) {
    // A Terraform plan can declare roles as well as IdP applications: what is
    // wrong with its declarations is reported beside the applications.
    if (declared) in.declared = DeclarationsInputResult(input_name, *declared, error);
    in.kind = InputKind::kIdpConfig;
    in.bytes = std::move(bytes);
  } else if (!in.split.limit.empty()) {
    SetRecognition(in, RecogniseBroken(bytes, limits.inflated_bytes));
    in.finished.push_back(LimitExceededInput(input_name, in.split.error));
  } else if (!in.split.kind.empty()) {
    in.kind = InputKind::kArtifact;
  } else if (declared) {
    in.finished.push_back(DeclarationsInputResult(input_name, *declared, error));
  } else if (!in.split.error.empty()) {
    // Recognisably broken JSON or gzip: say why, rather than "not a SAML response".
    SetRecognition(in, RecogniseBroken(bytes, limits.inflated_bytes));
    in.finished.push_back(UnreadableInput(input_name, in.split.error));
  } else {
    SetRecognition(in, RecogniseResponse(bytes));
    in.kind = InputKind::kSamlResponse;
    in.bytes = std::move(bytes);
  }
  return in;
}

PreparedInput PrepareLargeInput(std::string_view input_name, const std::string& path,
                                std::uintmax_t size, std::string_view start, const Limits& limits) {
  PreparedInput in;
  in.name = std::string(input_name);
  std::size_t first = 0;
  if (start.starts_with("\xEF\xBB\xBF")) first = 3;
  while (first < start.size() && (start[first] == ' ' || start[first] == '\t' ||
                                  start[first] == '\n' || start[first] == '\r')) {
    ++first;
  }
  // Only a JSON object can be a HAR capture; captures over capture-bytes are refused unread.
  const bool may_be_capture = first < start.size() && start[first] == '{';
  if (!may_be_capture || path.empty() || size > limits.capture_bytes) {
    SetRecognition(in, RecogniseBroken(start, limits.inflated_bytes));
    in.finished.push_back(OversizedInput(input_name, size, limits));
    return in;
  }
  std::optional<SplitInput> split = input::StreamHarFile(path, limits);
  if (!split) {
    SetRecognition(in, RecogniseBroken(start, limits.inflated_bytes));
    in.finished.push_back(OversizedInput(input_name, size, limits));
  } else if (!split->limit.empty()) {
    in.finished.push_back(LimitExceededInput(input_name, split->error));
  } else if (split->parts.empty()) {
    in.finished.push_back(UnreadableInput(input_name, split->error));
  } else {
    in.kind = InputKind::kArtifact;
    in.split = std::move(*split);
  }
  return in;
}

std::vector<CheckResult> CheckPrepared(PreparedInput input, const CheckOptions& options) {
  const std::string& name = input.name;
  switch (input.kind) {
    case InputKind::kFinished:
      return std::move(input.finished);
    case InputKind::kSamlResponse:
      return {CheckBytes(name, input.bytes, options)};
    case InputKind::kIdpConfig: {
      std::vector<CheckResult> results = CheckIdpConfig(name, input.bytes, input.idp, options);
      if (input.declared && !input.declared->diagnostics.empty()) {
        results.push_back(std::move(*input.declared));
      }
      return results;
    }
    case InputKind::kArtifact:
      break;
  }
  const SplitInput& split = input.split;
  if (split.parts.empty()) {
    return {UnreadableInput(name, split.error.empty()
                                      ? "The " + split.kind + " input holds nothing to check."
                                      : split.error)};
  }
  std::vector<CheckResult> results;
  for (const ArtifactPart& part : split.parts) {
    CheckResult r = part.event     ? CheckTrailEvent(name, split.kind, *part.event, options)
                    : part.request ? CheckStsRequest(name, part, options)
                                   : CheckBytes(name, part.saml, options);
    r.part = part.pointer;
    r.capture_url = part.capture_url;
    r.capture_time = part.capture_time;
    results.push_back(std::move(r));
  }
  return results;
}

std::vector<CheckResult> CheckInput(std::string_view input_name, std::string_view bytes,
                                    const CheckOptions& options) {
  const Limits& limits = options.limits;
  if (bytes.size() > limits.input_bytes) return {OversizedInput(input_name, bytes.size(), limits)};
  return CheckPrepared(PrepareInput(input_name, std::string(bytes), limits, SignInInstant(options)),
                       options);
}

}  // namespace samlint
