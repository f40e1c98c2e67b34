// Every scenario row of lifetime-rules.md's two tables, run through the
// binary: the exact factors in the table's order, their seconds, the minimum
// and what binds. Then the Decisions of cli-contract.md about factors and
// outcomes: the context array, assumed defaults, rejections, targets,
// several roles.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

using samlint::testing::SamlBuilder;

constexpr const char* kAliyunConsole =
    "testdata/examples/aliyun-console-clamped.xml";  // SD 43200, SNOOA +10 h
constexpr const char* kAliyunApi = "testdata/responses/aliyun-api-12h.xml";  // no SD, SNOOA +12 h
constexpr const char* kAwsApi = "testdata/responses/aws-api.xml";            // SD 7200, SNOOA +4 h
constexpr const char* kAwsNoDuration =
    "testdata/responses/aws-console-no-duration.xml";                             // no SD, +8 h
constexpr const char* kAwsThreeRoles = "testdata/responses/aws-three-roles.xml";  // SD 28800, +12 h

/// Runs a scenario that takes no SAML response, from options alone, and
/// returns its one evaluation after checking the result's shape: one result,
/// "kind": "declarations", "input": null.
struct Declared {
  Checked c;
  const json& Eval() const { return At(Get(c.Result(), "evaluations"), 0); }
};

Declared RunDeclared(const std::string& scenario, std::vector<std::string> options) {
  options.insert(options.begin(), {"--scenario", scenario});
  Declared d{Check(options)};
  EXPECT_TRUE(d.c.report.is_object()) << d.c.Dump();
  EXPECT_EQ(d.c.Results().size(), 1u) << d.c.Dump();
  const json& r = d.c.Result();
  EXPECT_EQ(Get(r, "kind"), "declarations") << d.c.Dump();
  EXPECT_TRUE(IsNullField(r, "input")) << d.c.Dump();
  EXPECT_EQ(Get(r, "evaluations").size(), 1u) << d.c.Dump();
  EXPECT_EQ(Get(d.Eval(), "scenario"), scenario) << d.c.Dump();
  return d;
}

/// Runs a SAML scenario on one response and returns its one evaluation.
struct Saml {
  Checked c;
  const json& Eval() const { return At(Get(c.Result(), "evaluations"), 0); }
};

Saml RunSaml(const std::string& input, const std::string& scenario,
             std::vector<std::string> options, const std::string& stdin_text = "") {
  options.insert(options.begin(), {input, "--scenario", scenario});
  Saml s{Check(options, stdin_text)};
  EXPECT_TRUE(s.c.report.is_object()) << s.c.Dump();
  EXPECT_EQ(s.c.Results().size(), 1u) << s.c.Dump();
  EXPECT_EQ(Get(s.c.Result(), "kind"), "saml-response") << s.c.Dump();
  EXPECT_EQ(Get(s.c.Result(), "evaluations").size(), 1u) << s.c.Dump();
  EXPECT_EQ(Get(s.Eval(), "scenario"), scenario) << s.c.Dump();
  return s;
}

/// The result has exactly one assumed-default note for `scenario` whose
/// message or fix names `option`, at note severity.
void ExpectAssumedNote(const Checked& c, const std::string& scenario, const std::string& option) {
  int naming = 0;
  for (const json& d : Diags(c.Result(), "assumed-default")) {
    if (Get(d, "scenario") != scenario) continue;
    if (Wording(d).find(option) == std::string::npos) continue;
    EXPECT_EQ(Get(d, "severity"), "note") << d.dump(2);
    ++naming;
  }
  EXPECT_EQ(naming, 1) << "assumed-default naming " << option << "\n" << c.Dump();
}

/// The first diagnostic of the result whose rule is `rule`, at error severity
/// and about `scenario`.
void ExpectErrorRule(const Checked& c, const std::string& rule, const std::string& scenario) {
  std::vector<json> ds = Diags(c.Result(), rule);
  ASSERT_FALSE(ds.empty()) << "no " << rule << "\n" << c.Dump();
  EXPECT_EQ(Get(ds[0], "severity"), "error") << ds[0].dump(2);
  EXPECT_EQ(Get(ds[0], "scenario"), scenario) << ds[0].dump(2);
}

// ---------------------------------------------------------------------------
// AWS table

TEST(E2eScenarios, AwsSamlConsole) {
  Saml s = RunSaml(kAwsApi, "aws:saml-console", {});
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 7200, false},
                           {"session_not_on_or_after", 14400, false}});
  ExpectIssued(s.Eval(), 7200, {"session_duration_attribute"});
  EXPECT_EQ(s.c.run.exit_code, 0) << s.c.Dump();
}

TEST(E2eScenarios, AwsSamlApi) {
  Saml s =
      RunSaml(kAwsApi, "aws:saml-api", {"--duration-seconds", "3h", "--role-max-session", "12h"});
  ExpectFactors(s.Eval(), {{"duration_seconds", 10800, false},
                           {"session_not_on_or_after", 14400, false},
                           {"session_duration_attribute", 7200, false}});
  ExpectIssued(s.Eval(), 7200, {"session_duration_attribute"});
  EXPECT_EQ(s.c.run.exit_code, 0) << s.c.Dump();
}

TEST(E2eScenarios, AwsSamlApiWithoutSessionDurationHasNoSuchFactor) {
  // The attribute can only shorten the API session: absent, it is no factor.
  Saml s = RunSaml(kAwsNoDuration, "aws:saml-api",
                   {"--duration-seconds", "10h", "--role-max-session", "12h"});
  ExpectFactors(s.Eval(),
                {{"duration_seconds", 36000, false}, {"session_not_on_or_after", 28800, false}});
  ExpectIssued(s.Eval(), 28800, {"session_not_on_or_after"});
}

TEST(E2eScenarios, AwsAssumeRole) {
  Declared d =
      RunDeclared("aws:assume-role", {"--duration-seconds", "2h", "--role-max-session", "4h"});
  ExpectFactors(d.Eval(), {{"duration_seconds", 7200, false}});
  ExpectSignedNull(d.Eval(), "duration_seconds");
  ExpectIssued(d.Eval(), 7200, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AwsAssumeRoleWithRoleChaining) {
  Declared d = RunDeclared("aws:assume-role", {"--duration-seconds", "30m", "--role-chaining"});
  ExpectFactors(d.Eval(),
                {{"duration_seconds", 1800, false}, {"role_chaining_limit", 3600, false}});
  ExpectSignedNull(d.Eval(), "role_chaining_limit");
  ExpectIssued(d.Eval(), 1800, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AwsAssumeRoleWithRoleChainingDefaultDurationBothBind) {
  Declared d = RunDeclared("aws:assume-role", {"--role-chaining"});
  // role_chaining_limit is a fixed cap: not assumed.
  ExpectFactors(d.Eval(), {{"duration_seconds", 3600, true}, {"role_chaining_limit", 3600, false}});
  ExpectIssued(d.Eval(), 3600, {"duration_seconds", "role_chaining_limit"});
}

TEST(E2eScenarios, AwsWebIdentity) {
  Declared d =
      RunDeclared("aws:web-identity", {"--duration-seconds", "90m", "--role-max-session", "2h"});
  ExpectFactors(d.Eval(), {{"duration_seconds", 5400, false}});
  ExpectIssued(d.Eval(), 5400, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AwsIdentityCenter) {
  Declared d = RunDeclared("aws:identity-center", {"--permission-set-session", "PT8H"});
  ExpectFactors(d.Eval(), {{"permission_set_session_duration", 28800, false}});
  ExpectSignedNull(d.Eval(), "permission_set_session_duration");
  ExpectIssued(d.Eval(), 28800, {"permission_set_session_duration"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AwsFederationToken) {
  // 36 h = 129600 s, the top of GetFederationToken's range: still issued.
  Declared d = RunDeclared("aws:federation-token", {"--duration-seconds", "36h"});
  ExpectFactors(d.Eval(), {{"duration_seconds", 129600, false}});
  ExpectIssued(d.Eval(), 129600, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AwsSessionToken) {
  Declared d = RunDeclared("aws:session-token", {"--duration-seconds", "900"});
  ExpectFactors(d.Eval(), {{"duration_seconds", 900, false}});
  ExpectIssued(d.Eval(), 900, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

// ---------------------------------------------------------------------------
// Alibaba Cloud table

TEST(E2eScenarios, AliyunRamUserLogon) {
  Declared d = RunDeclared("aliyun:ram-user-logon", {"--login-session", "8h"});
  ExpectFactors(d.Eval(), {{"login_session_duration", 28800, false}});
  ExpectSignedNull(d.Eval(), "login_session_duration");
  ExpectIssued(d.Eval(), 28800, {"login_session_duration"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AliyunUserSso) {
  Declared d = RunDeclared("aliyun:user-sso", {"--login-session", "12h"});
  ExpectFactors(d.Eval(), {{"login_session_duration", 43200, false}});
  ExpectIssued(d.Eval(), 43200, {"login_session_duration"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AliyunSamlConsole) {
  Saml s = RunSaml(kAliyunConsole, "aliyun:saml-console",
                   {"--login-session", "12h", "--role-max-session", "12h"});
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 43200, false},
                           {"session_not_on_or_after", 36000, false},
                           {"login_session_duration", 43200, false},
                           {"role_max_session_duration", 43200, false}});
  ExpectIssued(s.Eval(), 36000, {"session_not_on_or_after"});
  EXPECT_EQ(s.c.run.exit_code, 0) << s.c.Dump();
}

TEST(E2eScenarios, AliyunSamlApi) {
  Saml s = RunSaml(kAliyunConsole, "aliyun:saml-api",
                   {"--role-max-session", "12h", "--duration-seconds", "11h"});
  ExpectFactors(s.Eval(), {{"session_not_on_or_after", 36000, false},
                           {"role_max_session_duration", 43200, false},
                           {"duration_seconds", 39600, false}});
  ExpectIssued(s.Eval(), 36000, {"session_not_on_or_after"});
  EXPECT_EQ(s.c.run.exit_code, 0) << s.c.Dump();
}

TEST(E2eScenarios, AliyunOidcApi) {
  Declared d =
      RunDeclared("aliyun:oidc-api", {"--role-max-session", "6h", "--duration-seconds", "2h"});
  ExpectFactors(d.Eval(),
                {{"role_max_session_duration", 21600, false}, {"duration_seconds", 7200, false}});
  ExpectIssued(d.Eval(), 7200, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AliyunRoleSwitchConsole) {
  Declared d = RunDeclared("aliyun:role-switch-console",
                           {"--login-session", "2h", "--role-max-session", "6h"});
  ExpectFactors(d.Eval(), {{"login_session_duration", 7200, false},
                           {"role_max_session_duration", 21600, false}});
  ExpectIssued(d.Eval(), 7200, {"login_session_duration"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AliyunAssumeRole) {
  Declared d =
      RunDeclared("aliyun:assume-role", {"--role-max-session", "2h", "--duration-seconds", "1h"});
  ExpectFactors(d.Eval(),
                {{"role_max_session_duration", 7200, false}, {"duration_seconds", 3600, false}});
  ExpectIssued(d.Eval(), 3600, {"duration_seconds"});
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, AliyunRoleChainingIsIgnoredWithANote) {
  // No role-chaining cap is documented for Alibaba Cloud: no factor, one note.
  Declared d = RunDeclared("aliyun:assume-role", {"--role-max-session", "12h", "--duration-seconds",
                                                  "12h", "--role-chaining"});
  ExpectFactors(d.Eval(),
                {{"role_max_session_duration", 43200, false}, {"duration_seconds", 43200, false}});
  ExpectIssued(d.Eval(), 43200, {"role_max_session_duration", "duration_seconds"});
  std::vector<json> ignored = Diags(d.c.Result(), "option-ignored");
  ASSERT_EQ(ignored.size(), 1u) << d.c.Dump();
  EXPECT_EQ(Get(ignored[0], "severity"), "note");
  EXPECT_NE(Wording(ignored[0]).find("--role-chaining"), std::string::npos) << ignored[0].dump(2);
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

// ---------------------------------------------------------------------------
// The context array: reported, never a factor.

TEST(E2eScenarios, AwsSamlConsoleRoleMaxGoesToContext) {
  Saml s = RunSaml(kAwsApi, "aws:saml-console", {"--role-max-session", "2h"});
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 7200, false},
                           {"session_not_on_or_after", 14400, false}});
  EXPECT_EQ(Names(Get(s.Eval(), "context")),
            (std::vector<std::string>{"role_max_session_duration"}))
      << s.Eval().dump(2);
  const json& ctx = FindNamed(s.Eval(), "context", "role_max_session_duration");
  EXPECT_EQ(Get(ctx, "seconds"), 7200);
  EXPECT_EQ(Get(ctx, "assumed"), false);
  EXPECT_TRUE(IsNullField(ctx, "signed")) << ctx.dump(2);
  ExpectIssued(s.Eval(), 7200, {"session_duration_attribute"});
  // SessionDuration 7200 is not above the role max 7200: no warning.
  EXPECT_TRUE(Diags(s.c.Result(), "session-duration-exceeds-role-max").empty()) << s.c.Dump();
}

TEST(E2eScenarios, AwsSamlConsoleSessionDurationAboveRoleMaxWarnsButDoesNotLimit) {
  Saml s = RunSaml(kAwsApi, "aws:saml-console", {"--role-max-session", "1h"});
  // The role maximum does not apply to a console session: still 7200 s.
  ExpectIssued(s.Eval(), 7200, {"session_duration_attribute"});
  EXPECT_TRUE(Factor(s.Eval(), "role_max_session_duration").is_null()) << s.Eval().dump(2);
  EXPECT_EQ(Get(FindNamed(s.Eval(), "context", "role_max_session_duration"), "seconds"), 3600);
  std::vector<json> warn = Diags(s.c.Result(), "session-duration-exceeds-role-max");
  ASSERT_EQ(warn.size(), 1u) << s.c.Dump();
  EXPECT_EQ(Get(warn[0], "severity"), "warning");
  EXPECT_EQ(s.c.run.exit_code, 0) << "a warning is not an error\n" << s.c.Dump();
}

TEST(E2eScenarios, AliyunSamlApiSessionDurationGoesToContext) {
  Saml s = RunSaml(kAliyunConsole, "aliyun:saml-api",
                   {"--role-max-session", "12h", "--duration-seconds", "12h"});
  EXPECT_TRUE(Factor(s.Eval(), "session_duration_attribute").is_null()) << s.Eval().dump(2);
  const json& ctx = FindNamed(s.Eval(), "context", "session_duration_attribute");
  EXPECT_EQ(Get(ctx, "seconds"), 43200) << s.Eval().dump(2);
  EXPECT_EQ(Get(ctx, "assumed"), false) << s.Eval().dump(2);
  EXPECT_EQ(Get(ctx, "signed"), false) << "read from an unsigned document\n" << s.Eval().dump(2);
  ExpectIssued(s.Eval(), 36000, {"session_not_on_or_after"});
}

// ---------------------------------------------------------------------------
// Documented defaults: "assumed": true, "signed": null, one assumed-default
// note naming what would set them.

TEST(E2eScenarios, DefaultDurationSecondsIs3600) {
  for (const char* scenario : {"aws:assume-role", "aws:web-identity"}) {
    SCOPED_TRACE(scenario);
    Declared d = RunDeclared(scenario, {"--role-max-session", "12h"});
    ExpectFactors(d.Eval(), {{"duration_seconds", 3600, true}});
    ExpectSignedNull(d.Eval(), "duration_seconds");
    ExpectAssumedNote(d.c, scenario, "--duration-seconds");
    EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
  }
}

TEST(E2eScenarios, DefaultFederationAndSessionTokenDurationIs43200) {
  for (const char* scenario : {"aws:federation-token", "aws:session-token"}) {
    SCOPED_TRACE(scenario);
    Declared d = RunDeclared(scenario, {});
    ExpectFactors(d.Eval(), {{"duration_seconds", 43200, true}});
    ExpectSignedNull(d.Eval(), "duration_seconds");
    ExpectIssued(d.Eval(), 43200, {"duration_seconds"});
    ExpectAssumedNote(d.c, scenario, "--duration-seconds");
  }
}

TEST(E2eScenarios, DefaultLoginSessionIs6Hours) {
  Declared d = RunDeclared("aliyun:ram-user-logon", {});
  ExpectFactors(d.Eval(), {{"login_session_duration", 21600, true}});
  ExpectSignedNull(d.Eval(), "login_session_duration");
  ExpectAssumedNote(d.c, "aliyun:ram-user-logon", "--login-session");
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, DefaultRoleMaxIs3600) {
  Declared d = RunDeclared("aliyun:assume-role", {"--duration-seconds", "1h"});
  ExpectFactors(d.Eval(),
                {{"role_max_session_duration", 3600, true}, {"duration_seconds", 3600, false}});
  ExpectSignedNull(d.Eval(), "role_max_session_duration");
  ExpectAssumedNote(d.c, "aliyun:assume-role", "--role-max-session");
}

TEST(E2eScenarios, DefaultRoleMaxAndDurationBothAssumed) {
  Declared d = RunDeclared("aliyun:oidc-api", {});
  ExpectFactors(d.Eval(),
                {{"role_max_session_duration", 3600, true}, {"duration_seconds", 3600, true}});
  ExpectIssued(d.Eval(), 3600, {"role_max_session_duration", "duration_seconds"});
  ExpectAssumedNote(d.c, "aliyun:oidc-api", "--role-max-session");
  ExpectAssumedNote(d.c, "aliyun:oidc-api", "--duration-seconds");
}

TEST(E2eScenarios, DefaultPermissionSetIs1Hour) {
  Declared d = RunDeclared("aws:identity-center", {});
  ExpectFactors(d.Eval(), {{"permission_set_session_duration", 3600, true}});
  ExpectSignedNull(d.Eval(), "permission_set_session_duration");
  ExpectAssumedNote(d.c, "aws:identity-center", "--permission-set-session");
}

TEST(E2eScenarios, DefaultAwsConsoleSessionDurationIs3600) {
  Saml s = RunSaml(kAwsNoDuration, "aws:saml-console", {});
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 3600, true},
                           {"session_not_on_or_after", 28800, false}});
  ExpectSignedNull(s.Eval(), "session_duration_attribute");
}

TEST(E2eScenarios, DefaultAliyunConsoleSessionDurationIs3600FromOlderDocs) {
  Saml s = RunSaml(kAliyunApi, "aliyun:saml-console",
                   {"--login-session", "12h", "--role-max-session", "12h"});
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 3600, true},
                           {"session_not_on_or_after", 43200, false},
                           {"login_session_duration", 43200, false},
                           {"role_max_session_duration", 43200, false}});
  ExpectSignedNull(s.Eval(), "session_duration_attribute");
  ExpectIssued(s.Eval(), 3600, {"session_duration_attribute"});
  // "(older Alibaba documentation; say so in the message)"
  std::vector<json> notes = Diags(s.c.Result(), "assumed-default");
  ASSERT_EQ(notes.size(), 1u) << s.c.Dump();
  EXPECT_EQ(Get(notes[0], "scenario"), "aliyun:saml-console");
  std::string msg =
      Get(notes[0], "message").is_string() ? Get(notes[0], "message").get<std::string>() : "";
  std::transform(msg.begin(), msg.end(), msg.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  EXPECT_NE(msg.find("older"), std::string::npos) << msg;
}

// ---------------------------------------------------------------------------
// Rejections (cli-contract.md, Decisions / Outcomes)

TEST(E2eScenarios, DurationSecondsBelow900IsOutOfRange) {
  for (const char* scenario :
       {"aws:assume-role", "aws:web-identity", "aliyun:assume-role", "aliyun:oidc-api"}) {
    SCOPED_TRACE(scenario);
    Declared d = RunDeclared(scenario, {"--duration-seconds", "10m", "--role-max-session", "1h"});
    ExpectRejected(d.Eval());
    ExpectFactors(d.Eval(), std::string(scenario).rfind("aws:", 0) == 0
                                ? std::vector<F>{{"duration_seconds", 600, false}}
                                : std::vector<F>{{"role_max_session_duration", 3600, false},
                                                 {"duration_seconds", 600, false}});
    ExpectErrorRule(d.c, "duration-out-of-range", scenario);
    EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
  }
}

TEST(E2eScenarios, DurationSecondsAbove43200IsOutOfRangeCheckedFirst) {
  Declared d =
      RunDeclared("aws:assume-role", {"--duration-seconds", "50000", "--role-max-session", "1h"});
  ExpectRejected(d.Eval());
  ExpectErrorRule(d.c, "duration-out-of-range", "aws:assume-role");
  // Checked first: if the role-max rule is reported too, it comes after.
  std::vector<std::string> rules = Rules(d.c.Result());
  auto range = std::find(rules.begin(), rules.end(), "duration-out-of-range");
  auto max = std::find(rules.begin(), rules.end(), "duration-exceeds-role-max");
  EXPECT_TRUE(max == rules.end() || range < max) << d.c.Dump();
  EXPECT_EQ(d.c.run.exit_code, 1);
}

TEST(E2eScenarios, DurationSecondsAboveRoleMaxIsRejected) {
  for (const char* scenario :
       {"aws:assume-role", "aws:web-identity", "aliyun:assume-role", "aliyun:oidc-api"}) {
    SCOPED_TRACE(scenario);
    Declared d = RunDeclared(scenario, {"--duration-seconds", "2h", "--role-max-session", "1h"});
    ExpectRejected(d.Eval());
    ExpectErrorRule(d.c, "duration-exceeds-role-max", scenario);
    EXPECT_TRUE(Diags(d.c.Result(), "duration-out-of-range").empty()) << d.c.Dump();
    EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
  }
  Declared aws =
      RunDeclared("aws:assume-role", {"--duration-seconds", "2h", "--role-max-session", "1h"});
  std::vector<json> ds = Diags(aws.c.Result(), "duration-exceeds-role-max");
  ASSERT_FALSE(ds.empty());
  EXPECT_NE(Wording(ds[0]).find(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
            std::string::npos)
      << Wording(ds[0]);
}

TEST(E2eScenarios, AliyunSamlApiDurationAboveRoleMaxIsRejected) {
  Saml s = RunSaml(kAliyunApi, "aliyun:saml-api",
                   {"--role-max-session", "8h", "--duration-seconds", "9h"});
  ExpectRejected(s.Eval());
  ExpectFactors(s.Eval(), {{"session_not_on_or_after", 43200, false},
                           {"role_max_session_duration", 28800, false},
                           {"duration_seconds", 32400, false}});
  ExpectErrorRule(s.c, "duration-exceeds-role-max", "aliyun:saml-api");
  EXPECT_EQ(s.c.run.exit_code, 1) << s.c.Dump();
}

TEST(E2eScenarios, RoleChainingAbove3600IsRejected) {
  Declared d = RunDeclared("aws:assume-role", {"--role-chaining", "--duration-seconds", "2h",
                                               "--role-max-session", "4h"});
  ExpectRejected(d.Eval());
  ExpectFactors(d.Eval(),
                {{"duration_seconds", 7200, false}, {"role_chaining_limit", 3600, false}});
  ExpectErrorRule(d.c, "role-chaining-limit", "aws:assume-role");
  std::vector<json> ds = Diags(d.c.Result(), "role-chaining-limit");
  ASSERT_FALSE(ds.empty());
  EXPECT_NE(Wording(ds[0]).find(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles "
                "assumed by role chaining."),
            std::string::npos)
      << Wording(ds[0]);
  EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
}

TEST(E2eScenarios, PermissionSetOutsidePT1HToPT12HIsRejected) {
  for (const char* value : {"30m", "PT13H"}) {
    SCOPED_TRACE(value);
    Declared d = RunDeclared("aws:identity-center", {"--permission-set-session", value});
    ExpectRejected(d.Eval());
    ExpectErrorRule(d.c, "permission-set-duration-out-of-range", "aws:identity-center");
    EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
  }
  for (const char* value : {"PT1H", "PT12H"}) {
    SCOPED_TRACE(value);
    Declared d = RunDeclared("aws:identity-center", {"--permission-set-session", value});
    EXPECT_EQ(Get(d.Eval(), "outcome"), "issued") << d.c.Dump();
  }
}

TEST(E2eScenarios, RoleMaxOutside3600To43200IsRejected) {
  struct Case {
    const char* scenario;
    const char* value;
  };
  for (Case k : {Case{"aws:assume-role", "30m"}, Case{"aws:assume-role", "13h"},
                 Case{"aliyun:assume-role", "30m"}, Case{"aliyun:role-switch-console", "13h"}}) {
    SCOPED_TRACE(std::string(k.scenario) + " " + k.value);
    Declared d =
        RunDeclared(k.scenario, {"--role-max-session", k.value, "--duration-seconds", "15m"});
    ExpectRejected(d.Eval());
    ExpectErrorRule(d.c, "role-max-out-of-range", k.scenario);
    EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
  }
}

TEST(E2eScenarios, LoginSessionOutside1To24HoursIsRejected) {
  for (const char* value : {"25h", "90m"}) {  // 90m: not whole hours
    SCOPED_TRACE(value);
    Declared d = RunDeclared("aliyun:ram-user-logon", {"--login-session", value});
    ExpectRejected(d.Eval());
    ExpectErrorRule(d.c, "login-session-out-of-range", "aliyun:ram-user-logon");
    EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
  }
  for (const char* value : {"1h", "24h"}) {
    SCOPED_TRACE(value);
    Declared d = RunDeclared("aliyun:user-sso", {"--login-session", value});
    EXPECT_EQ(Get(d.Eval(), "outcome"), "issued") << d.c.Dump();
  }
}

TEST(E2eScenarios, FederationAndSessionTokenOutside900To129600AreRejected) {
  for (const char* scenario : {"aws:federation-token", "aws:session-token"}) {
    // 899 s is written with its unit: a bare number under 900 is a usage
    // error (cli-contract.md § Declarations), tested in cli_test.cc.
    for (const char* value : {"14m59s", "129601"}) {
      SCOPED_TRACE(std::string(scenario) + " " + value);
      Declared d = RunDeclared(scenario, {"--duration-seconds", value});
      ExpectRejected(d.Eval());
      ExpectErrorRule(d.c, "duration-out-of-range", scenario);
      EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
    }
  }
}

TEST(E2eScenarios, SessionNotOnOrAfterAtTimeOfUseIsExpired) {
  for (const char* now : {"2026-11-23T18:00:00Z", "2026-11-23T19:30:00Z"}) {
    SCOPED_TRACE(now);
    Saml s = RunSaml(kAwsNoDuration, "aws:saml-console", {"--now", now});
    ExpectRejected(s.Eval());
    EXPECT_EQ(Get(Factor(s.Eval(), "session_not_on_or_after"), "seconds"), 0) << s.Eval().dump(2);
    ExpectErrorRule(s.c, "session-expired", "aws:saml-console");
    EXPECT_EQ(s.c.run.exit_code, 1) << s.c.Dump();
  }
}

TEST(E2eScenarios, RejectedEvaluationHasNoClampsEvenWithTarget) {
  Saml s = RunSaml(kAwsApi, "aws:saml-api",
                   {"--duration-seconds", "43200", "--role-max-session", "1h", "--target", "8h"});
  ExpectRejected(s.Eval());
  EXPECT_EQ(Get(s.Eval(), "target_seconds"), 28800);
  EXPECT_TRUE(Diags(s.c.Result(), "lifetime-below-target").empty())
      << "a rejected request has no lifetime to compare\n"
      << s.c.Dump();
}

// ---------------------------------------------------------------------------
// Targets

TEST(E2eScenarios, FactorEqualToTargetIsNotAClamp) {
  Declared d = RunDeclared("aws:assume-role", {"--duration-seconds", "8h", "--role-max-session",
                                               "12h", "--target", "8h"});
  ExpectIssued(d.Eval(), 28800, {"duration_seconds"});
  EXPECT_EQ(Get(d.Eval(), "target_seconds"), 28800);
  EXPECT_EQ(Get(d.Eval(), "clamps"), json::array()) << d.c.Dump();
  EXPECT_TRUE(Diags(d.c.Result(), "lifetime-below-target").empty()) << d.c.Dump();
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

TEST(E2eScenarios, BelowTargetIsAnErrorWithClampsTightestFirst) {
  Declared d = RunDeclared("aliyun:role-switch-console",
                           {"--login-session", "4h", "--role-max-session", "2h", "--target", "8h"});
  ExpectIssued(d.Eval(), 7200, {"role_max_session_duration"});
  EXPECT_EQ(Strings(Get(d.Eval(), "clamps")),
            (std::vector<std::string>{"role_max_session_duration", "login_session_duration"}));
  ExpectErrorRule(d.c, "lifetime-below-target", "aliyun:role-switch-console");
  EXPECT_EQ(d.c.run.exit_code, 1) << d.c.Dump();
}

TEST(E2eScenarios, NoTargetMeansNullTargetAndNoClamps) {
  Declared d = RunDeclared("aliyun:role-switch-console",
                           {"--login-session", "4h", "--role-max-session", "2h"});
  EXPECT_TRUE(IsNullField(d.Eval(), "target_seconds")) << d.c.Dump();
  EXPECT_EQ(Get(d.Eval(), "clamps"), json::array());
  EXPECT_TRUE(Diags(d.c.Result(), "lifetime-below-target").empty());
  EXPECT_EQ(d.c.run.exit_code, 0) << d.c.Dump();
}

// ---------------------------------------------------------------------------
// Factors (cli-contract.md, Decisions / Factors; lifetime-rules.md, Vocabulary)

TEST(E2eScenarios, DurationOptionsAcceptTheDurationSyntax) {
  struct Case {
    const char* text;
    std::int64_t seconds;
  };
  for (Case k : {Case{"3600", 3600}, Case{"90m", 5400}, Case{"8h", 28800}, Case{"1h30m", 5400},
                 Case{"1d", 86400}, Case{"PT8H", 28800}}) {
    SCOPED_TRACE(k.text);
    Declared d = RunDeclared("aws:federation-token", {"--duration-seconds", k.text});
    ExpectFactors(d.Eval(), {{"duration_seconds", k.seconds, false}});
  }
}

TEST(E2eScenarios, FactorSecondsAreRoundedDown) {
  // t_use 10:00:00.250, SessionNotOnOrAfter 14:00:00: 14399.75 s -> 14399.
  SamlBuilder b;
  b.issue_instant = "2026-11-23T10:00:00.250Z";
  b.session_not_on_or_after = "2026-11-23T14:00:00Z";
  b.session_durations = {"43200"};
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  EXPECT_EQ(Get(Factor(s.Eval(), "session_not_on_or_after"), "seconds"), 14399) << s.Eval().dump(2);
  ExpectIssued(s.Eval(), 14399, {"session_not_on_or_after"});
}

TEST(E2eScenarios, NowOverridesTheTimeOfUse) {
  // SessionNotOnOrAfter 18:00Z; --now 12:00+02:00 is 10:00Z, --now 13:30Z leaves 4.5 h.
  Saml s = RunSaml(kAwsNoDuration, "aws:saml-api",
                   {"--now", "2026-11-23T12:00:00+02:00", "--duration-seconds", "12h",
                    "--role-max-session", "12h"});
  EXPECT_EQ(Get(Factor(s.Eval(), "session_not_on_or_after"), "seconds"), 28800) << s.Eval().dump(2);
  Saml later = RunSaml(
      kAwsNoDuration, "aws:saml-api",
      {"--now", "2026-11-23T13:30:00Z", "--duration-seconds", "12h", "--role-max-session", "12h"});
  EXPECT_EQ(Get(Factor(later.Eval(), "session_not_on_or_after"), "seconds"), 16200)
      << later.Eval().dump(2);
}

TEST(E2eScenarios, TimeOfUseIsTheAssertionIssueInstantThenTheResponses) {
  SamlBuilder b;  // SessionNotOnOrAfter 18:00Z
  b.response_issue_instant = "2026-11-23T09:59:00Z";
  b.issue_instant = "2026-11-23T10:00:00Z";
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  EXPECT_EQ(Get(Factor(s.Eval(), "session_not_on_or_after"), "seconds"), 28800) << s.Eval().dump(2);

  SamlBuilder fallback;  // the Assertion carries no IssueInstant
  fallback.issue_instant = "";
  fallback.response_issue_instant = "2026-11-23T10:00:00Z";
  Saml f = RunSaml("-", "aws:saml-console", {}, fallback.Build());
  EXPECT_EQ(Get(Factor(f.Eval(), "session_not_on_or_after"), "seconds"), 28800) << f.Eval().dump(2);
}

TEST(E2eScenarios, EarliestSessionNotOnOrAfterOfSeveralAuthnStatements) {
  SamlBuilder b;
  b.session_durations = {"43200"};
  std::string xml = b.Build();
  const std::string first = "    <saml2:AuthnStatement";
  auto at = xml.find(first);
  ASSERT_NE(at, std::string::npos) << xml;
  xml.insert(at,
             "    <saml2:AuthnStatement AuthnInstant=\"2026-11-23T10:00:00Z\" "
             "SessionNotOnOrAfter=\"2026-11-23T12:00:00Z\"/>\n");
  Saml s = RunSaml("-", "aws:saml-console", {}, xml);
  EXPECT_EQ(Get(Factor(s.Eval(), "session_not_on_or_after"), "seconds"), 7200) << s.Eval().dump(2);
}

TEST(E2eScenarios, NoIssueInstantAtAllIsStillEvaluated) {
  SamlBuilder b;
  b.issue_instant = "";
  b.session_durations = {"7200"};
  std::string xml = b.Build();
  // The builder writes IssueInstant="" on the Response: remove it too.
  const std::string empty = " IssueInstant=\"\"";
  for (auto at = xml.find(empty); at != std::string::npos; at = xml.find(empty))
    xml.erase(at, empty.size());
  ASSERT_EQ(xml.find("IssueInstant"), std::string::npos) << xml;
  Checked c = Check({"-", "--scenario", "aws:saml-console"}, xml);
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  const json& e = FindEval(c.Result(), "aws:saml-console");
  // SessionDuration needs no t_use: reported; SessionNotOnOrAfter is left out.
  ExpectFactors(e, {{"session_duration_attribute", 7200, false}});
  std::vector<json> malformed = Diags(c.Result(), "xml-malformed");
  ASSERT_EQ(malformed.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(malformed[0], "severity"), "error");
  EXPECT_NE(Wording(malformed[0]).find("IssueInstant"), std::string::npos) << malformed[0].dump(2);
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
}

TEST(E2eScenarios, AwsSessionDurationOutOfRangeIsAnErrorButAnIntegerIsStillUsed) {
  SamlBuilder b;
  b.session_durations = {"86400"};
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 86400, false},
                           {"session_not_on_or_after", 28800, false}});
  // About the attribute, not one evaluation: no "scenario" is required.
  std::vector<json> ds = Diags(s.c.Result(), "session-duration-out-of-range");
  ASSERT_FALSE(ds.empty()) << s.c.Dump();
  EXPECT_EQ(Get(ds[0], "severity"), "error");
  EXPECT_EQ(s.c.run.exit_code, 1) << s.c.Dump();
}

TEST(E2eScenarios, AwsSessionDurationNotAnIntegerIsTreatedAsAbsent) {
  SamlBuilder b;
  b.session_durations = {"8h"};
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 3600, true},
                           {"session_not_on_or_after", 28800, false}});
  std::vector<json> ds = Diags(s.c.Result(), "session-duration-out-of-range");
  ASSERT_FALSE(ds.empty()) << s.c.Dump();
  EXPECT_EQ(Get(ds[0], "severity"), "error");
  EXPECT_EQ(s.c.run.exit_code, 1) << s.c.Dump();
}

TEST(E2eScenarios, AwsSessionDurationGivenTwiceIsAnError) {
  SamlBuilder b;
  b.session_durations = {"3600", "7200"};
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  std::vector<json> ds = Diags(s.c.Result(), "session-duration-out-of-range");
  ASSERT_FALSE(ds.empty()) << s.c.Dump();
  EXPECT_EQ(Get(ds[0], "severity"), "error");
  EXPECT_EQ(s.c.run.exit_code, 1) << s.c.Dump();
}

TEST(E2eScenarios, SignedWithoutATrustAnchorIsNotChecked) {
  // A signature is present but nothing to check it against: "not-checked",
  // a note; document factors stay "signed": false.
  SamlBuilder b;
  b.sign_marker_assertion = true;
  b.session_durations = {"7200"};
  Checked c = Check({"-", "--scenario", "aws:saml-console"}, b.Build());
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(Get(Get(c.Result(), "signature"), "status"), "not-checked") << c.Dump();
  std::vector<json> ds = Diags(c.Result(), "signature-not-checked");
  ASSERT_EQ(ds.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(ds[0], "severity"), "note");
  const json& e = FindEval(c.Result(), "aws:saml-console");
  EXPECT_EQ(Get(Factor(e, "session_duration_attribute"), "signed"), false) << e.dump(2);
  EXPECT_EQ(Get(Factor(e, "session_not_on_or_after"), "signed"), false) << e.dump(2);
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
}

// ---------------------------------------------------------------------------
// Several roles: one evaluation per role and scenario.

TEST(E2eScenarios, ThreeRolesGiveOneEvaluationPerRoleAndDefaultScenario) {
  // No --scenario: a SAML response gets its cloud's saml-console and saml-api.
  Checked c = Check({kAwsThreeRoles});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "aws");

  // "roles": each pair as {role, provider}, the provider-first value normalised.
  std::set<std::pair<std::string, std::string>> roles;
  for (const json& p : Get(r, "roles")) {
    roles.emplace(Get(p, "role").is_string() ? Get(p, "role").get<std::string>() : "?",
                  Get(p, "provider").is_string() ? Get(p, "provider").get<std::string>() : "?");
    EXPECT_EQ(Get(p, "signed"), false) << p.dump();
  }
  const std::set<std::pair<std::string, std::string>> want = {
      {"arn:aws:iam::123456789012:role/ReadOnly", "arn:aws:iam::123456789012:saml-provider/okta"},
      {"arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:saml-provider/okta"},
      {"arn:aws:iam::210987654321:role/Deploy", "arn:aws:iam::210987654321:saml-provider/okta"}};
  EXPECT_EQ(roles, want) << Get(r, "roles").dump(2);
  EXPECT_EQ(Get(r, "roles").size(), 3u);

  std::set<std::tuple<std::string, std::string, std::string>> evals;
  for (const json& e : Get(r, "evaluations")) {
    auto str = [&](const char* key) {
      return Get(e, key).is_string() ? Get(e, key).get<std::string>() : std::string("?");
    };
    evals.emplace(str("scenario"), str("role"), str("provider"));
    if (str("scenario") == "aws:saml-console") {
      ExpectIssued(e, 28800, {"session_duration_attribute"});
    } else {
      ExpectIssued(e, 3600, {"duration_seconds"});
    }
  }
  std::set<std::tuple<std::string, std::string, std::string>> want_evals;
  for (const auto& [role, provider] : want) {
    for (const char* scenario : {"aws:saml-console", "aws:saml-api"}) {
      want_evals.emplace(scenario, role, provider);
    }
  }
  EXPECT_EQ(Get(r, "evaluations").size(), 6u) << c.Dump();
  EXPECT_EQ(evals, want_evals) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
}

TEST(E2eScenarios, ThreeRolesDiagnosticsCarryTheRole) {
  Checked c = Check({kAwsThreeRoles, "--scenario", "aws:saml-api", "--duration-seconds", "2h",
                     "--role-max-session", "1h"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  const json& r = c.Result();
  ASSERT_EQ(Get(r, "evaluations").size(), 3u) << c.Dump();
  for (const json& e : Get(r, "evaluations")) ExpectRejected(e);
  std::set<std::string> roles;
  for (const json& d : Diags(r, "duration-exceeds-role-max")) {
    EXPECT_EQ(Get(d, "scenario"), "aws:saml-api");
    if (Get(d, "role").is_string()) roles.insert(Get(d, "role").get<std::string>());
  }
  EXPECT_EQ(roles, (std::set<std::string>{"arn:aws:iam::123456789012:role/ReadOnly",
                                          "arn:aws:iam::123456789012:role/Admin",
                                          "arn:aws:iam::210987654321:role/Deploy"}))
      << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1);
}

TEST(E2eScenarios, DefaultScenariosForAnAliyunResponse) {
  Checked c = Check({kAliyunApi});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "aliyun");
  std::vector<std::string> scenarios;
  for (const json& e : Get(r, "evaluations"))
    scenarios.push_back(Get(e, "scenario").get<std::string>());
  EXPECT_EQ(Sorted(scenarios),
            (std::vector<std::string>{"aliyun:saml-api", "aliyun:saml-console"}));
}

TEST(E2eScenarios, BuilderResponseReadFromStdin) {
  // A response built in the test, with a SessionDuration of 5400 and a
  // SessionNotOnOrAfter 8 h after issuance, read from stdin.
  SamlBuilder b;
  b.session_durations = {"5400"};
  Saml s = RunSaml("-", "aws:saml-console", {}, b.Build());
  EXPECT_EQ(Get(s.c.Result(), "input"), "-");
  ExpectFactors(s.Eval(), {{"session_duration_attribute", 5400, false},
                           {"session_not_on_or_after", 28800, false}});
  ExpectIssued(s.Eval(), 5400, {"session_duration_attribute"});
}

}  // namespace
}  // namespace samlint::e2e
