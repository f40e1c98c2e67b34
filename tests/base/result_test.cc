// base/result: factor keys, result kind names and HasErrors.
#include "samlint/result.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace samlint {
namespace {

TEST(FactorKey, GivesEachFactorItsReportKey) {
  EXPECT_EQ(FactorKey(FactorName::kSessionDurationAttribute), "session_duration_attribute");
  EXPECT_EQ(FactorKey(FactorName::kSessionNotOnOrAfter), "session_not_on_or_after");
  EXPECT_EQ(FactorKey(FactorName::kLoginSessionDuration), "login_session_duration");
  EXPECT_EQ(FactorKey(FactorName::kRoleMaxSessionDuration), "role_max_session_duration");
  EXPECT_EQ(FactorKey(FactorName::kDurationSeconds), "duration_seconds");
  EXPECT_EQ(FactorKey(FactorName::kPermissionSetSessionDuration),
            "permission_set_session_duration");
  EXPECT_EQ(FactorKey(FactorName::kRoleChainingLimit), "role_chaining_limit");
}

TEST(ResultKindName, GivesEachKindItsReportName) {
  EXPECT_EQ(ResultKindName(ResultKind::kSamlResponse), "saml-response");
  EXPECT_EQ(ResultKindName(ResultKind::kDeclarations), "declarations");
  EXPECT_EQ(ResultKindName(ResultKind::kUnreadable), "unreadable");
  EXPECT_EQ(ResultKindName(ResultKind::kStsRequest), "sts-request");
  EXPECT_EQ(ResultKindName(ResultKind::kCloudTrailEvent), "cloudtrail-event");
  EXPECT_EQ(ResultKindName(ResultKind::kActionTrailEvent), "actiontrail-event");
  EXPECT_EQ(ResultKindName(ResultKind::kIdpConfig), "idp-config");
  EXPECT_EQ(ResultKindName(ResultKind::kConfig), "config");
}

CheckResult WithSeverities(std::initializer_list<Severity> severities) {
  CheckResult r;
  for (Severity s : severities) {
    Diagnostic d;
    d.severity = s;
    r.diagnostics.push_back(d);
  }
  return r;
}

TEST(HasErrors, AnErrorDiagnosticIsAnError) {
  EXPECT_TRUE(HasErrors(WithSeverities({Severity::kNote, Severity::kError})));
}

TEST(HasErrors, WarningsAndNotesAreNot) {
  EXPECT_FALSE(HasErrors(WithSeverities({Severity::kWarning, Severity::kNote})));
  EXPECT_FALSE(HasErrors(WithSeverities({})));
}

}  // namespace
}  // namespace samlint
