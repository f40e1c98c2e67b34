// signature-missing: neither the Response nor the Assertion is signed. A note
// without a trust anchor and without --require-signature; an error with
// --require-signature. signature.status is "missing". (cli-contract.md §
// Decisions, Default severities and Signatures.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(SignatureMissing, Fires) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());

  const samlint::Diagnostic* d = ExpectOne(result, "signature-missing", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("sign"));
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "missing");
  // A note only: the clean unsigned response has no error.
  EXPECT_FALSE(samlint::HasErrors(result)) << Describe(result);
}

TEST(SignatureMissing, IsAnErrorWithRequireSignature) {
  samlint::CheckOptions options;
  options.require_signature = true;
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);

  ExpectOne(result, "signature-missing", samlint::Severity::kError);
  EXPECT_TRUE(samlint::HasErrors(result));
}

TEST(SignatureMissing, DoesNotFireWhenTheAssertionIsSigned) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "signature-missing")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_NE(result.signature->status, "missing");
}

TEST(SignatureMissing, DoesNotFireWhenTheResponseIsSigned) {
  SamlBuilder b;
  b.sign_marker_response = true;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "signature-missing")) << Describe(result);
}
