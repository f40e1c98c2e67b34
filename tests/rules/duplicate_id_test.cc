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

  const samlint::Diagnostic* d = ExpectOneWithin(
      result, xml, "duplicate-id", samlint::Severity::kError, "<saml2:Assertion ID=\"_r1\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("_r1"));
}

TEST(DuplicateId, DoesNotFireForDistinctIds) {
  SamlBuilder b;
  b.assertion_id = "_a1";
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "duplicate-id")) << Describe(result);
}
