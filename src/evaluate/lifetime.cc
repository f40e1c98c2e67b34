#include "evaluate/lifetime.h"

#include <algorithm>

#include "base/diagnostic.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

// Ranges from lifetime-rules.md.
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kRoleMaxMin = 3600;  // MaxSessionDuration 3600..43200
constexpr std::int64_t kRoleMaxMax = 43200;
constexpr std::int64_t kDurationMin = 900;             // DurationSeconds minimum, both clouds
constexpr std::int64_t kAwsRoleDurationMax = 43200;    // AWS role APIs
constexpr std::int64_t kAwsTokenDurationMax = 129600;  // GetFederationToken / GetSessionToken
constexpr std::int64_t kAwsTokenDurationDefault = 43200;
constexpr std::int64_t kDefaultDuration = 3600;  // DurationSeconds omitted
constexpr std::int64_t kDefaultRoleMax = 3600;
constexpr std::int64_t kDefaultConsoleSessionDuration = 3600;
constexpr std::int64_t kDefaultLoginSession = 6 * kHour;
constexpr std::int64_t kLoginSessionMin = 1 * kHour;  // LoginSessionDuration 1..24 h
constexpr std::int64_t kLoginSessionMax = 24 * kHour;
constexpr std::int64_t kDefaultPermissionSet = 3600;  // PT1H
constexpr std::int64_t kPermissionSetMin = 3600;
constexpr std::int64_t kPermissionSetMax = 43200;  // PT12H
constexpr std::int64_t kRoleChainingLimit = 3600;
// Google workforce pool sessionDuration: default 1 hour, 15 minutes to 12 hours
// (both ends accepted: the reference says "greater than ... less than", the
// guides "between"; more-clouds.md open question 1).
constexpr std::int64_t kDefaultWorkforcePoolSession = 3600;
constexpr std::int64_t kWorkforcePoolSessionMin = 900;
constexpr std::int64_t kWorkforcePoolSessionMax = 43200;

constexpr const char* kAwsMaxSessionError =
    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
constexpr const char* kAwsChainingError =
    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role "
    "chaining.";

std::string Human(std::int64_t s) { return SecondsAndHuman(s); }

std::string SessionDurationAttributeName(Cloud cloud) {
  return cloud == Cloud::kAws ? "https://aws.amazon.com/SAML/Attributes/SessionDuration"
                              : "https://www.aliyun.com/SAML-Role/Attributes/SessionDuration";
}

std::string RoleArg(const ScenarioInputs& in) {
  return in.role_name.empty() ? "ROLE_NAME" : in.role_name;
}

std::string PoolArg(const ScenarioInputs& in) {
  return in.workforce_pool.empty() ? "POOL" : in.workforce_pool;
}

std::string WorkforcePoolUpdate(const ScenarioInputs& in, std::int64_t seconds) {
  return "`gcloud iam workforce-pools update " + PoolArg(in) +
         " --location=global --session-duration=" + std::to_string(seconds) + "s`";
}

class Evaluator {
 public:
  Evaluator(ScenarioId scenario, const ScenarioInputs& in) : id_(scenario), in_(in) {
    out_.evaluation.scenario = scenario;
    out_.evaluation.role = in.role;
    out_.evaluation.provider = in.provider;
    out_.evaluation.target_seconds = in.target;
  }

  ScenarioOutcome Run() {
    switch (id_) {
      case ScenarioId::kAwsSamlConsole:
        SessionDurationFactor(/*console_default=*/true);
        SessionNotOnOrAfterFactor();
        RoleMaxContext(/*only_declared=*/true);
        WarnSessionDurationAboveRoleMax();
        break;
      case ScenarioId::kAwsSamlApi:
        DurationFactor(kDefaultDuration);
        SessionNotOnOrAfterFactor();
        SessionDurationFactor(/*console_default=*/false);
        RoleMaxContext(/*only_declared=*/false);
        WarnSessionDurationAboveRoleMax();
        CheckRoleMaxRange();
        CheckDuration(kAwsRoleDurationMax, /*against_role_max=*/true);
        break;
      case ScenarioId::kAwsAssumeRole:
        DurationFactor(kDefaultDuration);
        if (in_.role_chaining) {
          Add(Factor{FactorName::kRoleChainingLimit, kRoleChainingLimit, FactorOrigin::kFixed,
                     std::nullopt, std::nullopt, std::nullopt, "--role-chaining"});
        }
        RoleMaxContext(/*only_declared=*/false);
        CheckRoleMaxRange();
        CheckDuration(kAwsRoleDurationMax, /*against_role_max=*/true);
        break;
      case ScenarioId::kAwsWebIdentity:
        DurationFactor(kDefaultDuration);
        RoleMaxContext(/*only_declared=*/false);
        CheckRoleMaxRange();
        CheckDuration(kAwsRoleDurationMax, /*against_role_max=*/true);
        break;
      case ScenarioId::kAwsIdentityCenter:
        PermissionSetFactor();
        break;
      case ScenarioId::kAwsFederationToken:
      case ScenarioId::kAwsSessionToken:
        DurationFactor(kAwsTokenDurationDefault);
        CheckDuration(kAwsTokenDurationMax, /*against_role_max=*/false);
        break;
      case ScenarioId::kAliyunRamUserLogon:
      case ScenarioId::kAliyunUserSso:
        LoginSessionFactor();
        break;
      case ScenarioId::kAliyunSamlConsole:
        SessionDurationFactor(/*console_default=*/true);
        SessionNotOnOrAfterFactor();
        LoginSessionFactor();
        RoleMaxFactor();
        CheckRoleMaxRange();
        break;
      case ScenarioId::kAliyunSamlApi:
        SessionNotOnOrAfterFactor();
        RoleMaxFactor();
        DurationFactor(kDefaultDuration);
        SessionDurationContext();
        CheckRoleMaxRange();
        CheckDuration(0, /*against_role_max=*/true);
        break;
      case ScenarioId::kAliyunOidcApi:
      case ScenarioId::kAliyunAssumeRole:
        RoleMaxFactor();
        DurationFactor(kDefaultDuration);
        CheckRoleMaxRange();
        CheckDuration(0, /*against_role_max=*/true);
        break;
      case ScenarioId::kAliyunRoleSwitchConsole:
        LoginSessionFactor();
        RoleMaxFactor();
        CheckRoleMaxRange();
        break;
      case ScenarioId::kSamlGeneric:
        SessionNotOnOrAfterFactor();
        SpSessionLimitFactor();
        RejectUndelivered();
        break;      case ScenarioId::kGcpWorkforceConsole:
      case ScenarioId::kGcpWorkforceToken:
      case ScenarioId::kGcpWorkforceIap:
        // more-clouds.md: the lifetime is the minimum of sessionDuration and
        // SessionNotOnOrAfter; applied to all three (open question 2).
        WorkforcePoolFactor();
        SessionNotOnOrAfterFactor();
        RejectDisabledPool();
        break;
    }
    Conclude();
    return std::move(out_);
  }

 private:
  Evaluation& Ev() { return out_.evaluation; }

  void Emit(Diagnostic d) {
    d.scenario = std::string(GetScenario(id_).name);
    if (in_.role) d.role = *in_.role;
    out_.diagnostics.push_back(std::move(d));
  }

  void Reject(RuleId rule, std::string message, std::string fix = {}) {
    Ev().outcome = Outcome::kRejected;
    Ev().rejected_by.emplace_back(rule.name());
    if (in_.refused_by) {
      // The request's refusals samlint would infer (often from assumed
      // defaults) give way to the one the cloud reported.
      bool inferred_request_refusal = rule == Rule::kDurationExceedsRoleMax ||
                                      rule == Rule::kRoleChainingLimit ||
                                      rule == Rule::kDurationOutOfRange;
      if (inferred_request_refusal && rule != *in_.refused_by) return;
    }
    Emit(MakeDiagnostic(rule, std::move(message), std::nullopt, std::move(fix)));
  }

  void Add(Factor f) { Ev().factors.push_back(std::move(f)); }

  void AssumedNote(FactorName name, std::int64_t seconds, std::string what, std::string how) {
    Emit(MakeDiagnostic(Rule::kAssumedDefault,
                        what + "; samlint assumes the documented default " + Human(seconds) +
                            " for " + std::string(FactorKey(name)) + ".",
                        std::nullopt, std::move(how)));
  }

  static Factor Declared(FactorName name, const DeclaredValue& v) {
    Factor f;
    f.name = name;
    f.seconds = v.seconds;
    f.origin = FactorOrigin::kDeclared;
    f.via = v.via;
    return f;
  }

  static Factor Default(FactorName name, std::int64_t seconds) {
    Factor f;
    f.name = name;
    f.seconds = seconds;
    f.origin = FactorOrigin::kDefault;
    f.via = "default";
    return f;
  }

  static Factor FromDocument(FactorName name, const DocumentValue& v, std::string via) {
    Factor f;
    f.name = name;
    f.seconds = std::max<std::int64_t>(0, v.seconds);
    f.origin = FactorOrigin::kDocument;
    f.is_signed = v.is_signed;
    f.offset = v.offset;
    f.via = std::move(via);
    return f;
  }

  std::int64_t DurationValue(std::int64_t default_seconds) const {
    return in_.duration_seconds ? in_.duration_seconds->seconds : default_seconds;
  }

  std::int64_t RoleMaxValue() const {
    return in_.role_max_session ? in_.role_max_session->seconds : kDefaultRoleMax;
  }

  void DurationFactor(std::int64_t default_seconds) {
    if (in_.duration_seconds) {
      Add(Declared(FactorName::kDurationSeconds, *in_.duration_seconds));
      return;
    }
    Add(Default(FactorName::kDurationSeconds, default_seconds));
    std::string how =
        "Set DurationSeconds on the request, or tell samlint with --duration-seconds.";
    if (id_ == ScenarioId::kAwsFederationToken || id_ == ScenarioId::kAwsSessionToken) {
      how += " (A root user's session is cut to 1 hour regardless.)";
    }
    AssumedNote(FactorName::kDurationSeconds, default_seconds,
                "The request's DurationSeconds is not declared", how);
  }

  void RoleMaxFactor() {
    if (in_.role_max_session) {
      Add(Declared(FactorName::kRoleMaxSessionDuration, *in_.role_max_session));
      return;
    }
    Add(Default(FactorName::kRoleMaxSessionDuration, kDefaultRoleMax));
    AssumedNote(FactorName::kRoleMaxSessionDuration, kDefaultRoleMax,
                "The role's MaxSessionDuration is not declared",
                "Declare it with --role-max-session (read it with `aliyun ram GetRole --RoleName " +
                    RoleArg(in_) + "`).");
  }

  // The AWS role maximum never caps these scenarios' sessions: on the API it
  // decides whether the call is refused, on the console it does not apply.
  void RoleMaxContext(bool only_declared) {
    if (in_.role_max_session) {
      Ev().context.push_back(Declared(FactorName::kRoleMaxSessionDuration, *in_.role_max_session));
      return;
    }
    if (only_declared) return;
    Ev().context.push_back(Default(FactorName::kRoleMaxSessionDuration, kDefaultRoleMax));
    AssumedNote(FactorName::kRoleMaxSessionDuration, kDefaultRoleMax,
                "The role's MaxSessionDuration is not declared",
                "Declare it with --role-max-session (read it with `aws iam get-role --role-name " +
                    RoleArg(in_) + " --query Role.MaxSessionDuration`).");
  }

  void LoginSessionFactor() {
    if (in_.login_session) {
      Add(Declared(FactorName::kLoginSessionDuration, *in_.login_session));
      const DeclaredValue& v = *in_.login_session;
      if (v.seconds % kHour != 0 || v.seconds < kLoginSessionMin || v.seconds > kLoginSessionMax) {
        Reject(Rule::kLoginSessionOutOfRange,
               "LoginSessionDuration " + Human(v.seconds) + " from " + v.via +
                   " is not accepted by SetSecurityPreference: it takes whole hours from 1 to 24.",
               "Use whole hours from 1 to 24: `aliyun ram SetSecurityPreference "
               "--LoginSessionDuration " +
                   std::to_string(SuggestedHours(v.seconds, 24)) + "`.");
      }
      return;
    }
    Add(Default(FactorName::kLoginSessionDuration, kDefaultLoginSession));
    AssumedNote(FactorName::kLoginSessionDuration, kDefaultLoginSession,
                "The RAM security preference LoginSessionDuration is not declared",
                "Declare it with --login-session (read it with `aliyun ram "
                "GetSecurityPreference`).");
  }

  // Whole hours from 1 to `max_hours` for a setting that was out of range:
  // enough for the target when there is one (so the fix does not lead to
  // lifetime-below-target), else the nearest accepted value.
  std::int64_t SuggestedHours(std::int64_t declared, std::int64_t max_hours) const {
    std::int64_t want = in_.target ? *in_.target : declared;
    return std::clamp<std::int64_t>((want + kHour - 1) / kHour, 1, max_hours);
  }

  void PermissionSetFactor() {
    if (in_.permission_set_session) {
      const DeclaredValue& v = *in_.permission_set_session;
      Add(Declared(FactorName::kPermissionSetSessionDuration, v));
      if (v.seconds < kPermissionSetMin || v.seconds > kPermissionSetMax) {
        Reject(Rule::kPermissionSetDurationOutOfRange,
               "Permission-set SessionDuration " + Human(v.seconds) + " from " + v.via +
                   " is outside what IAM Identity Center accepts (PT1H to PT12H).",
               "Choose a value from PT1H to PT12H: `aws sso-admin update-permission-set "
               "--instance-arn INSTANCE_ARN --permission-set-arn PERMISSION_SET_ARN "
               "--session-duration PT" +
                   std::to_string(SuggestedHours(v.seconds, 12)) + "H`.");
      }
      return;
    }
    Add(Default(FactorName::kPermissionSetSessionDuration, kDefaultPermissionSet));
    AssumedNote(FactorName::kPermissionSetSessionDuration, kDefaultPermissionSet,
                "The permission set's SessionDuration is not declared",
                "Declare it with --permission-set-session (read it with `aws sso-admin "
                "describe-permission-set`).");
  }

  void SessionDurationFactor(bool console_default) {
    if (in_.session_duration) {
      Add(FromDocument(FactorName::kSessionDurationAttribute, *in_.session_duration,
                       "SessionDuration attribute"));
      return;
    }
    if (!console_default) return;  // absent on the API: it can only shorten, so no factor
    Add(Default(FactorName::kSessionDurationAttribute, kDefaultConsoleSessionDuration));
    std::string what =
        "The SessionDuration attribute (" + SessionDurationAttributeName(in_.cloud) + ") is absent";
    if (in_.cloud == Cloud::kAliyun) {
      what +=
          " (the 3600 s default comes from older Alibaba Cloud documentation; the current "
          "page names none)";
    }
    std::string how = "Have the IdP send " + SessionDurationAttributeName(in_.cloud) +
                      " with the session length in seconds.";
    AssumedNote(FactorName::kSessionDurationAttribute, kDefaultConsoleSessionDuration, what, how);
  }

  void WorkforcePoolFactor() {
    if (in_.workforce_pool_session) {
      const DeclaredValue& v = *in_.workforce_pool_session;
      Add(Declared(FactorName::kWorkforcePoolSessionDuration, v));
      if (v.seconds < kWorkforcePoolSessionMin || v.seconds > kWorkforcePoolSessionMax) {
        Reject(Rule::kWorkforcePoolSessionOutOfRange,
               "Workforce pool sessionDuration " + Human(v.seconds) + " from " + v.via +
                   " is outside what Google Cloud accepts: from 900 s (15 minutes) to 43200 s "
                   "(12 hours).",
               "Use a value from 900 to 43200 seconds: " +
                   WorkforcePoolUpdate(in_, std::clamp(in_.target ? *in_.target : v.seconds,
                                                       kWorkforcePoolSessionMin,
                                                       kWorkforcePoolSessionMax)) +
                   ".");
      }
      return;
    }
    Add(Default(FactorName::kWorkforcePoolSessionDuration, kDefaultWorkforcePoolSession));
    AssumedNote(FactorName::kWorkforcePoolSessionDuration, kDefaultWorkforcePoolSession,
                "The workforce pool's sessionDuration is not declared",
                "Declare it with --workforce-pool-session (read it with `gcloud iam "
                "workforce-pools describe " +
                    PoolArg(in_) + " --location=global --format=json`).");
  }

  // more-clouds.md: "You cannot use a disabled pool to exchange tokens";
  // disableProgrammaticSignin turns off token issue at the STS endpoint.
  void RejectDisabledPool() {
    if (in_.workforce_pool_disabled) {
      Reject(Rule::kWorkforcePoolSignInDisabled,
             "The workforce pool " + PoolArg(in_) + " is disabled (" +
                 *in_.workforce_pool_disabled +
                 "): Google Cloud does not sign anyone in or exchange tokens through it.",
             "Enable the pool: `gcloud iam workforce-pools update " + PoolArg(in_) +
                 " --location=global --no-disabled`.");
    }
    if (id_ == ScenarioId::kGcpWorkforceToken && in_.programmatic_signin_disabled) {
      Reject(Rule::kWorkforcePoolSignInDisabled,
             "The workforce pool " + PoolArg(in_) +
                 " disables programmatic sign-in (accessRestrictions.disableProgrammaticSignin, " +
                 *in_.programmatic_signin_disabled +
                 "): the STS endpoint issues no token for its assertions.",
             "Sign in through the console or gcloud instead, or clear the restriction: `gcloud "
             "iam workforce-pools update " +
                 PoolArg(in_) + " --location=global --no-disable-programmatic-signin`.");
    }
  }

  void SessionDurationContext() {
    if (!in_.session_duration) return;
    Ev().context.push_back(FromDocument(FactorName::kSessionDurationAttribute,
                                        *in_.session_duration, "SessionDuration attribute"));
  }

  void SessionNotOnOrAfterFactor() {
    if (!in_.session_not_on_or_after) return;
    const DocumentValue& v = *in_.session_not_on_or_after;
    if (in_.session_not_on_or_after_inferred) {
      Factor f;
      f.name = FactorName::kSessionNotOnOrAfter;
      f.seconds = std::max<std::int64_t>(0, v.seconds);
      f.origin = FactorOrigin::kDeclared;
      f.via = "inferred from the observed credentials lifetime";
      f.inferred = true;
      Add(std::move(f));
      return;
    }
    Add(FromDocument(FactorName::kSessionNotOnOrAfter, v, "AuthnStatement/@SessionNotOnOrAfter"));
    if (v.seconds <= 0) {
      Ev().outcome = Outcome::kRejected;
      Ev().rejected_by.emplace_back(Rule::kSessionExpired.name());
      Diagnostic d = MakeDiagnostic(
          Rule::kSessionExpired,
          "AuthnStatement/@SessionNotOnOrAfter is " +
              (v.seconds == 0 ? std::string("exactly at")
                              : FormatDuration(-v.seconds) + " before") +
              " the time of use: the session is already over.",
          v.offset,
          "Use the response before SessionNotOnOrAfter, or lengthen the IdP session that sets it.");
      Emit(std::move(d));
    }
  }

  // Each alternative clears the warning without a new finding: the role
  // maximum cannot pass 43200, and a SessionDuration lowered below the target
  // would give lifetime-below-target.
  std::string SessionDurationAboveRoleMaxFix() const {
    const std::int64_t sent = in_.session_duration->seconds;
    const std::int64_t role_max = in_.role_max_session->seconds;
    const std::string lower =
        "Lower the SessionDuration the IdP sends to at most " + std::to_string(role_max);
    if (sent > kRoleMaxMax) {
      if (role_max >= kRoleMaxMax) return lower + ".";
      return lower + ", or to 43200 (the most AWS documents) and raise the role maximum: " +
             RoleMaxCommand(kRoleMaxMax) + ".";
    }
    if (in_.target && role_max < *in_.target) {
      return "Raise the role maximum: " + RoleMaxCommand(sent) + ".";
    }
    return lower + ", or raise the role maximum: " + RoleMaxCommand(sent) + ".";
  }

  // more-clouds.md § Generic SAML 2.0 service provider: the SP's own cap is
  // SP-specific, so it is a factor only when declared.
  void SpSessionLimitFactor() {
    if (in_.sp_session_limit) Add(Declared(FactorName::kSpSessionLimit, *in_.sp_session_limit));
  }

  // The delivery checks (SAML Profiles §4.1.4.3) found by the diagnose stage
  // explain themselves at their elements; here they only make the outcome.
  void RejectUndelivered() {
    for (RuleId rule : in_.delivery_refused) {
      Ev().outcome = Outcome::kRejected;
      std::string name(rule.name());
      if (std::find(Ev().rejected_by.begin(), Ev().rejected_by.end(), name) ==
          Ev().rejected_by.end()) {
        Ev().rejected_by.push_back(std::move(name));
      }
    }
  }

  void WarnSessionDurationAboveRoleMax() {
    if (!in_.session_duration || !in_.role_max_session) return;
    if (in_.session_duration->seconds <= in_.role_max_session->seconds) return;
    Diagnostic d =
        MakeDiagnostic(Rule::kSessionDurationExceedsRoleMax,
                       "The SessionDuration attribute " + Human(in_.session_duration->seconds) +
                           " is above the role's MaxSessionDuration " +
                           Human(in_.role_max_session->seconds) + " (" + in_.role_max_session->via +
                           "); tools that copy it into DurationSeconds are refused: \"" +
                           kAwsMaxSessionError + "\"",
                       in_.session_duration->offset, SessionDurationAboveRoleMaxFix());
    Emit(std::move(d));
  }

  void CheckRoleMaxRange() {
    if (!in_.role_max_session) return;
    const DeclaredValue& v = *in_.role_max_session;
    if (v.seconds >= kRoleMaxMin && v.seconds <= kRoleMaxMax) return;
    std::string cmd =
        in_.cloud == Cloud::kAws
            ? "`aws iam update-role --role-name " + RoleArg(in_) + " --max-session-duration 43200`"
            : "`aliyun ram UpdateRole --RoleName " + RoleArg(in_) +
                  " --NewMaxSessionDuration 43200`";
    Reject(Rule::kRoleMaxOutOfRange,
           "Role MaxSessionDuration " + Human(v.seconds) + " from " + v.via +
               " is outside what the cloud accepts (3600 to 43200 seconds).",
           "Set a value from 3600 to 43200, e.g. " + cmd + ".");
  }

  // The command that sets the role maximum to `seconds` on this cloud.
  std::string RoleMaxCommand(std::int64_t seconds) const {
    return in_.cloud == Cloud::kAws
               ? "`aws iam update-role --role-name " + RoleArg(in_) + " --max-session-duration " +
                     std::to_string(seconds) + "`"
               : "`aliyun ram UpdateRole --RoleName " + RoleArg(in_) + " --NewMaxSessionDuration " +
                     std::to_string(seconds) + "`";
  }

  bool Chaining() const {
    return in_.cloud == Cloud::kAws && in_.role_chaining && id_ == ScenarioId::kAwsAssumeRole;
  }

  // DurationSeconds: the API's own range first, then the role maximum, then chaining.
  // Each fix names a value that passes all three checks, so applying it
  // cannot trade one refusal for the next.
  void CheckDuration(std::int64_t api_max, bool against_role_max) {
    std::int64_t duration =
        DurationValue(id_ == ScenarioId::kAwsFederationToken || id_ == ScenarioId::kAwsSessionToken
                          ? kAwsTokenDurationDefault
                          : kDefaultDuration);
    std::string via = in_.duration_seconds ? in_.duration_seconds->via : "the default";
    bool aws = in_.cloud == Cloud::kAws;
    std::string api(GetScenario(id_).title);
    const std::int64_t role_max = RoleMaxValue();
    const bool role_max_valid = role_max >= kRoleMaxMin && role_max <= kRoleMaxMax;
    const bool chaining = Chaining();
    if (duration < kDurationMin || (api_max > 0 && duration > api_max)) {
      std::string range = api_max > 0 ? "from 900 to " + std::to_string(api_max) + " seconds"
                                      : "at least 900 seconds";
      // The highest value every later check accepts too.
      std::int64_t upper = api_max;
      std::string why;
      if (against_role_max && role_max_valid && (upper == 0 || role_max < upper)) {
        upper = role_max;
        why = " (the role maximum)";
      }
      if (chaining && (upper == 0 || kRoleChainingLimit < upper)) {
        upper = kRoleChainingLimit;
        why = " (the cap on role chaining)";
      }
      std::string allowed = upper > 0 ? "from 900 to " + std::to_string(upper) + " seconds" + why
                                      : "of at least 900 seconds";
      Reject(Rule::kDurationOutOfRange,
             "DurationSeconds " + Human(duration) + " (" + via + ") is outside the range " + api +
                 " accepts: " + range + "." +
                 (aws ? "" : " The call fails with InvalidParameter.DurationSeconds."),
             "Request a DurationSeconds " + allowed + ".");
      return;
    }
    if (against_role_max && role_max_valid && duration > role_max) {
      std::string role_via = in_.role_max_session ? in_.role_max_session->via
                                                  : std::string("the default; not declared");
      std::string message = "DurationSeconds " + Human(duration) + " (" + via +
                            ") is above the role's MaxSessionDuration " + Human(role_max) + " (" +
                            role_via + "): the call is refused: ";
      message += aws ? std::string("\"") + kAwsMaxSessionError + "\""
                     : std::string("InvalidParameter.DurationSeconds.");
      std::string fix;
      if (chaining) {
        // Above the role maximum (at least 3600) is above the chaining cap
        // too: a higher role maximum alone would meet role-chaining-limit.
        fix =
            "Request at most 3600 seconds (role chaining caps the session at 1 hour whatever "
            "the role maximum), or stop chaining: assume the role from user or SAML "
            "credentials instead of another role's session, and raise the role maximum: " +
            RoleMaxCommand(std::min(duration, kRoleMaxMax)) + ".";
      } else if (duration <= kRoleMaxMax) {
        fix = "Request at most " + std::to_string(role_max) +
              " seconds, or raise the role maximum: " + RoleMaxCommand(duration) + ".";
      } else {
        // No role maximum reaches the request: it has to come down as well.
        fix = "Request at most " + std::to_string(role_max) +
              " seconds, or raise the role maximum to its highest value " +
              RoleMaxCommand(kRoleMaxMax) + " and request at most 43200 seconds.";
      }
      Reject(Rule::kDurationExceedsRoleMax, std::move(message), std::move(fix));
      return;
    }
    if (chaining && duration > kRoleChainingLimit) {
      Reject(Rule::kRoleChainingLimit,
             "DurationSeconds " + Human(duration) + " (" + via +
                 ") is above the 1 hour cap on role chaining: \"" + kAwsChainingError + "\"",
             "Request at most 3600 seconds when chaining, or assume the role directly from user "
             "or SAML credentials instead of from another role's session.");
    }
  }

  void Conclude() {
    Evaluation& ev = Ev();
    if (in_.refused_by) {
      const std::string refused(in_.refused_by->name());
      out_.refusal_explained =
          std::find(ev.rejected_by.begin(), ev.rejected_by.end(), refused) != ev.rejected_by.end();
      ev.outcome = Outcome::kRejected;
      ev.rejected_by.assign({refused});
    }
    if (ev.outcome == Outcome::kRejected) {
      ev.effective_seconds = std::nullopt;
      ev.binding.clear();
      ev.clamps.clear();
      return;
    }
    if (ev.factors.empty()) {
      Unbounded();
      return;
    }
    std::int64_t effective = ev.factors.front().seconds;
    for (const Factor& f : ev.factors) effective = std::min(effective, f.seconds);
    ev.effective_seconds = effective;
    for (const Factor& f : ev.factors) {
      if (f.seconds == effective) ev.binding.push_back(f.name);
    }
    if (!in_.target) return;
    std::vector<const Factor*> below;
    for (const Factor& f : ev.factors) {
      if (f.seconds < *in_.target) below.push_back(&f);
    }
    std::stable_sort(below.begin(), below.end(),
                     [](const Factor* a, const Factor* b) { return a->seconds < b->seconds; });
    for (const Factor* f : below) ev.clamps.push_back(f->name);
    if (effective >= *in_.target) return;

    const Factor& binding = *below.front();
    std::string message = "The session lasts " + Human(effective) + ", below the target " +
                          Human(*in_.target) + ": " + std::string(FactorKey(binding.name)) +
                          " binds";
    if (binding.assumed()) message += " (an assumed default)";
    if (below.size() > 1) {
      message += "; also below the target: ";
      for (std::size_t i = 1; i < below.size(); ++i) {
        if (i > 1) message += ", ";
        message += std::string(FactorKey(below[i]->name)) + " " + FormatDuration(below[i]->seconds);
      }
    }
    message += ".";
    std::string fix;
    bool raises_request = false;
    bool chaining_fixed_by_duration = false;
    for (const Factor* f : below) {
      raises_request |= f->name == FactorName::kDurationSeconds ||
                        f->name == FactorName::kSessionDurationAttribute;
      chaining_fixed_by_duration |= Chaining() && f->name == FactorName::kDurationSeconds;
    }
    for (const Factor* f : below) {
      // The DurationSeconds fix already says to stop chaining.
      if (f->name == FactorName::kRoleChainingLimit && chaining_fixed_by_duration) continue;
      if (!fix.empty()) fix += " ";
      fix += FactorFix(f->name, in_, id_, *in_.target);
    }
    // On AWS the role maximum is context, not a factor: a longer request (or a
    // SessionDuration that tools copy into one) must fit under it, or the fix
    // would lead to duration-exceeds-role-max or session-duration-exceeds-role-max.
    const std::int64_t asked = std::min(*in_.target, kRoleMaxMax);
    const bool role_max_context =
        id_ == ScenarioId::kAwsSamlApi || id_ == ScenarioId::kAwsAssumeRole ||
        id_ == ScenarioId::kAwsWebIdentity ||
        (id_ == ScenarioId::kAwsSamlConsole && in_.role_max_session.has_value());
    if (raises_request && role_max_context && RoleMaxValue() < asked) {
      fix += " Raise the role maximum to match: " + RoleMaxCommand(asked) + ".";
    }
    Emit(MakeDiagnostic(Rule::kLifetimeBelowTarget, std::move(message), binding.offset,
                        std::move(fix)));
  }

  // A generic SP with neither SessionNotOnOrAfter nor a declared limit: the
  // assertion says nothing about the session's length, so no number is made up.
  void Unbounded() {
    std::string message =
        "The assertion does not bound the session: it carries no "
        "AuthnStatement/@SessionNotOnOrAfter and no --sp-session-limit is declared, so the "
        "lifetime is the service provider's own (its session timeout, idle timeout and "
        "refresh), which the response does not show";
    message += in_.target ? "; whether it reaches the target " + Human(*in_.target) +
                                " cannot be told from the response."
                          : ".";
    Emit(MakeDiagnostic(Rule::kLifetimeUnbounded, std::move(message), std::nullopt,
                        "Declare the service provider's session limit with --sp-session-limit "
                        "DURATION (or sp-session-limit in samlint.toml), or have the IdP send "
                        "SessionNotOnOrAfter in the AuthnStatement."));
  }

  ScenarioId id_;
  const ScenarioInputs& in_;
  ScenarioOutcome out_;
};

}  // namespace

ScenarioOutcome EvaluateScenario(ScenarioId scenario, const ScenarioInputs& in) {
  return Evaluator(scenario, in).Run();
}

ScenarioUse UsesOf(ScenarioId scenario) {
  ScenarioUse u;
  switch (scenario) {
    case ScenarioId::kAwsSamlConsole:
      u.role_max = true;  // context, and the SessionDuration warning
      break;
    case ScenarioId::kAwsSamlApi:
    case ScenarioId::kAwsWebIdentity:
    case ScenarioId::kAliyunSamlApi:
    case ScenarioId::kAliyunOidcApi:
    case ScenarioId::kAliyunAssumeRole:
      u.role_max = u.duration_seconds = true;
      break;
    case ScenarioId::kAwsAssumeRole:
      u.role_max = u.duration_seconds = u.role_chaining = true;
      break;
    case ScenarioId::kAwsIdentityCenter:
      u.permission_set = true;
      break;
    case ScenarioId::kAwsFederationToken:
    case ScenarioId::kAwsSessionToken:
      u.duration_seconds = true;
      break;
    case ScenarioId::kAliyunRamUserLogon:
    case ScenarioId::kAliyunUserSso:
      u.login_session = true;
      break;
    case ScenarioId::kAliyunSamlConsole:
    case ScenarioId::kAliyunRoleSwitchConsole:
      u.login_session = u.role_max = true;
      break;
    case ScenarioId::kSamlGeneric:
      u.sp = true;
      break;
    case ScenarioId::kGcpWorkforceConsole:
    case ScenarioId::kGcpWorkforceToken:
    case ScenarioId::kGcpWorkforceIap:
      u.workforce_pool = true;
      break;
  }
  return u;
}

std::string FactorFix(FactorName factor, const ScenarioInputs& in, ScenarioId scenario,
                      std::int64_t want) {
  bool aws = in.cloud == Cloud::kAws;
  std::string role = RoleArg(in);
  std::string capped = std::to_string(std::min(want, kRoleMaxMax));
  switch (factor) {
    case FactorName::kSessionDurationAttribute:
      return "Have the IdP send " + SessionDurationAttributeName(in.cloud) + " = " +
             std::to_string(std::min(want, kRoleMaxMax)) + " (seconds; at most 43200).";
    case FactorName::kSessionNotOnOrAfter:
      return "Lengthen the IdP session that sets AuthnStatement/@SessionNotOnOrAfter to at least " +
             FormatDuration(want) + " after sign-in (or stop sending it).";
    case FactorName::kLoginSessionDuration: {
      std::int64_t hours = std::min<std::int64_t>((want + kHour - 1) / kHour, 24);
      return "Raise the RAM logon session expiration: `aliyun ram SetSecurityPreference "
             "--LoginSessionDuration " +
             std::to_string(hours) + "`.";
    }
    case FactorName::kRoleMaxSessionDuration:
      return aws ? "Raise the role maximum: `aws iam update-role --role-name " + role +
                       " --max-session-duration " + capped + "`."
                 : "Raise the role maximum: `aliyun ram UpdateRole --RoleName " + role +
                       " --NewMaxSessionDuration " + capped + "`.";
    case FactorName::kDurationSeconds: {
      std::string value =
          std::to_string(std::min(want, scenario == ScenarioId::kAwsFederationToken ||
                                                scenario == ScenarioId::kAwsSessionToken
                                            ? kAwsTokenDurationMax
                                            : kRoleMaxMax));
      std::string command;
      switch (scenario) {
        case ScenarioId::kAwsSamlApi:
          command = "aws sts assume-role-with-saml ... --duration-seconds ";
          break;
        case ScenarioId::kAwsAssumeRole:
          command = "aws sts assume-role ... --duration-seconds ";
          break;
        case ScenarioId::kAwsWebIdentity:
          command = "aws sts assume-role-with-web-identity ... --duration-seconds ";
          break;
        case ScenarioId::kAwsFederationToken:
          command = "aws sts get-federation-token ... --duration-seconds ";
          break;
        case ScenarioId::kAwsSessionToken:
          command = "aws sts get-session-token --duration-seconds ";
          break;
        case ScenarioId::kAliyunSamlApi:
          command = "aliyun sts AssumeRoleWithSAML ... --DurationSeconds ";
          break;
        case ScenarioId::kAliyunOidcApi:
          command = "aliyun sts AssumeRoleWithOIDC ... --DurationSeconds ";
          break;
        default:
          command = "aliyun sts AssumeRole ... --DurationSeconds ";
          break;
      }
      std::string request = "request DurationSeconds=" + value + " (`" + command + value + "`).";
      if (aws && in.role_chaining && scenario == ScenarioId::kAwsAssumeRole &&
          std::min(want, kRoleMaxMax) > kRoleChainingLimit) {
        // More than 3600 seconds is refused while chaining (role-chaining-limit).
        return "Stop chaining (assume the role from user or SAML credentials instead of another "
               "role's session), then " +
               request;
      }
      request[0] = 'R';
      return request;
    }
    case FactorName::kPermissionSetSessionDuration: {
      std::int64_t hours = std::min<std::int64_t>((want + kHour - 1) / kHour, 12);
      return "Raise the permission set's session duration: `aws sso-admin update-permission-set "
             "--instance-arn INSTANCE_ARN --permission-set-arn PERMISSION_SET_ARN "
             "--session-duration PT" +
             std::to_string(hours) + "H`.";
    }
    case FactorName::kRoleChainingLimit:
      return "Role chaining is capped at 1 hour and cannot be raised: assume the role directly "
             "from user or SAML credentials instead of from another role's session.";
    case FactorName::kWorkforcePoolSessionDuration:
      return "Raise the workforce pool's session duration: " +
             WorkforcePoolUpdate(in, std::clamp(want, kWorkforcePoolSessionMin,
                                                kWorkforcePoolSessionMax)) +
             ".";
    case FactorName::kSpSessionLimit:
      return "Raise the service provider's own session limit (its session lifetime setting) to "
             "at least " +
             FormatDuration(want) + ", then declare the new value with --sp-session-limit.";
  }
  return {};
}

std::vector<FactorName> RefusedFactors(std::string_view rule) {
  if (rule == Rule::kDurationOutOfRange) return {FactorName::kDurationSeconds};
  if (rule == Rule::kDurationExceedsRoleMax) {
    return {FactorName::kRoleMaxSessionDuration, FactorName::kDurationSeconds};
  }
  if (rule == Rule::kRoleChainingLimit) {
    return {FactorName::kDurationSeconds, FactorName::kRoleChainingLimit};
  }
  if (rule == Rule::kRoleMaxOutOfRange) return {FactorName::kRoleMaxSessionDuration};
  if (rule == Rule::kLoginSessionOutOfRange) return {FactorName::kLoginSessionDuration};
  if (rule == Rule::kPermissionSetDurationOutOfRange) {
    return {FactorName::kPermissionSetSessionDuration};
  }
  if (rule == Rule::kSessionExpired) return {FactorName::kSessionNotOnOrAfter};
  if (rule == Rule::kWorkforcePoolSessionOutOfRange) {
    return {FactorName::kWorkforcePoolSessionDuration};
  }
  return {};
}

}  // namespace samlint
