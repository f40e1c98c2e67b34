// certificate-not-yet-valid (warning): a trust-anchor certificate's validity
// starts after t_use (its NotBefore is later); the signature is still checked
// with it (a valid signature stays "verified"). Past NotAfter is
// certificate-expired instead. (cli-contract.md § Rule ids, Trust; § Decisions,
// Signatures; README § Decisions where the contract is silent.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/trust_fixture.h"

using samlint::testing::CheckSigned;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;

namespace {

// idp-rsa2048-future is the idp-rsa2048 key in a certificate valid from
// 2030-01-01 to 2035-01-01; every fixture's t_use (IssueInstant) is
// 2026-11-23T10:00:00Z.
constexpr const char* kFutureCert = "keys/idp-rsa2048-future.cert.pem";
constexpr const char* kSigned = "valid/aws-assertion-signed-sha256-exc.xml";

}  // namespace

TEST(CertificateNotYetValid, Fires) {
  const std::string xml = ReadTrustFixture(kSigned);
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kFutureCert));

  const samlint::Diagnostic* d =
      ExpectOne(result, "certificate-not-yet-valid", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"not yet valid", "2030-01-01T00:00:00Z", "2026-11-23T10:00:00Z",
                        "idp-rsa2048-future.cert.pem"});
  ExpectNoneOrAtTheSignature(*d, xml);
  // Early is not expired.
  EXPECT_FALSE(HasRule(result, "certificate-expired")) << Describe(result);
  // Still checked with the certificate's key: verified, values signed.
  ExpectVerifiedAndRoleSigned(result);
}

// A certificate valid 2025-01-01..2035-01-01 covers t_use 2026-11-23.
TEST(CertificateNotYetValid, DoesNotFireForACurrentCertificate) {
  const samlint::CheckResult result =
      CheckSigned(ReadTrustFixture(kSigned), WithCert("keys/idp-rsa2048.cert.pem"));
  EXPECT_FALSE(HasRule(result, "certificate-not-yet-valid")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}

// The dates are judged at t_use: with --now inside the validity, the same
// certificate is valid.
TEST(CertificateNotYetValid, DoesNotFireWhenTUseIsInsideTheValidity) {
  samlint::CheckOptions options = WithCert(kFutureCert);
  options.now = Utc("2031-06-01T00:00:00Z");
  const samlint::CheckResult result = CheckSigned(ReadTrustFixture(kSigned), options);
  EXPECT_FALSE(HasRule(result, "certificate-not-yet-valid")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "certificate-expired")) << Describe(result);
}

// A bare public key has no validity dates.
TEST(CertificateNotYetValid, DoesNotFireForABarePublicKey) {
  const samlint::CheckResult result =
      CheckSigned(ReadTrustFixture(kSigned), WithCert("keys/idp-rsa2048.pub.pem"));
  EXPECT_FALSE(HasRule(result, "certificate-not-yet-valid")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "certificate-expired")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}
