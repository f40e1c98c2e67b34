// The four worked examples at the end of lifetime-rules.md, run through the
// real binary on the fixtures written for them, checked field by field against
// cli-contract.md's JSON report.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

constexpr const char* kExample1 = "testdata/examples/aliyun-console-clamped.xml";
constexpr const char* kExample2 = "testdata/responses/aliyun-api-12h.xml";
constexpr const char* kExample3 = "testdata/responses/aws-api.xml";
constexpr const char* kExample4 = "testdata/responses/aws-console-no-duration.xml";

constexpr const char* kAliyunRole = "acs:ram::1234567890123456:role/ops";
constexpr const char* kAliyunProvider = "acs:ram::1234567890123456:saml-provider/okta";
constexpr const char* kAwsRole = "arn:aws:iam::123456789012:role/ops";
constexpr const char* kAwsProvider = "arn:aws:iam::123456789012:saml-provider/okta";

/// A factor read from the (unsigned) document: not assumed, "signed": false,
/// and its source on the line that carries it.
void ExpectDocumentFactor(const json& eval, std::string_view name, int line) {
  const json& f = Factor(eval, name);
  EXPECT_EQ(Get(f, "assumed"), false) << name << "\n" << eval.dump(2);
  EXPECT_EQ(Get(f, "signed"), false) << name << "\n" << eval.dump(2);
  EXPECT_EQ(Get(Get(f, "source"), "line"), line) << name << "\n" << eval.dump(2);
}

// 1. Alibaba console, SessionDuration 43200, SessionNotOnOrAfter = t_use + 10 h,
//    LoginSessionDuration 6 h, role max 3600, target 8 h -> effective 3600,
//    binding role_max_session_duration; clamps role_max_session_duration and
//    login_session_duration.
TEST(E2eWorkedExamples, Example1AliyunConsoleClampedBelowTarget) {
  Checked c = Check({kExample1, "--scenario", "aliyun:saml-console", "--login-session", "6h",
                     "--role-max-session", "1h", "--target", "8h"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << "lifetime-below-target is an error\n" << c.Dump();
  EXPECT_EQ(Get(Get(c.report, "tool"), "name"), "samlint");
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "input"), kExample1);
  EXPECT_EQ(Get(r, "kind"), "saml-response");
  EXPECT_EQ(Get(r, "cloud"), "aliyun");
  EXPECT_EQ(Get(Get(r, "signature"), "status"), "missing");
  EXPECT_EQ(Get(r, "roles"), json::parse(R"([{"role": "acs:ram::1234567890123456:role/ops",
                             "provider": "acs:ram::1234567890123456:saml-provider/okta",
                             "signed": false}])"));

  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = Get(r, "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "aliyun:saml-console");
  EXPECT_EQ(Get(e, "role"), kAliyunRole);
  EXPECT_EQ(Get(e, "provider"), kAliyunProvider);
  ExpectIssued(e, 3600, {"role_max_session_duration"});
  EXPECT_EQ(Get(e, "target_seconds"), 28800);
  // Clamps in order, tightest first.
  EXPECT_EQ(Strings(Get(e, "clamps")),
            (std::vector<std::string>{"role_max_session_duration", "login_session_duration"}));
  ExpectFactors(e, {{"session_duration_attribute", 43200, false},
                    {"session_not_on_or_after", 36000, false},
                    {"login_session_duration", 21600, false},
                    {"role_max_session_duration", 3600, false}});
  ExpectDocumentFactor(e, "session_duration_attribute",
                       LineIn(kExample1, "SAML-Role/Attributes/SessionDuration"));
  ExpectDocumentFactor(e, "session_not_on_or_after",
                       LineIn(kExample1, "SessionNotOnOrAfter=\"2026-11-23T20:00:00"));
  ExpectSignedNull(e, "login_session_duration");
  ExpectSignedNull(e, "role_max_session_duration");
  EXPECT_EQ(Get(e, "context"), json::array());

  std::vector<json> below = Diags(r, "lifetime-below-target");
  ASSERT_EQ(below.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(below[0], "severity"), "error");
  EXPECT_EQ(Get(below[0], "scenario"), "aliyun:saml-console");
  EXPECT_EQ(Get(below[0], "role"), kAliyunRole);
  // Everything was declared: nothing is assumed.
  EXPECT_TRUE(Diags(r, "assumed-default").empty()) << c.Dump();
}

// 2. Alibaba AssumeRoleWithSAML, DurationSeconds omitted, role max 28800,
//    SessionNotOnOrAfter = t_use + 12 h -> effective 3600, binding
//    duration_seconds (assumed default).
TEST(E2eWorkedExamples, Example2AliyunApiBoundByAssumedDurationSeconds) {
  Checked c = Check({kExample2, "--scenario", "aliyun:saml-api", "--role-max-session", "8h"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << "no error-severity finding\n" << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "aliyun");
  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = Get(r, "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "aliyun:saml-api");
  EXPECT_EQ(Get(e, "role"), kAliyunRole);
  EXPECT_EQ(Get(e, "provider"), kAliyunProvider);
  ExpectIssued(e, 3600, {"duration_seconds"});
  EXPECT_TRUE(IsNullField(e, "target_seconds")) << e.dump(2);
  EXPECT_EQ(Get(e, "clamps"), json::array());
  ExpectFactors(e, {{"session_not_on_or_after", 43200, false},
                    {"role_max_session_duration", 28800, false},
                    {"duration_seconds", 3600, true}});
  ExpectDocumentFactor(e, "session_not_on_or_after",
                       LineIn(kExample2, "SessionNotOnOrAfter=\"2026-11-23T22:00:00"));
  ExpectSignedNull(e, "role_max_session_duration");
  ExpectSignedNull(e, "duration_seconds");
  // No SessionDuration attribute in this response: nothing to put in context.
  EXPECT_EQ(Get(e, "context"), json::array());

  // The assumed DurationSeconds adds one assumed-default note naming the option.
  int naming = 0;
  for (const json& d : Diags(r, "assumed-default")) {
    EXPECT_EQ(Get(d, "severity"), "note");
    if (Get(d, "scenario") == "aliyun:saml-api" &&
        Wording(d).find("--duration-seconds") != std::string::npos) {
      ++naming;
    }
  }
  EXPECT_EQ(naming, 1) << c.Dump();
  EXPECT_TRUE(Diags(r, "lifetime-below-target").empty());
}

// 3. AWS AssumeRoleWithSAML, DurationSeconds 43200, role max 3600 -> rejected,
//    rule duration-exceeds-role-max.
TEST(E2eWorkedExamples, Example3AwsApiRejectedAboveRoleMax) {
  Checked c = Check({kExample3, "--scenario", "aws:saml-api", "--duration-seconds", "43200",
                     "--role-max-session", "1h"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "aws");
  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = Get(r, "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "aws:saml-api");
  EXPECT_EQ(Get(e, "role"), kAwsRole);
  EXPECT_EQ(Get(e, "provider"), kAwsProvider);
  ExpectRejected(e);
  // A rejected evaluation still lists its factors.
  ExpectFactors(e, {{"duration_seconds", 43200, false},
                    {"session_not_on_or_after", 14400, false},
                    {"session_duration_attribute", 7200, false}});
  ExpectSignedNull(e, "duration_seconds");
  ExpectDocumentFactor(e, "session_not_on_or_after",
                       LineIn(kExample3, "SessionNotOnOrAfter=\"2026-11-23T14:00:00"));
  ExpectDocumentFactor(e, "session_duration_attribute",
                       LineIn(kExample3, "SAML/Attributes/SessionDuration"));

  std::vector<json> exceeds = Diags(r, "duration-exceeds-role-max");
  ASSERT_EQ(exceeds.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(exceeds[0], "severity"), "error");
  EXPECT_EQ(Get(exceeds[0], "scenario"), "aws:saml-api");
  EXPECT_EQ(Get(exceeds[0], "role"), kAwsRole);
  // lifetime-rules.md: quote the cloud's error text so users can grep for it.
  EXPECT_NE(
      Wording(exceeds[0])
          .find("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
      std::string::npos)
      << Wording(exceeds[0]);
  EXPECT_TRUE(Diags(r, "duration-out-of-range").empty()) << "43200 is inside 900..43200";
}

// 4. AWS console, SessionDuration absent, SessionNotOnOrAfter = t_use + 8 h ->
//    effective 3600, binding session_duration_attribute (assumed default).
TEST(E2eWorkedExamples, Example4AwsConsoleAssumedSessionDuration) {
  Checked c = Check({kExample4, "--scenario", "aws:saml-console"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << "only notes: assumed-default, signature-missing\n" << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "aws");
  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = Get(r, "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "aws:saml-console");
  EXPECT_EQ(Get(e, "role"), kAwsRole);
  EXPECT_EQ(Get(e, "provider"), kAwsProvider);
  ExpectIssued(e, 3600, {"session_duration_attribute"});
  EXPECT_EQ(Strings(Get(e, "binding")), (std::vector<std::string>{"session_duration_attribute"}));
  EXPECT_TRUE(IsNullField(e, "target_seconds"));
  EXPECT_EQ(Get(e, "clamps"), json::array());
  ExpectFactors(
      e, {{"session_duration_attribute", 3600, true}, {"session_not_on_or_after", 28800, false}});
  ExpectSignedNull(e, "session_duration_attribute");
  ExpectDocumentFactor(e, "session_not_on_or_after",
                       LineIn(kExample4, "SessionNotOnOrAfter=\"2026-11-23T18:00:00"));

  int notes = 0;
  for (const json& d : Diags(r, "assumed-default")) {
    EXPECT_EQ(Get(d, "severity"), "note");
    if (Get(d, "scenario") == "aws:saml-console" &&
        Wording(d).find("SessionDuration") != std::string::npos) {
      ++notes;
    }
  }
  EXPECT_EQ(notes, 1) << "one assumed-default note for the assumed SessionDuration\n" << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(r)) << c.Dump();
}

}  // namespace
}  // namespace samlint::e2e
