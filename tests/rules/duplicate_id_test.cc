// duplicate-id (error): two elements share an ID (an ambiguous signature
// Reference). (cli-contract.md § Rule ids, Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

// The Assertion reuses the Response's ID "_r1": reported at the second use.
TEST(DuplicateId, Fires) {
  SamlBuilder b;
  b.assertion_id = "_r1";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const auto found = DiagnosticsWithRule(result, "duplicate-id");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_EQ(d.severity, samlint::Severity::kError);
  EXPECT_THAT(d.message, HasSubstr("_r1"));
  ExpectLocatedWithin(d, xml, "<saml2:Assertion ID=\"_r1\"");
}

TEST(DuplicateId, DoesNotFireForDistinctIds) {
  SamlBuilder b;
  b.assertion_id = "_a1";
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "duplicate-id")) << Describe(result);
}
