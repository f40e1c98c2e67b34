// declare/join: which declared MaxSessionDuration, LoginSessionDuration and
// permission-set duration a role gets, and the findings about the declarations.
#include "declare/join.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "samlint/rule_id.h"

namespace samlint {
namespace {

const std::string kOps = "arn:aws:iam::123456789012:role/ops";

DeclaredRole Role(std::string arn, std::string name, std::string account,
                  std::optional<std::int64_t> max_session, std::string source) {
  DeclaredRole r;
  r.arn = std::move(arn);
  r.name = std::move(name);
  r.account = std::move(account);
  r.max_session = max_session;
  r.source = std::move(source);
  r.origin = "test";
  return r;
}

CheckOptions WithDeclarations(Declarations declarations) {
  CheckOptions options;
  options.declarations = std::make_shared<const Declarations>(std::move(declarations));
  return options;
}

struct Joined {
  ScenarioInputs in;
  std::vector<Diagnostic> out;
};

Joined Join(const CheckOptions& options, const std::string& role = kOps,
            Cloud cloud = Cloud::kAws) {
  Joined j;
  JoinDeclarations(options, cloud, role, j.in, j.out);
  return j;
}

CheckOptions WithRoles(std::vector<DeclaredRole> roles) {
  Declarations d;
  d.roles = std::move(roles);
  return WithDeclarations(std::move(d));
}

Joined JoinRoles(std::vector<DeclaredRole> roles, const std::string& role = kOps) {
  return Join(WithRoles(std::move(roles)), role);
}

TEST(JoinDeclarations, MatchesARoleByItsExactArn) {
  Joined j = JoinRoles({Role(kOps, "ops", "123456789012", 7200, "roles.json:3")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 7200);
  EXPECT_EQ(j.in.role_max_session->via, "roles.json:3 (test)");
  EXPECT_TRUE(j.out.empty());
}

TEST(JoinDeclarations, ARoleWithAnotherArnDoesNotMatch) {
  Joined j = JoinRoles(
      {Role("arn:aws:iam::123456789012:role/dev", "dev", "123456789012", 7200, "roles.json:3")});
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, AnArnlessRoleMatchesByNameAndSaysSo) {
  Joined j = JoinRoles({Role("", "ops", "", 10800, "main.tf:9")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 10800);
  EXPECT_EQ(j.in.role_max_session->via, "main.tf:9 (test, matched by role name)");
}

TEST(JoinDeclarations, AnArnlessRoleOfTheSameAccountMatches) {
  Joined j = JoinRoles({Role("", "ops", "123456789012", 10800, "main.tf:9")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 10800);
}

TEST(JoinDeclarations, AnArnlessRoleOfAnotherAccountDoesNotMatch) {
  Joined j = JoinRoles({Role("", "ops", "999999999999", 10800, "main.tf:9")});
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, AnArnlessRoleOfAnotherNameDoesNotMatch) {
  Joined j = JoinRoles({Role("", "dev", "", 10800, "main.tf:9")});
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, ARoleDeclaredWithAnArnIsNotMatchedByName) {
  // Same name and account, but the declared ARN differs (another path).
  Joined j = JoinRoles(
      {Role("arn:aws:iam::123456789012:role/team/ops", "ops", "123456789012", 7200, "r:1")});
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, ARoleOfAnotherCloudDoesNotMatch) {
  DeclaredRole r = Role(kOps, "ops", "123456789012", 7200, "roles.json:3");
  r.cloud = Cloud::kAliyun;
  Joined j = JoinRoles({r});
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, ARoleWithoutMaxSessionDurationGetsTheOneHourDefault) {
  Joined j = JoinRoles({Role(kOps, "ops", "", std::nullopt, "stack.yaml:4")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 3600);
  EXPECT_EQ(j.in.role_max_session->via,
            "stack.yaml:4 (test), MaxSessionDuration not set: the default");
}

TEST(JoinDeclarations, ConflictingMaximaTakeTheLowestAndReportOneConflict) {
  Joined j =
      JoinRoles({Role(kOps, "ops", "", 14400, "a.json:2"), Role("", "ops", "", 7200, "b.tf:5")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 7200);
  EXPECT_EQ(j.in.role_max_session->via, "b.tf:5 (test, matched by role name)");
  ASSERT_EQ(j.out.size(), 1U);
  EXPECT_EQ(j.out[0].rule, Rule::kDeclarationConflict.name());
  EXPECT_EQ(j.out[0].role, kOps);
  EXPECT_NE(j.out[0].message.find("MaxSessionDuration"), std::string::npos) << j.out[0].message;
  EXPECT_NE(j.out[0].message.find("a.json:2"), std::string::npos) << j.out[0].message;
  EXPECT_NE(j.out[0].message.find("b.tf:5"), std::string::npos) << j.out[0].message;
}

TEST(JoinDeclarations, EqualMaximaFromTwoFilesAreNoConflict) {
  Joined j = JoinRoles({Role(kOps, "ops", "", 7200, "a.json:2"), Role("", "ops", "", 7200, "b:1")});
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 7200);
  EXPECT_TRUE(j.out.empty());
}

TEST(JoinDeclarations, TheSameConflictIsReportedOnceAcrossJoins) {
  CheckOptions options =
      WithRoles({Role(kOps, "ops", "", 14400, "a:1"), Role(kOps, "ops", "", 7200, "b:1")});
  ScenarioInputs first;
  ScenarioInputs second;
  std::vector<Diagnostic> out;
  JoinDeclarations(options, Cloud::kAws, kOps, first, out);
  JoinDeclarations(options, Cloud::kAws, kOps, second, out);
  EXPECT_EQ(out.size(), 1U);
}

TEST(JoinDeclarations, TheCommandLineMaximumWinsOverTheFiles) {
  CheckOptions options = WithRoles({Role(kOps, "ops", "", 7200, "a:1")});
  options.role_max_session = 43200;
  Joined j = Join(options);
  EXPECT_FALSE(j.in.role_max_session.has_value());  // left for the option's own value
}

TEST(JoinDeclarations, NoRoleJoinsNoMaximum) {
  Joined j = JoinRoles({Role("", "ops", "", 7200, "a:1")}, "");
  EXPECT_FALSE(j.in.role_max_session.has_value());
}

TEST(JoinDeclarations, AProvenMaximumAboveTheDefaultIsUsedWhenNothingIsDeclared) {
  CheckOptions options;
  options.role_max_proven = 7200;
  Joined j = Join(options);
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 7200);
  EXPECT_EQ(j.in.role_max_session->via, "at least the requested duration: the call succeeded");
}

TEST(JoinDeclarations, AProvenMaximumOfTheDefaultProvesNothing) {
  CheckOptions options;
  options.role_max_proven = 3600;
  EXPECT_FALSE(Join(options).in.role_max_session.has_value());
}

TEST(JoinDeclarations, ADeclaredMaximumWinsOverAProvenOne) {
  CheckOptions options = WithRoles({Role(kOps, "ops", "", 10800, "a:1")});
  options.role_max_proven = 7200;
  Joined j = Join(options);
  ASSERT_TRUE(j.in.role_max_session.has_value());
  EXPECT_EQ(j.in.role_max_session->seconds, 10800);
}

TEST(JoinDeclarations, LoginSessionsJoinOnlyForAlibabaCloud) {
  Declarations d;
  d.login_sessions = {{21600, "pref.json:2", "GetSecurityPreference"}};
  CheckOptions options = WithDeclarations(std::move(d));
  Joined aliyun = Join(options, "acs:ram::1234567890123456:role/ops", Cloud::kAliyun);
  ASSERT_TRUE(aliyun.in.login_session.has_value());
  EXPECT_EQ(aliyun.in.login_session->seconds, 21600);
  EXPECT_EQ(aliyun.in.login_session->via, "pref.json:2 (GetSecurityPreference)");
  EXPECT_FALSE(Join(options).in.login_session.has_value());
}

TEST(JoinDeclarations, ConflictingLoginSessionsTakeTheLowest) {
  Declarations d;
  d.login_sessions = {{21600, "a:1", "o"}, {3600, "b:1", "o"}};
  Joined j = Join(WithDeclarations(std::move(d)), "", Cloud::kAliyun);
  ASSERT_TRUE(j.in.login_session.has_value());
  EXPECT_EQ(j.in.login_session->seconds, 3600);
  ASSERT_EQ(j.out.size(), 1U);
  EXPECT_TRUE(j.out[0].role.empty());
  EXPECT_NE(j.out[0].message.find("LoginSessionDuration"), std::string::npos);
}

TEST(JoinDeclarations, PermissionSetsJoinOnlyForAwsAndOnlyWithADuration) {
  Declarations d;
  DeclaredPermissionSet without;
  without.name = "ReadOnly";
  DeclaredPermissionSet with;
  with.name = "Admin";
  with.session_duration = 28800;
  with.source = "ps.json:7";
  with.origin = "sso-admin";
  d.permission_sets = {without, with};
  CheckOptions options = WithDeclarations(std::move(d));
  Joined aws = Join(options);
  ASSERT_TRUE(aws.in.permission_set_session.has_value());
  EXPECT_EQ(aws.in.permission_set_session->seconds, 28800);
  EXPECT_EQ(aws.in.permission_set_session->via, "ps.json:7 (sso-admin Admin)");
  EXPECT_TRUE(aws.out.empty());
  EXPECT_FALSE(Join(options, kOps, Cloud::kAliyun).in.permission_set_session.has_value());
}

TEST(DeclarationFileFindings, ReportsLimitsAndUnresolvedValues) {
  Declarations d;
  d.limits_exceeded = {"big.json reached the json-nodes limit."};
  d.unresolved = {{"MaxSessionDuration of role ops", "stack.yaml:8", "it is a !Ref"}};
  std::vector<Diagnostic> out = DeclarationFileFindings(d);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0].rule, Rule::kLimitExceeded.name());
  EXPECT_EQ(out[0].message, "big.json reached the json-nodes limit.");
  EXPECT_EQ(out[1].rule, Rule::kDeclarationUnresolved.name());
  EXPECT_EQ(out[1].message,
            "The MaxSessionDuration of role ops at stack.yaml:8 cannot be resolved: it is a !Ref. "
            "samlint uses the documented default instead.");
}

TEST(DeclarationFileFindings, CleanDeclarationsHaveNone) {
  EXPECT_TRUE(DeclarationFileFindings(Declarations{}).empty());
}

}  // namespace
}  // namespace samlint
