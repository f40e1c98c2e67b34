// workforce-pool-sign-in-disabled (error): The declared Google Cloud workforce pool is disabled, or
// disables programmatic sign-in for an STS token exchange. (Cite the spec section or vendor
// document the check implements.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

// Written by tools/add-rule. Each case fails until its ADD_FAILURE is replaced
// by the input it describes and the assertions style.md asks for (message and
// location of the finding).

TEST(WorkforcePoolSignInDisabled, Fires) {
  SamlBuilder b;
  ADD_FAILURE() << "workforce-pool-sign-in-disabled: set the builder so that the response fires "
                   "the rule, then "
                   "assert the message and the location";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const auto found = DiagnosticsWithRule(result, "workforce-pool-sign-in-disabled");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_EQ(found[0]->severity, samlint::Severity::kError);
}

TEST(WorkforcePoolSignInDisabled, DoesNotFire) {
  SamlBuilder b;
  ADD_FAILURE()
      << "workforce-pool-sign-in-disabled: set the builder to the closest input that must not fire";
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "workforce-pool-sign-in-disabled")) << Describe(result);
}
