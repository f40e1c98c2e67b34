// signature-invalid (error): a signature the cloud relies on does not verify
// against the trust anchors (its digest or its SignatureValue is wrong, or its
// structure is one a conforming verifier refuses). signature.status is
// "invalid" and nothing is reported as signed. (cli-contract.md § Rule ids,
// Trust; § Decisions, Default severities and Signatures;
// testdata/trust/MANIFEST.tsv.)
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
using samlint::testing::kIdpCert;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;

// SessionDuration edited from 28800 to 43200 after signing: digest mismatch.
TEST(SignatureInvalid, Fires) {
  const std::string xml = ReadTrustFixture("attacks/tampered-session-duration.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));

  const samlint::Diagnostic* found =
      ExpectOneAtTheSignature(result, xml, "signature-invalid", samlint::Severity::kError);
  ASSERT_NE(found, nullptr);
  const samlint::Diagnostic& d = *found;
  EXPECT_THAT(d.message, HasSubstr("not valid"));
  ASSERT_NO_FATAL_FAILURE(ExpectSignatureStatus(result, "invalid"));
  EXPECT_TRUE(result.signature->covers.empty());
  EXPECT_TRUE(samlint::HasErrors(result));
  ExpectNothingSigned(result);
  // The digest mismatch is neither an untrusted key nor a wrapping.
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "signature-not-covering-assertion")) << Describe(result);
}

// One base64 character of the SignatureValue changed.
TEST(SignatureInvalid, FiresForATamperedSignatureValue) {
  const std::string xml = ReadTrustFixture("attacks/tampered-signature-value.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));

  ASSERT_NE(ExpectOneAtTheSignature(result, xml, "signature-invalid", samlint::Severity::kError),
            nullptr);
  ASSERT_NO_FATAL_FAILURE(ExpectSignatureStatus(result, "invalid"));
  ExpectNothingSigned(result);
}

// Wrapping attacks whose relied-on signature cannot verify under a conforming
// enveloped-signature transform, and two SignedInfo in one ds:Signature.
TEST(SignatureInvalid, FiresForStructurallyBrokenSignatures) {
  for (const char* file :
       {"attacks/xsw1.xml", "attacks/xsw6.xml", "attacks/xsw8.xml", "attacks/two-signedinfo.xml"}) {
    SCOPED_TRACE(file);
    const std::string xml = ReadTrustFixture(file);
    const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));
    const samlint::Diagnostic* d = FindDiagnostic(result, "signature-invalid");
    ASSERT_NE(d, nullptr) << Describe(result);
    EXPECT_EQ(d->severity, samlint::Severity::kError);
    ExpectLocatedWithin(*d, xml, "<ds:Signature ");
    ASSERT_TRUE(result.signature.has_value());
    EXPECT_EQ(result.signature->status, "invalid");
    ExpectNothingSigned(result);
  }
}

// The untouched response verifies against the same anchor.
TEST(SignatureInvalid, DoesNotFireForTheUntouchedResponse) {
  const std::string xml = ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  ExpectSignatureStatus(result, "verified");
}

// Without a trust anchor nothing is checked: signature-not-checked, not invalid.
TEST(SignatureInvalid, DoesNotFireWithoutATrustAnchor) {
  const std::string xml = ReadTrustFixture("attacks/tampered-session-duration.xml");
  const samlint::CheckResult result = CheckSigned(xml, samlint::CheckOptions{});
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "signature-not-checked")) << Describe(result);
}
