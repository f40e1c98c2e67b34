// Declarations files: every supported format read from a realistic fixture in
// testdata/declarations/, unresolved values, errors and hostile input.
//
// Expected source lines are computed from the fixture text (LineOf), never
// written down by hand.

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/declarations.h"
#include "samlint/scenario.h"

namespace samlint {
namespace {

constexpr std::string_view kKnownFormats =
    " is not a declarations file samlint knows (aws iam get-role/list-roles, CloudFormation, "
    "Terraform plan JSON, aliyun ram GetRole/ListRoles, ROS, aws sso-admin "
    "describe-permission-set, aliyun ram GetSecurityPreference, gcloud iam workforce-pools "
    "describe)";

std::string FixturePath(std::string_view name) {
  return std::string(SAMLINT_TESTDATA) + "/declarations/" + std::string(name);
}

std::string ReadFixture(std::string_view name) {
  std::ifstream in(FixturePath(name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The 1-based line of the `occurrence`-th (1-based) appearance of `needle`.
std::size_t LineOf(std::string_view text, std::string_view needle, int occurrence = 1) {
  std::size_t at = std::string_view::npos;
  std::size_t from = 0;
  for (int i = 0; i < occurrence; ++i) {
    at = text.find(needle, from);
    if (at == std::string_view::npos) {
      ADD_FAILURE() << "fixture text lacks " << needle;
      return 0;
    }
    from = at + needle.size();
  }
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
    }
  }
  return line;
}

/// "path:line" of the `occurrence`-th appearance of `needle` in fixture `name`.
std::string SourceOf(std::string_view name, std::string_view needle, int occurrence = 1) {
  return FixturePath(name) + ":" + std::to_string(LineOf(ReadFixture(name), needle, occurrence));
}

Declarations Load(std::string_view name) {
  Declarations out;
  Status error = LoadDeclarations(FixturePath(name), out);
  EXPECT_TRUE(error.ok()) << error.message();
  return out;
}

Declarations Parse(std::string_view text, Status* error_out = nullptr) {
  Declarations out;
  Status error = ParseDeclarations(text, "inline.yaml", out);
  if (error_out != nullptr) {
    *error_out = std::move(error);
  } else {
    EXPECT_TRUE(error.ok()) << error.message();
  }
  return out;
}

const DeclaredRole* FindRole(const Declarations& d, std::string_view name) {
  for (const DeclaredRole& role : d.roles) {
    if (role.name == name) {
      return &role;
    }
  }
  return nullptr;
}

const UnresolvedDeclaration* FindUnresolved(const Declarations& d, std::string_view what) {
  for (const UnresolvedDeclaration& u : d.unresolved) {
    if (u.what.find(what) != std::string::npos) {
      return &u;
    }
  }
  return nullptr;
}

/// What a get-role fixture declares about its one role; `cloud` unset: not checked.
struct ExpectedRole {
  std::string name;
  std::string arn;
  std::string account;
  std::optional<Cloud> cloud;
  std::int64_t max_session = 0;
  std::string source;
  std::string origin;
};

/// `d` declares exactly one role, `want`.
void ExpectOnlyRole(const Declarations& d, const ExpectedRole& want) {
  ASSERT_EQ(d.roles.size(), 1u);
  const DeclaredRole& role = d.roles[0];
  EXPECT_EQ(role.name, want.name);
  EXPECT_EQ(role.arn, want.arn);
  EXPECT_EQ(role.account, want.account);
  if (want.cloud.has_value()) {
    EXPECT_EQ(role.cloud, *want.cloud);
  }
  EXPECT_EQ(role.max_session, want.max_session);
  EXPECT_EQ(role.source, want.source);
  EXPECT_EQ(role.origin, want.origin);
}

std::size_t CountRoles(const Declarations& d, std::string_view name) {
  std::size_t n = 0;
  for (const DeclaredRole& role : d.roles) {
    if (role.name == name) {
      ++n;
    }
  }
  return n;
}

// --- aws iam / sso-admin ------------------------------------------------------

TEST(DeclarationsAwsCli, GetRoleJson) {
  constexpr const char* kFile = "aws-get-role.json";
  Declarations d = Load(kFile);
  ASSERT_NO_FATAL_FAILURE(ExpectOnlyRole(d, {.name = "ops",
                                             .arn = "arn:aws:iam::123456789012:role/ops",
                                             .account = "123456789012",
                                             .cloud = Cloud::kAws,
                                             .max_session = 43200,
                                             .source = SourceOf(kFile, "\"MaxSessionDuration\""),
                                             .origin = "aws iam get-role"}));
  EXPECT_TRUE(d.unresolved.empty());
  EXPECT_TRUE(d.login_sessions.empty());
  EXPECT_TRUE(d.permission_sets.empty());
}

TEST(DeclarationsAwsCli, GetRoleYamlOutput) {
  constexpr const char* kFile = "aws-get-role.yaml";  // aws iam get-role --output yaml
  ExpectOnlyRole(Load(kFile), {.name = "readonly",
                               .arn = "arn:aws:iam::123456789012:role/federated/readonly",
                               .account = "123456789012",
                               .cloud = std::nullopt,
                               .max_session = 14400,
                               .source = SourceOf(kFile, "MaxSessionDuration:"),
                               .origin = "aws iam get-role"});
}

TEST(DeclarationsAwsCli, ListRolesWithPaginationMarker) {
  constexpr const char* kFile = "aws-list-roles.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.roles.size(), 3u);
  const DeclaredRole* ops = FindRole(d, "ops");
  const DeclaredRole* sso = FindRole(d, "AWSReservedSSO_AdministratorAccess_2f6d1e5a9c3b4d7e");
  const DeclaredRole* lambda = FindRole(d, "lambda-log-shipper");
  ASSERT_NE(ops, nullptr);
  ASSERT_NE(sso, nullptr);
  ASSERT_NE(lambda, nullptr);
  EXPECT_EQ(ops->max_session, 43200);
  EXPECT_EQ(ops->source, SourceOf(kFile, "\"MaxSessionDuration\"", 1));
  EXPECT_EQ(sso->max_session, 28800);
  EXPECT_EQ(sso->arn,
            "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
            "AWSReservedSSO_AdministratorAccess_2f6d1e5a9c3b4d7e");
  EXPECT_EQ(sso->source, SourceOf(kFile, "\"MaxSessionDuration\"", 2));
  EXPECT_EQ(lambda->max_session, 3600);
  EXPECT_EQ(lambda->source, SourceOf(kFile, "\"MaxSessionDuration\"", 3));
  for (const DeclaredRole& role : d.roles) {
    EXPECT_EQ(role.origin, "aws iam list-roles");
    EXPECT_EQ(role.cloud, Cloud::kAws);
    EXPECT_EQ(role.account, "123456789012");
  }
}

TEST(DeclarationsAwsCli, DescribePermissionSet) {
  constexpr const char* kFile = "aws-describe-permission-set.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.permission_sets.size(), 1u);
  const DeclaredPermissionSet& set = d.permission_sets[0];
  EXPECT_EQ(set.name, "AdministratorAccess");
  EXPECT_EQ(set.arn, "arn:aws:sso:::permissionSet/ssoins-72230f4e8b6f6c5a/ps-2f6d1e5a9c3b4d7e");
  EXPECT_EQ(set.session_duration, 8 * 3600);
  EXPECT_EQ(set.source, SourceOf(kFile, "\"SessionDuration\""));
  EXPECT_EQ(set.origin, "aws sso-admin describe-permission-set");
  EXPECT_TRUE(d.roles.empty());
}

TEST(DeclarationsAwsCli, RoleWithoutMaxSessionDurationIsDeclaredWithoutValue) {
  Declarations d = Parse(
      "{\n"
      "    \"Role\": {\n"
      "        \"RoleName\": \"ops\",\n"
      "        \"Arn\": \"arn:aws:iam::123456789012:role/ops\"\n"
      "    }\n"
      "}\n");
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_FALSE(d.roles[0].max_session.has_value());
  EXPECT_EQ(d.roles[0].source, "inline.yaml:3");  // the RoleName line
}

TEST(DeclarationsAwsCli, QueriedRoleListAndMultipleDocuments) {
  // aws iam list-roles --query 'Roles[]' --output yaml
  Declarations list = Parse(
      "- RoleName: ops\n"
      "  Arn: arn:aws:iam::123456789012:role/ops\n"
      "  MaxSessionDuration: 7200\n"
      "- RoleName: audit\n"
      "  Arn: arn:aws:iam::123456789012:role/audit\n"
      "  MaxSessionDuration: 3600\n");
  ASSERT_EQ(list.roles.size(), 2u);
  EXPECT_EQ(FindRole(list, "audit")->source, "inline.yaml:6");
  // Two get-role outputs in one YAML stream.
  Declarations stream = Parse(
      "Role:\n  RoleName: ops\n  Arn: arn:aws:iam::123456789012:role/ops\n  MaxSessionDuration: "
      "7200\n"
      "---\n"
      "Role:\n  RoleName: audit\n  Arn: arn:aws:iam::210987654321:role/audit\n  "
      "MaxSessionDuration: 3600\n");
  ASSERT_EQ(stream.roles.size(), 2u);
  EXPECT_EQ(FindRole(stream, "audit")->account, "210987654321");
  EXPECT_EQ(FindRole(stream, "audit")->source, "inline.yaml:9");
}

// --- aliyun ram -------------------------------------------------------------

TEST(DeclarationsAliyunCli, GetRoleTabIndented) {
  constexpr const char* kFile = "aliyun-get-role.json";
  ExpectOnlyRole(Load(kFile), {.name = "ops",
                               .arn = "acs:ram::1234567890123456:role/ops",
                               .account = "1234567890123456",
                               .cloud = Cloud::kAliyun,
                               .max_session = 7200,
                               .source = SourceOf(kFile, "\"MaxSessionDuration\""),
                               .origin = "aliyun ram GetRole"});
}

TEST(DeclarationsAliyunCli, ListRoles) {
  constexpr const char* kFile = "aliyun-list-roles.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.roles.size(), 3u);
  const DeclaredRole* ecs = FindRole(d, "AliyunECSDefaultRole");
  const DeclaredRole* ops = FindRole(d, "ops");
  const DeclaredRole* audit = FindRole(d, "audit");
  ASSERT_NE(ecs, nullptr);
  ASSERT_NE(ops, nullptr);
  ASSERT_NE(audit, nullptr);
  EXPECT_EQ(ecs->arn, "acs:ram::1234567890123456:role/aliyunecsdefaultrole");
  EXPECT_EQ(ecs->max_session, 3600);
  EXPECT_EQ(ops->max_session, 7200);
  EXPECT_EQ(audit->max_session, 43200);
  EXPECT_EQ(audit->source, SourceOf(kFile, "\"MaxSessionDuration\"", 3));
  for (const DeclaredRole& role : d.roles) {
    EXPECT_EQ(role.cloud, Cloud::kAliyun);
    EXPECT_EQ(role.account, "1234567890123456");
    EXPECT_EQ(role.origin, "aliyun ram ListRoles");
  }
}

TEST(DeclarationsAliyunCli, GetSecurityPreference) {
  constexpr const char* kFile = "aliyun-get-security-preference.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.login_sessions.size(), 1u);
  EXPECT_EQ(d.login_sessions[0].seconds, 12 * 3600);
  EXPECT_EQ(d.login_sessions[0].source, SourceOf(kFile, "\"LoginSessionDuration\""));
  EXPECT_EQ(d.login_sessions[0].origin, "aliyun ram GetSecurityPreference");
  EXPECT_TRUE(d.roles.empty());
}

// --- CloudFormation ---------------------------------------------------------

TEST(DeclarationsCloudFormation, YamlTemplate) {
  constexpr const char* kFile = "cloudformation-roles.yaml";
  Declarations d = Load(kFile);

  ASSERT_EQ(d.roles.size(), 3u);
  const DeclaredRole* ops = FindRole(d, "ops");
  ASSERT_NE(ops, nullptr);
  EXPECT_EQ(ops->max_session, 43200);
  EXPECT_EQ(ops->source, SourceOf(kFile, "MaxSessionDuration: 43200"));
  EXPECT_EQ(ops->origin, "CloudFormation AWS::IAM::Role OpsRole");
  EXPECT_EQ(ops->cloud, Cloud::kAws);
  EXPECT_TRUE(ops->arn.empty());
  EXPECT_TRUE(ops->account.empty());

  // No RoleName: the logical id stands in; a string of digits is a value.
  const DeclaredRole* readonly = FindRole(d, "ReadOnlyRole");
  ASSERT_NE(readonly, nullptr);
  EXPECT_EQ(readonly->max_session, 14400);
  EXPECT_EQ(readonly->source, SourceOf(kFile, "MaxSessionDuration: \"14400\""));

  // No MaxSessionDuration: declared without a value, at the logical id.
  const DeclaredRole* audit = FindRole(d, "audit");
  ASSERT_NE(audit, nullptr);
  EXPECT_FALSE(audit->max_session.has_value());
  EXPECT_EQ(audit->source, SourceOf(kFile, "  AuditRole:"));

  ASSERT_EQ(d.unresolved.size(), 2u);
  const UnresolvedDeclaration* breakglass = FindUnresolved(d, "role breakglass");
  ASSERT_NE(breakglass, nullptr);
  EXPECT_EQ(breakglass->what, "MaxSessionDuration of role breakglass");
  EXPECT_EQ(breakglass->source, SourceOf(kFile, "MaxSessionDuration: !Ref"));
  EXPECT_NE(breakglass->reason.find("!Ref to parameter BreakGlassSessionSeconds"),
            std::string::npos)
      << breakglass->reason;
  EXPECT_NE(breakglass->reason.find("Default is \"3600\""), std::string::npos)
      << breakglass->reason;

  // RoleName is a !Sub: the logical id names the role; the !If is unresolved.
  const UnresolvedDeclaration* deploy = FindUnresolved(d, "role DeployRole");
  ASSERT_NE(deploy, nullptr);
  EXPECT_EQ(deploy->source, SourceOf(kFile, "MaxSessionDuration: !If"));
  EXPECT_NE(deploy->reason.find("!If"), std::string::npos) << deploy->reason;

  ASSERT_EQ(d.permission_sets.size(), 1u);
  EXPECT_EQ(d.permission_sets[0].name, "PlatformEngineer");
  EXPECT_EQ(d.permission_sets[0].session_duration, 8 * 3600);
  EXPECT_EQ(d.permission_sets[0].source, SourceOf(kFile, "SessionDuration: PT8H"));
  EXPECT_EQ(d.permission_sets[0].origin,
            "CloudFormation AWS::SSO::PermissionSet PlatformPermissionSet");
  EXPECT_TRUE(d.permission_sets[0].arn.empty());
}

TEST(DeclarationsCloudFormation, JsonTemplateWithRefAndGetAtt) {
  constexpr const char* kFile = "cloudformation-roles.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_EQ(d.roles[0].name, "billing");
  EXPECT_EQ(d.roles[0].max_session, 7200);
  EXPECT_EQ(d.roles[0].source, SourceOf(kFile, "\"MaxSessionDuration\": 7200"));
  EXPECT_EQ(d.roles[0].origin, "CloudFormation AWS::IAM::Role BillingRole");

  ASSERT_EQ(d.unresolved.size(), 2u);
  const UnresolvedDeclaration* analyst = FindUnresolved(d, "role analyst");
  ASSERT_NE(analyst, nullptr);
  EXPECT_EQ(analyst->source, SourceOf(kFile, "\"MaxSessionDuration\": {\"Fn::GetAtt\""));
  EXPECT_NE(analyst->reason.find("Fn::GetAtt of SessionPolicy.Seconds"), std::string::npos)
      << analyst->reason;
  const UnresolvedDeclaration* support = FindUnresolved(d, "role support");
  ASSERT_NE(support, nullptr);
  EXPECT_EQ(support->source, SourceOf(kFile, "\"MaxSessionDuration\": {\"Ref\""));
  EXPECT_NE(support->reason.find("Ref to parameter SupportSessionSeconds"), std::string::npos)
      << support->reason;
}

TEST(DeclarationsCloudFormation, ValuesThatAreNotWholeSeconds) {
  std::string text =
      "Resources:\n"
      "  FloatRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties: {RoleName: float, MaxSessionDuration: 3600.5}\n"
      "  NegativeRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties: {RoleName: negative, MaxSessionDuration: -3600}\n"
      "  WordRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties: {RoleName: word, MaxSessionDuration: twelve hours}\n"
      "  HugeRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties: {RoleName: huge, MaxSessionDuration: 99999999999999999999}\n"
      "  LongRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties: {RoleName: long, MaxSessionDuration: 90000}\n"
      "  WholeSet:\n"
      "    Type: AWS::SSO::PermissionSet\n"
      "    Properties: {Name: hours, SessionDuration: 8h}\n";
  Declarations d = Parse(text);
  // Out of range but whole: returned, for role-max-out-of-range to report.
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_EQ(d.roles[0].name, "long");
  EXPECT_EQ(d.roles[0].max_session, 90000);
  ASSERT_EQ(d.unresolved.size(), 5u);
  EXPECT_NE(FindUnresolved(d, "role float")->reason.find("not a whole number"), std::string::npos);
  EXPECT_EQ(FindUnresolved(d, "role float")->source,
            "inline.yaml:" + std::to_string(LineOf(text, "3600.5")));
  EXPECT_NE(FindUnresolved(d, "role negative")->reason.find("negative"), std::string::npos);
  EXPECT_NE(FindUnresolved(d, "role word")->reason.find("not a number"), std::string::npos);
  EXPECT_NE(FindUnresolved(d, "role huge")->reason.find("too large"), std::string::npos);
  EXPECT_NE(FindUnresolved(d, "permission set hours")->reason.find("ISO 8601"), std::string::npos);
}

// --- ROS ----------------------------------------------------------------------

TEST(DeclarationsRos, YamlTemplate) {
  constexpr const char* kFile = "ros-roles.yaml";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.roles.size(), 2u);
  const DeclaredRole* ops = FindRole(d, "ops");
  ASSERT_NE(ops, nullptr);
  EXPECT_EQ(ops->cloud, Cloud::kAliyun);
  EXPECT_EQ(ops->max_session, 7200);
  EXPECT_EQ(ops->source, SourceOf(kFile, "MaxSessionDuration: 7200"));
  EXPECT_EQ(ops->origin, "ROS ALIYUN::RAM::Role OpsRole");
  const DeclaredRole* readonly = FindRole(d, "readonly");
  ASSERT_NE(readonly, nullptr);
  EXPECT_FALSE(readonly->max_session.has_value());
  EXPECT_EQ(readonly->source, SourceOf(kFile, "  ReadOnlyRole:"));

  ASSERT_EQ(d.unresolved.size(), 1u);
  EXPECT_EQ(d.unresolved[0].what, "MaxSessionDuration of role audit");
  EXPECT_EQ(d.unresolved[0].source, SourceOf(kFile, "MaxSessionDuration:\n        Ref:"));
  EXPECT_NE(d.unresolved[0].reason.find("Ref to parameter AuditSessionDuration"), std::string::npos)
      << d.unresolved[0].reason;
  EXPECT_NE(d.unresolved[0].reason.find("ROS"), std::string::npos) << d.unresolved[0].reason;
}

// --- Terraform ------------------------------------------------------------------

TEST(DeclarationsTerraform, PlanValuesNamesAndSources) {
  constexpr const char* kFile =
      "terraform-plan-pretty.json";  // terraform show -json plan.out | jq .
  Declarations d = Load(kFile);

  // Each address once, although planned_values and resource_changes both list
  // the AWS roles; the deleted legacy role is not declared.
  ASSERT_EQ(d.roles.size(), 3u);
  EXPECT_EQ(CountRoles(d, "ops"), 2u);  // aws_iam_role.ops and module.aliyun.alicloud_ram_role.ops
  EXPECT_EQ(FindRole(d, "legacy-admin"), nullptr);

  const DeclaredRole* aws_ops = nullptr;
  const DeclaredRole* aliyun_ops = nullptr;
  for (const DeclaredRole& role : d.roles) {
    if (role.name == "ops") {
      (role.cloud == Cloud::kAws ? aws_ops : aliyun_ops) = &role;
    }
  }
  ASSERT_NE(aws_ops, nullptr);
  ASSERT_NE(aliyun_ops, nullptr);
  EXPECT_EQ(aws_ops->arn, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(aws_ops->account, "123456789012");
  EXPECT_EQ(aws_ops->max_session, 43200);  // planned, not the 3600 of before
  EXPECT_EQ(aws_ops->source, SourceOf(kFile, "\"max_session_duration\": 43200"));
  EXPECT_EQ(aws_ops->origin, "Terraform plan aws_iam_role.ops");

  EXPECT_EQ(aliyun_ops->arn, "acs:ram::1234567890123456:role/ops");
  EXPECT_EQ(aliyun_ops->account, "1234567890123456");
  EXPECT_EQ(aliyun_ops->max_session, 7200);
  EXPECT_EQ(aliyun_ops->source, SourceOf(kFile, "\"max_session_duration\": 7200"));
  EXPECT_EQ(aliyun_ops->origin, "Terraform plan module.aliyun.alicloud_ram_role.ops");

  // Created by this plan: the ARN is known only after apply; the account comes
  // from the saml-provider the trust policy names.
  const DeclaredRole* readonly = FindRole(d, "readonly");
  ASSERT_NE(readonly, nullptr);
  EXPECT_TRUE(readonly->arn.empty());
  EXPECT_EQ(readonly->account, "123456789012");
  EXPECT_EQ(readonly->max_session, 14400);
  EXPECT_EQ(readonly->source, SourceOf(kFile, "\"max_session_duration\": 14400"));

  // max_session_duration itself known only after apply.
  ASSERT_EQ(d.unresolved.size(), 1u);
  EXPECT_EQ(d.unresolved[0].what,
            "max_session_duration of role breakglass (aws_iam_role.breakglass)");
  EXPECT_EQ(d.unresolved[0].reason, "it is known only after apply");
  EXPECT_EQ(d.unresolved[0].source, SourceOf(kFile, "\"address\": \"aws_iam_role.breakglass\""));

  ASSERT_EQ(d.permission_sets.size(), 1u);
  EXPECT_EQ(d.permission_sets[0].name, "PlatformEngineer");
  EXPECT_TRUE(d.permission_sets[0].arn.empty());
  EXPECT_EQ(d.permission_sets[0].session_duration, 8 * 3600);
  EXPECT_EQ(d.permission_sets[0].source, SourceOf(kFile, "\"session_duration\": \"PT8H\""));
  EXPECT_EQ(d.permission_sets[0].origin, "Terraform plan aws_ssoadmin_permission_set.platform");
}

TEST(DeclarationsTerraform, CompactPlanAsTerraformPrintsIt) {
  constexpr const char* kFile = "terraform-plan.json";  // terraform show -json plan.out: one line
  Declarations compact = Load(kFile);
  Declarations pretty = Load("terraform-plan-pretty.json");
  ASSERT_EQ(compact.roles.size(), pretty.roles.size());
  for (std::size_t i = 0; i < compact.roles.size(); ++i) {
    EXPECT_EQ(compact.roles[i].name, pretty.roles[i].name);
    EXPECT_EQ(compact.roles[i].arn, pretty.roles[i].arn);
    EXPECT_EQ(compact.roles[i].max_session, pretty.roles[i].max_session);
    EXPECT_EQ(compact.roles[i].source, FixturePath(kFile) + ":1");
  }
  EXPECT_EQ(compact.unresolved.size(), 1u);
  EXPECT_EQ(compact.permission_sets.size(), 1u);
}

TEST(DeclarationsTerraform, ResourceChangesFillInWhatPlannedValuesLack) {
  const std::string text = R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_iam_role.ops", "mode": "managed", "type": "aws_iam_role", "name": "ops",
     "values": {"name": "ops", "max_session_duration": 7200}}
  ]}},
  "resource_changes": [
    {"address": "aws_iam_role.ops", "type": "aws_iam_role", "name": "ops",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "ops", "max_session_duration": 3600}, "after_unknown": {"arn": true}}},
    {"address": "aws_iam_role.audit", "type": "aws_iam_role", "name": "audit",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "audit", "max_session_duration": 3600}, "after_unknown": {"arn": true}}},
    {"address": "aws_iam_role.ops", "type": "aws_iam_role", "name": "ops",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "ops", "max_session_duration": 900}, "after_unknown": {}}}
  ]
})";
  Declarations d = Parse(text);
  ASSERT_EQ(d.roles.size(), 2u);
  ASSERT_NE(FindRole(d, "ops"), nullptr);
  EXPECT_EQ(FindRole(d, "ops")->max_session, 7200);  // planned_values wins
  ASSERT_NE(FindRole(d, "audit"), nullptr);
  EXPECT_EQ(FindRole(d, "audit")->max_session, 3600);
  EXPECT_EQ(FindRole(d, "audit")->source,
            "inline.yaml:" + std::to_string(LineOf(text, "\"max_session_duration\": 3600", 2)));
}

TEST(DeclarationsTerraform, NameKnownOnlyAfterApply) {
  const std::string text = R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_iam_role.temp", "mode": "managed", "type": "aws_iam_role", "name": "temp",
     "values": {"name_prefix": "temp-", "max_session_duration": 3600}}
  ]}},
  "resource_changes": [
    {"address": "aws_iam_role.temp", "type": "aws_iam_role", "name": "temp",
     "change": {"actions": ["create"], "before": null,
                "after": {"name_prefix": "temp-", "max_session_duration": 3600},
                "after_unknown": {"arn": true, "name": true}}}
  ]
})";
  Declarations d = Parse(text);
  EXPECT_TRUE(d.roles.empty());
  ASSERT_EQ(d.unresolved.size(), 1u);
  EXPECT_EQ(d.unresolved[0].what, "name of role aws_iam_role.temp");
  EXPECT_EQ(d.unresolved[0].source, "inline.yaml:" + std::to_string(LineOf(text, "\"address\"")));
}

TEST(DeclarationsTerraform, StateJson) {
  // terraform show -json (no plan file): the current state.
  Declarations d = Parse(
      R"({"format_version":"1.0","terraform_version":"1.7.5","values":{"root_module":{"resources":[{"address":"aws_iam_role.ops","mode":"managed","type":"aws_iam_role","name":"ops","provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":{"arn":"arn:aws:iam::123456789012:role/ops","max_session_duration":28800,"name":"ops","path":"/"},"sensitive_values":{}}]}}})");
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_EQ(d.roles[0].max_session, 28800);
  EXPECT_EQ(d.roles[0].account, "123456789012");
  EXPECT_EQ(d.roles[0].origin, "Terraform state aws_iam_role.ops");
}

TEST(DeclarationsTerraform, ModuleListThatRefersToItselfEnds) {
  // A YAML alias makes child_modules contain itself, twice per level.
  Declarations d = Parse(
      "format_version: '1.2'\n"
      "planned_values:\n"
      "  root_module:\n"
      "    child_modules: &m\n"
      "      - resources:\n"
      "          - {address: aws_iam_role.x, type: aws_iam_role, name: x,\n"
      "             values: {name: x, max_session_duration: 3600}}\n"
      "        child_modules: *m\n"
      "      - child_modules: *m\n");
  EXPECT_EQ(d.roles.size(), 1u);
}

// --- errors and hostile input ---------------------------------------------------

TEST(DeclarationsErrors, UnknownJsonIsRefused) {
  Declarations out;
  DeclaredRole earlier;
  earlier.name = "earlier";
  out.roles.push_back(earlier);
  Status error = LoadDeclarations(FixturePath("aws-sts-get-caller-identity.json"), out);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message(),
            FixturePath("aws-sts-get-caller-identity.json") + std::string(kKnownFormats));
  ASSERT_EQ(out.roles.size(), 1u);  // untouched
  EXPECT_EQ(out.roles[0].name, "earlier");
}

TEST(DeclarationsErrors, EmptyAndScalarDocumentsAreRefused) {
  for (std::string_view text : {"", "\n# nothing here\n", "42\n", "[1, 2, 3]\n", "{}\n"}) {
    Status error;
    Parse(text, &error);
    ASSERT_FALSE(error.ok()) << text;
    EXPECT_EQ(error.message(), "inline.yaml" + std::string(kKnownFormats)) << text;
  }
}

TEST(DeclarationsErrors, MalformedYamlNamesTheLine) {
  constexpr const char* kFile = "malformed-cloudformation.yaml";
  Declarations out;
  Status error = LoadDeclarations(FixturePath(kFile), out);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message().rfind(
                SourceOf(kFile, "Description: Ops:") + ": is not valid JSON or YAML", 0),
            0u)
      << error.message();
  EXPECT_TRUE(out.roles.empty());
}

TEST(DeclarationsErrors, SuccessAppends) {
  Declarations out;
  ASSERT_TRUE(LoadDeclarations(FixturePath("aws-get-role.json"), out).ok());
  ASSERT_TRUE(LoadDeclarations(FixturePath("aliyun-get-role.json"), out).ok());
  EXPECT_EQ(out.roles.size(), 2u);
}

TEST(DeclarationsErrors, MissingFileAndDirectory) {
  Declarations out;
  Status missing = LoadDeclarations(FixturePath("no-such-file.json"), out);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("no-such-file.json"), std::string::npos);
  Status directory = LoadDeclarations(std::string(SAMLINT_TESTDATA), out);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.message().find("directory"), std::string::npos);
}

TEST(DeclarationsErrors, FileOverInputBytesIsRefusedWithItsRealSize) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "samlint-declarations-too-large.json";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk(std::size_t{1} << 20, ' ');
    for (int i = 0; i < 17; ++i) {
      out << chunk;
    }
    out << "{}";
  }
  Declarations d;
  Status error = LoadDeclarations(path.string(), d);
  std::filesystem::remove(path);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message(),
            path.string() +
                " is 17825794 bytes; samlint did not read it, because of the limit "
                "input-bytes=16777216 (raise it with --limit input-bytes=N).");
}

TEST(DeclarationsHostile, DeeplyNestedFlowIsRefusedWithoutCrashing) {
  for (std::size_t depth : {201u, 600u, 100000u}) {
    std::string text = "{\"Role\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
    Status error;
    Declarations d = Parse(text, &error);
    ASSERT_FALSE(error.ok()) << depth;
    EXPECT_EQ(error.message().rfind("inline.yaml:1: is nested more than 200 levels deep", 0), 0u)
        << error.message();
    EXPECT_TRUE(d.roles.empty());
  }
}

TEST(DeclarationsHostile, DeeplyNestedBlockYamlIsRefused) {
  std::string dashes;
  for (int i = 0; i < 5000; ++i) {
    dashes += "- ";
  }
  dashes += "x\n";
  std::string indented;
  for (std::size_t i = 0; i < 400; ++i) {
    indented += std::string(i, ' ') + "k:\n";
  }
  for (const std::string& text : {dashes, indented}) {
    Status error;
    Parse(text, &error);
    ASSERT_FALSE(error.ok());
    EXPECT_NE(error.message().find("nested more than 200 levels"), std::string::npos)
        << error.message();
  }
}

TEST(DeclarationsHostile, BracketsInsideStringsAndBlockScalarsAreNotNesting) {
  // Deep-looking text inside quoted and block scalars is data, not structure.
  std::string text = "Role:\n  RoleName: ops\n  Description: \"" + std::string(300, '[') +
                     "\"\n  Notes: '" + std::string(300, '{') + "'\n  Script: |\n    " +
                     std::string(300, '[') + "\n  MaxSessionDuration: 7200\n";
  Declarations d = Parse(text);
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_EQ(d.roles[0].max_session, 7200);
}

TEST(DeclarationsHostile, ModeratelyNestedDocumentsStillParse) {
  // 150 levels: under the limit, parsed, then refused only as an unknown format.
  std::string text = "{\"x\": " + std::string(150, '[') + std::string(150, ']') + "}";
  Status error;
  Parse(text, &error);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message(), "inline.yaml" + std::string(kKnownFormats));
}

TEST(DeclarationsHostile, StrayCommaDoesNotHang) {
  // yaml-cpp 0.7's LoadAll loops forever, allocating, on these (yaml-cpp#1040).
  for (std::string_view text : {",", "\"\",", "{}\"\",", "Role:\n  RoleName: ops\n,\n"}) {
    Status error;
    Parse(text, &error);
    ASSERT_FALSE(error.ok()) << text;
    EXPECT_EQ(error.message().rfind("inline.yaml", 0), 0u) << error.message();
  }
}

TEST(DeclarationsHostile, TooManyValuesAreRefused) {
  std::string text = "[0";
  for (int i = 0; i < 2'100'000; ++i) {
    text += ",0";
  }
  text += "]";
  Status error;
  Parse(text, &error);
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.message().find("values"), std::string::npos) << error.message();
}

TEST(DeclarationsHostile, AliasesAndOddBytesDoNotCrash) {
  const std::string laughs =
      "a: &a [x, x, x, x, x, x, x, x, x]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "Roles: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
  Status error;
  Parse(laughs, &error);
  EXPECT_FALSE(error.ok());
  for (std::string_view text : {std::string_view("\xff\xfe\x00\x01\x02", 5),
                                std::string_view("{\"Role\": {\"RoleName\": \"\x80\"}}"),
                                std::string_view("Role: !Ref\n  - [\n"),
                                std::string_view("*undefined\n"), std::string_view("&a b: *a\n"),
                                std::string_view("%TAG ! tag:x,2000:\n--- !foo\nRole: 1\n")}) {
    Declarations d;
    EXPECT_NO_THROW(ParseDeclarations(text, "odd.yaml", d));
  }
}

}  // namespace
}  // namespace samlint
