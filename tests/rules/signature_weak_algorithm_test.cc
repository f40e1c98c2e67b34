// signature-weak-algorithm (warning): a SHA-1 signature method or digest.
// (cli-contract.md § Decisions, Default severities and Signatures;
// lifetime-rules.md § AWS, Signing.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

constexpr const char* kRsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
constexpr const char* kSha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

}  // namespace

TEST(SignatureWeakAlgorithm, Fires) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  b.signature_method = kRsaSha1;
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = ExpectOneWithin(result, xml, "signature-weak-algorithm",
                                                 samlint::Severity::kWarning, "<ds:Signature ");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("rsa-sha1"));
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->algorithm, std::optional<std::string>("rsa-sha1"));
}

TEST(SignatureWeakAlgorithm, FiresForASha1Digest) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  b.digest_method = kSha1;
  const samlint::CheckResult result = CheckXml(b.Build());
  const samlint::Diagnostic* d = FindDiagnostic(result, "signature-weak-algorithm");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kWarning);
}

// Still a warning on Alibaba Cloud.
TEST(SignatureWeakAlgorithm, FiresOnAlibabaAsAWarning) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  b.sign_marker_assertion = true;
  b.signature_method = kRsaSha1;
  const samlint::CheckResult result = CheckXml(b.Build());
  const samlint::Diagnostic* d = FindDiagnostic(result, "signature-weak-algorithm");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kWarning);
}

TEST(SignatureWeakAlgorithm, DoesNotFireForRsaSha256) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "signature-weak-algorithm")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->algorithm, std::optional<std::string>("rsa-sha256"));
}
