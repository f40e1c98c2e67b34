// signature-algorithm-unsupported (error, trust): a signature whose
// SignatureMethod or DigestMethod xmlsec 1.2 cannot compute (RSA-PSS, EdDSA):
// not verified, status not-checked, nothing reported as signed, and the
// message says the cloud may still accept it. (Trust issue § Messages by cause.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "support/trust_fixture.h"

using namespace samlint::testing;

namespace {
constexpr const char* kSigned = "valid/aws-assertion-signed-sha256-exc.xml";
constexpr const char* kRsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
}  // namespace

TEST(SignatureAlgorithmUnsupported, FiresForRsaPss) {
  const std::string xml = ReplaceFirst(ReadTrustFixture(kSigned), kRsaSha256,
                                       "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");
  const samlint::CheckResult result = CheckXml(xml, WithCert());
  const samlint::Diagnostic* d = ExpectOneWithin(result, xml, "signature-algorithm-unsupported",
                                                 samlint::Severity::kError, "<ds:Signature ");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"sha256-rsa-MGF1", "may still accept"});
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "not-checked");
  // It is not reported as a broken signature.
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  ExpectNothingSigned(result);
}

TEST(SignatureAlgorithmUnsupported, FiresForAnUnknownDigest) {
  const std::string xml =
      ReplaceFirst(ReadTrustFixture(kSigned), "http://www.w3.org/2001/04/xmlenc#sha256",
                   "http://www.w3.org/2007/05/xmldsig-more#sha3-256");
  const samlint::CheckResult result = CheckXml(xml, WithCert());
  EXPECT_TRUE(HasRule(result, "signature-algorithm-unsupported")) << Describe(result);
  ExpectNothingSigned(result);
}

TEST(SignatureAlgorithmUnsupported, DoesNotFireForRsaSha256) {
  const samlint::CheckResult result = CheckXml(ReadTrustFixture(kSigned), WithCert());
  EXPECT_FALSE(HasRule(result, "signature-algorithm-unsupported")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
}
