// multiple-assertions (error): the Response carries more than one assertion.
// (cli-contract.md § Rule ids, Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(MultipleAssertions, Fires) {
  SamlBuilder b;
  b.assertion_count = 2;
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "multiple-assertions", samlint::Severity::kError,
                      "<saml2:Assertion ID=\"_a1_1\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("2"));
  // At the extra assertion.
}

TEST(MultipleAssertions, DoesNotFireForOneAssertion) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "multiple-assertions")) << Describe(result);
}
