// signature-not-checked: signed, but no trust anchor to check it against. A
// note without --require-signature, an error with it; signature.status is
// "not-checked" and nothing is reported as signed. (cli-contract.md §
// Decisions, Default severities and Signatures.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string SignedAssertion() {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  return b.Build();
}

}  // namespace

TEST(SignatureNotChecked, Fires) {
  const std::string xml = SignedAssertion();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = ExpectOneWithin(result, xml, "signature-not-checked",
                                                 samlint::Severity::kNote, "<ds:Signature ");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("trust anchor"));
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "not-checked");
  EXPECT_TRUE(result.signature->covers.empty());
  ASSERT_EQ(result.roles.size(), 1u);
  EXPECT_NE(result.roles[0].is_signed, std::optional<bool>(true));
  EXPECT_FALSE(samlint::HasErrors(result)) << Describe(result);
}

TEST(SignatureNotChecked, IsAnErrorWithRequireSignature) {
  samlint::CheckOptions options;
  options.require_signature = true;
  const samlint::CheckResult result = CheckXml(SignedAssertion(), options);
  ExpectOne(result, "signature-not-checked", samlint::Severity::kError);
}

TEST(SignatureNotChecked, DoesNotFireWhenUnsigned) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "signature-not-checked")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "signature-missing")) << Describe(result);
}
