// assumed-default (note): one per factor whose documented default is used
// because nothing declared it, naming the option or declaration that would
// set it. The Alibaba console SessionDuration default comes from older
// documentation, and the message says so. (cli-contract.md § Decisions, Factors.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// The message and the fix together: where the note names how to declare the value.
std::string Text(const samlint::Diagnostic& d) { return d.message + "\n" + d.fix; }

}  // namespace

// aws:assume-role with the role max declared: only duration_seconds is assumed.
TEST(AssumedDefault, Fires) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.role_max_session = 43200;
  const samlint::CheckResult result = CheckOptionsOnly(options);

  const samlint::Diagnostic* d = ExpectOne(result, "assumed-default", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  EXPECT_THAT(d->message, HasSubstr("duration_seconds"));
  EXPECT_THAT(Text(*d), HasSubstr("--duration-seconds"));
  EXPECT_FALSE(d->location.has_value());

  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Factor* f =
      FindFactor(result.evaluations[0], samlint::FactorName::kDurationSeconds);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 3600);
  EXPECT_TRUE(f->assumed());
}

// Worked example 4: the AWS console SessionDuration default, with the role.
TEST(AssumedDefault, FiresForAbsentAwsConsoleSessionDuration) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlConsole};
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);

  const samlint::Diagnostic* d = ExpectOne(result, "assumed-default", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->scenario, kAwsSamlConsole);
  EXPECT_EQ(d->role, kAwsOpsRole);
  EXPECT_THAT(d->message, HasSubstr("SessionDuration"));
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->effective_seconds, 3600);
}

// aliyun:saml-console with nothing declared: SessionDuration, LoginSessionDuration
// and the role max are assumed; SessionNotOnOrAfter comes from the document.
TEST(AssumedDefault, FiresOncePerAssumedFactor) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunSamlConsole};
  const samlint::CheckResult result = CheckXml(b.Build(), options);

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAliyunSamlConsole);
  ASSERT_NE(e, nullptr);
  std::size_t assumed = 0;
  for (const samlint::Factor& f : e->factors) assumed += f.assumed() ? 1u : 0u;
  EXPECT_EQ(assumed, 3u);
  const auto notes = DiagnosticsWithRule(result, "assumed-default");
  EXPECT_EQ(notes.size(), assumed) << Describe(result);
  bool login = false, role_max = false;
  for (const samlint::Diagnostic* d : notes) {
    EXPECT_EQ(d->severity, samlint::Severity::kNote);
    EXPECT_EQ(d->scenario, kAliyunSamlConsole);
    if (Text(*d).find("--login-session") != std::string::npos) login = true;
    if (Text(*d).find("--role-max-session") != std::string::npos) role_max = true;
  }
  EXPECT_TRUE(login) << Describe(result);
  EXPECT_TRUE(role_max) << Describe(result);
}

// "the Alibaba console SessionDuration 3600 when absent (older Alibaba
// documentation; say so in the message)".
TEST(AssumedDefault, AlibabaConsoleSessionDurationMessageCitesOlderDocumentation) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunSamlConsole};
  options.login_session = 6 * 3600;
  options.role_max_session = 3600;
  const samlint::CheckResult result = CheckXml(b.Build(), options);

  const auto notes = DiagnosticsWithRule(result, "assumed-default");
  ASSERT_EQ(notes.size(), 1u) << Describe(result);
  EXPECT_THAT(notes[0]->message, HasSubstr("SessionDuration"));
  EXPECT_THAT(notes[0]->message, HasSubstr("older"));
}

TEST(AssumedDefault, DoesNotFireWhenEverythingIsDeclared) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.role_max_session = 43200;
  options.duration_seconds = 3600;
  const samlint::CheckResult result = CheckOptionsOnly(options);
  EXPECT_FALSE(HasRule(result, "assumed-default")) << Describe(result);
}

TEST(AssumedDefault, DoesNotFireWhenSessionDurationIsSent) {
  SamlBuilder b;
  b.session_durations = {"3600"};
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlConsole};
  const samlint::CheckResult result = CheckXml(b.Build(), options);
  EXPECT_FALSE(HasRule(result, "assumed-default")) << Describe(result);
}
