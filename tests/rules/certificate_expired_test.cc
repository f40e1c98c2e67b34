// certificate-expired (warning): a trust-anchor certificate is outside its
// validity dates at t_use; the signature is still checked with it (a valid
// signature stays "verified"). (cli-contract.md § Rule ids, Trust; § Decisions,
// Default severities and Signatures; testdata/trust/README.md and MANIFEST.tsv.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/trust.h"
#include "support/trust_fixture.h"


using samlint::testing::CheckSigned;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;

namespace {

// idp-expired ran from 2019-01-01 to 2020-01-01; every fixture's t_use
// (IssueInstant) is 2026-11-23T10:00:00Z.
constexpr const char* kExpiredCert = "keys/idp-expired.cert.pem";
constexpr const char* kExpiredSigned = "valid/aws-assertion-signed-expired-cert.xml";

}  // namespace

TEST(CertificateExpired, Fires) {
  const std::string xml = ReadTrustFixture(kExpiredSigned);
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kExpiredCert));

  const samlint::Diagnostic* d =
      ExpectOne(result, "certificate-expired", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"expired", "2020-01-01", "idp-expired.cert.pem"});
  ExpectNoneOrAtTheSignature(*d, xml);
  // Still checked with the expired certificate: verified, values signed.
  ExpectVerifiedAndRoleSigned(result);
}

// The only anchor is the expired certificate of another key: the warning and
// the untrusted key are reported together.
TEST(CertificateExpired, FiresBesideAnUntrustedKey) {
  const std::string xml = ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kExpiredCert));

  const samlint::Diagnostic* d =
      ExpectOne(result, "certificate-expired", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  ExpectNoneOrAtTheSignature(*d, xml);
  EXPECT_TRUE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  ExpectSignatureStatus(result, "invalid");
}

// Fixed: a certificate valid 2025-01-01..2035-01-01 at t_use 2026-11-23.
TEST(CertificateExpired, DoesNotFireForACurrentCertificate) {
  const std::string xml = ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert("keys/idp-rsa2048.cert.pem"));
  EXPECT_FALSE(HasRule(result, "certificate-expired")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}

// The dates are judged at t_use: inside the certificate's validity (--now
// 2019-06-01) the same certificate is not expired.
TEST(CertificateExpired, DoesNotFireWhenTUseIsInsideTheValidity) {
  samlint::CheckOptions options = WithCert(kExpiredCert);
  options.now = Utc("2019-06-01T00:00:00Z");
  const samlint::CheckResult result = CheckSigned(ReadTrustFixture(kExpiredSigned), options);
  EXPECT_FALSE(HasRule(result, "certificate-expired")) << Describe(result);
}
