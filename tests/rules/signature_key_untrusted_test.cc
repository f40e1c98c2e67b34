// signature-key-untrusted (error): the signature is made with a key that is
// none of the trust anchors given with --cert or --idp-metadata (a key in
// KeyInfo is never trusted by itself). signature.status is "invalid".
// (cli-contract.md § Rule ids, Trust; § Decisions, Default severities and
// Signatures; testdata/trust/MANIFEST.tsv.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/trust.h"
#include "support/trust_fixture.h"

using ::testing::HasSubstr;

using samlint::testing::CheckSigned;
using samlint::testing::ExpectNothingSigned;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;
using samlint::testing::WithMetadata;

namespace {

constexpr const char* kAttackerSigned = "attacks/embedded-attacker-key.xml";
constexpr const char* kIdpSigned = "valid/aws-assertion-signed-sha256-exc.xml";

}  // namespace

// The attacker's Assertion, signed with attacker-rsa2048 whose certificate is
// embedded in KeyInfo; only the IdP's certificate is trusted.
TEST(SignatureKeyUntrusted, Fires) {
  const std::string xml = ReadTrustFixture(kAttackerSigned);
  const samlint::CheckResult result = CheckSigned(xml, WithCert("keys/idp-rsa2048.cert.pem"));

  const samlint::Diagnostic* found =
      ExpectOneAtTheSignature(result, xml, "signature-key-untrusted", samlint::Severity::kError);
  ASSERT_NE(found, nullptr);
  const samlint::Diagnostic& d = *found;
  EXPECT_THAT(d.message, HasSubstr("trust anchor"));
  ASSERT_NO_FATAL_FAILURE(ExpectSignatureStatus(result, "invalid"));
  EXPECT_TRUE(result.signature->covers.empty());
  EXPECT_TRUE(samlint::HasErrors(result));
  ExpectNothingSigned(result);
}

// The attacker certificate is in the rollover metadata only as
// use="encryption": it must not become a signing anchor.
TEST(SignatureKeyUntrusted, FiresWhenTheKeyIsOnlyAnEncryptionKeyInMetadata) {
  const std::string xml = ReadTrustFixture(kAttackerSigned);
  const samlint::CheckResult result =
      CheckSigned(xml, WithMetadata("keys/idp-metadata-rollover.xml"));

  ASSERT_NE(
      ExpectOneAtTheSignature(result, xml, "signature-key-untrusted", samlint::Severity::kError),
      nullptr);
  ASSERT_NO_FATAL_FAILURE(ExpectSignatureStatus(result, "invalid"));
  ExpectNothingSigned(result);
}

// The IdP's genuine response, but only the next (rollover) certificate is trusted.
TEST(SignatureKeyUntrusted, FiresWhenOnlyTheRolloverCertificateIsTrusted) {
  const std::string xml = ReadTrustFixture(kIdpSigned);
  const samlint::CheckResult result =
      CheckSigned(xml, WithCert("keys/idp-rollover-rsa2048.cert.pem"));

  ASSERT_NE(
      ExpectOneAtTheSignature(result, xml, "signature-key-untrusted", samlint::Severity::kError),
      nullptr);
  ExpectSignatureStatus(result, "invalid");
}

// Fixed: the response signed with the key the anchor holds verifies.
TEST(SignatureKeyUntrusted, DoesNotFireForTheIdpKey) {
  const std::string xml = ReadTrustFixture(kIdpSigned);
  const samlint::CheckResult result = CheckSigned(xml, WithCert("keys/idp-rsa2048.cert.pem"));
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}

// Control: with the attacker certificate given as the anchor the attacker's
// response verifies (the anchor, not KeyInfo, decides).
TEST(SignatureKeyUntrusted, DoesNotFireWhenTheSigningKeyIsTheAnchor) {
  const std::string xml = ReadTrustFixture(kAttackerSigned);
  const samlint::CheckResult result = CheckSigned(xml, WithCert("keys/attacker-rsa2048.cert.pem"));
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}

// Without any anchor there is nothing to be untrusted by: signature-not-checked.
TEST(SignatureKeyUntrusted, DoesNotFireWithoutATrustAnchor) {
  const std::string xml = ReadTrustFixture(kAttackerSigned);
  const samlint::CheckResult result = CheckSigned(xml, samlint::CheckOptions{});
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "signature-not-checked")) << Describe(result);
}
