// pipeline/declarations_input: a declarations file named as INPUT, recognised
// (ReadDeclarationsInput) and linted for its own values (DeclarationsInputResult).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "pipeline/prepared_input.h"
#include "samlint/check.h"
#include "support/testdata.h"

namespace samlint {
namespace {

using testing::ReadTestdata;

// A role, login session and permission set with the given values, each
// declared at its own line of "d.json".
Declarations Declaring(std::optional<std::int64_t> role_max, std::int64_t login,
                       std::optional<std::int64_t> permission_set) {
  Declarations d;
  DeclaredRole r;
  r.arn = "arn:aws:iam::123456789012:role/ops";
  r.name = "ops";
  r.max_session = role_max;
  r.source = "d.json:3";
  r.origin = "aws iam get-role";
  d.roles = {r};
  d.login_sessions = {{login, "d.json:7", "GetSecurityPreference"}};
  DeclaredPermissionSet p;
  p.name = "Admin";
  p.session_duration = permission_set;
  p.source = "d.json:11";
  p.origin = "sso-admin";
  d.permission_sets = {p};
  return d;
}

std::string Rules(const CheckResult& r) {
  std::string s;
  for (const Diagnostic& d : r.diagnostics) s += d.rule + " ";
  return s;
}

TEST(DeclarationsInputResult, ValuesInsideTheirRangesHaveNoFindings) {
  CheckResult r =
      DeclarationsInputResult("d.json", Declaring(3600, 24 * 3600, 12 * 3600), Status());
  EXPECT_EQ(r.kind, ResultKind::kDeclarations);
  EXPECT_EQ(r.input, "d.json");
  EXPECT_TRUE(r.diagnostics.empty()) << Rules(r);
}

TEST(DeclarationsInputResult, UnsetValuesHaveNoFindings) {
  CheckResult r =
      DeclarationsInputResult("d.json", Declaring(std::nullopt, 3600, std::nullopt), Status());
  EXPECT_TRUE(r.diagnostics.empty()) << Rules(r);
}

TEST(DeclarationsInputResult, ARoleMaximumOutsideOneToTwelveHoursIsOutOfRange) {
  EXPECT_EQ(Rules(DeclarationsInputResult("d.json", Declaring(3599, 3600, std::nullopt), Status())),
            "role-max-out-of-range ");
  CheckResult high =
      DeclarationsInputResult("d.json", Declaring(43201, 3600, std::nullopt), Status());
  ASSERT_EQ(Rules(high), "role-max-out-of-range ");
  EXPECT_NE(high.diagnostics[0].message.find("arn:aws:iam::123456789012:role/ops"),
            std::string::npos);
  ASSERT_TRUE(high.diagnostics[0].location.has_value());
  EXPECT_EQ(high.diagnostics[0].location->line, 3);
  EXPECT_EQ(high.diagnostics[0].location->column, 1);
}

TEST(DeclarationsInputResult, ALoginSessionMustBeWholeHoursFromOneToTwentyFour) {
  EXPECT_EQ(Rules(DeclarationsInputResult("d.json", Declaring(3600, 5400, std::nullopt), Status())),
            "login-session-out-of-range ");
  EXPECT_EQ(
      Rules(DeclarationsInputResult("d.json", Declaring(3600, 25 * 3600, std::nullopt), Status())),
      "login-session-out-of-range ");
  EXPECT_EQ(Rules(DeclarationsInputResult("d.json", Declaring(3600, 0, std::nullopt), Status())),
            "login-session-out-of-range ");
}

TEST(DeclarationsInputResult, APermissionSetOutsideOneToTwelveHoursIsOutOfRange) {
  CheckResult r = DeclarationsInputResult("d.json", Declaring(3600, 3600, 13 * 3600), Status());
  ASSERT_EQ(Rules(r), "permission-set-duration-out-of-range ");
  ASSERT_TRUE(r.diagnostics[0].location.has_value());
  EXPECT_EQ(r.diagnostics[0].location->line, 11);
}

TEST(DeclarationsInputResult, AnUnresolvedValueIsLocatedAtItsLine) {
  Declarations d;
  d.unresolved = {{"MaxSessionDuration of role ops", "stack.yaml:8", "it is a !Ref"}};
  CheckResult r = DeclarationsInputResult("stack.yaml", d, Status());
  ASSERT_EQ(Rules(r), "declaration-unresolved ");
  ASSERT_TRUE(r.diagnostics[0].location.has_value());
  EXPECT_EQ(r.diagnostics[0].location->line, 8);
}

TEST(DeclarationsInputResult, ASourceWithoutLineHasNoLocation) {
  Declarations d = Declaring(60, 3600, std::nullopt);
  d.roles[0].source = "d.json";
  CheckResult r = DeclarationsInputResult("d.json", d, Status());
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_FALSE(r.diagnostics[0].location.has_value());
}

TEST(DeclarationsInputResult, AnUnreadableFileIsInputUnreadable) {
  CheckResult r =
      DeclarationsInputResult("d.json", Declarations{}, Status::Error("not a declarations file"));
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  EXPECT_EQ(Rules(r), "input-unreadable ");
}

TEST(DeclarationsInputResult, AFileThatReachedALimitIsLimitExceeded) {
  Declarations d;
  d.limits_exceeded = {"d.json reached the json-nodes limit"};
  CheckResult r =
      DeclarationsInputResult("d.json", d, Status::Error("d.json reached the json-nodes limit"));
  EXPECT_EQ(Rules(r), "limit-exceeded ");
}

TEST(CheckDeclarationsInput, LintsARealGetRoleOutput) {
  CheckResult r =
      CheckDeclarationsInput("aws-get-role.json", ReadTestdata("declarations/aws-get-role.json"));
  EXPECT_EQ(r.kind, ResultKind::kDeclarations);
  EXPECT_TRUE(r.diagnostics.empty()) << Rules(r);
}

TEST(ReadDeclarationsInput, ReadsADeclarationsFile) {
  std::optional<Declarations> d =
      ReadDeclarationsInput("r.json", ReadTestdata("declarations/aws-get-role.json"));
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->roles.size(), 1U);
  EXPECT_EQ(d->roles[0].max_session, 43200);
}

TEST(ReadDeclarationsInput, XmlAndEmptyTextAreNoDeclarations) {
  EXPECT_FALSE(ReadDeclarationsInput("r.xml", "  <samlp:Response/>").has_value());
  EXPECT_FALSE(ReadDeclarationsInput("e.json", " \n").has_value());
}

TEST(ReadDeclarationsInput, AnArtifactIsNoDeclarations) {
  EXPECT_FALSE(ReadDeclarationsInput(
                   "trail.json", ReadTestdata("artifacts/cloudtrail/assume-role-with-saml.json"))
                   .has_value());
}

TEST(ReadDeclarationsInput, AnInputOverTheByteLimitIsNotRead) {
  Limits limits;
  limits.input_bytes = 10;
  EXPECT_FALSE(
      ReadDeclarationsInput("r.json", ReadTestdata("declarations/aws-get-role.json"), limits)
          .has_value());
}

}  // namespace
}  // namespace samlint
