// signature-invalid (error): a signature the cloud relies on does not verify
// against the trust anchors (its digest or its SignatureValue is wrong, or its
// structure is one a conforming verifier refuses). signature.status is
// "invalid" and nothing is reported as signed. (cli-contract.md § Rule ids,
// Trust; § Decisions, Default severities and Signatures;
// testdata/trust/MANIFEST.tsv.)
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

using ::testing::HasSubstr;

namespace {

std::string TrustPath(const std::string& relative) {
  return std::string(SAMLINT_TESTDATA) + "/trust/" + relative;
}

std::string ReadTrustFixture(const std::string& relative) {
  std::ifstream in(TrustPath(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << TrustPath(relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Options whose only trust anchor is the certificate file `cert` (relative to testdata/trust).
samlint::CheckOptions WithCert(const std::string& cert) {
  auto store = std::make_shared<samlint::TrustStore>();
  const std::optional<std::string> error = samlint::AddCertificateFile(TrustPath(cert), *store);
  EXPECT_FALSE(error.has_value()) << cert << ": " << error.value_or("");
  samlint::CheckOptions options;
  options.trust_store = store;
  return options;
}

samlint::CheckResult Check(const std::string& xml, const samlint::CheckOptions& options) {
  return samlint::CheckBytes("x.xml", xml, options);
}

/// No document factor and no role is reported as signed.
void ExpectNothingSigned(const samlint::CheckResult& result) {
  for (const samlint::Evaluation& e : result.evaluations) {
    for (const samlint::Factor& f : e.factors) {
      EXPECT_NE(f.is_signed, std::optional<bool>(true)) << samlint::FactorKey(f.name);
    }
    for (const samlint::Factor& f : e.context) {
      EXPECT_NE(f.is_signed, std::optional<bool>(true)) << samlint::FactorKey(f.name);
    }
  }
  for (const samlint::RolePair& r : result.roles) {
    EXPECT_NE(r.is_signed, std::optional<bool>(true)) << r.role;
  }
}

constexpr const char* kIdpCert = "keys/idp-rsa2048.cert.pem";

}  // namespace

// SessionDuration edited from 28800 to 43200 after signing: digest mismatch.
TEST(SignatureInvalid, Fires) {
  const std::string xml = ReadTrustFixture("attacks/tampered-session-duration.xml");
  const samlint::CheckResult result = Check(xml, WithCert(kIdpCert));

  const auto found = DiagnosticsWithRule(result, "signature-invalid");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_EQ(d.severity, samlint::Severity::kError);
  EXPECT_THAT(d.message, HasSubstr("not valid"));
  ExpectLocatedWithin(d, xml, "<ds:Signature ");
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "invalid");
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
  const samlint::CheckResult result = Check(xml, WithCert(kIdpCert));

  const auto found = DiagnosticsWithRule(result, "signature-invalid");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_EQ(found[0]->severity, samlint::Severity::kError);
  ExpectLocatedWithin(*found[0], xml, "<ds:Signature ");
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "invalid");
  ExpectNothingSigned(result);
}

// Wrapping attacks whose relied-on signature cannot verify under a conforming
// enveloped-signature transform, and two SignedInfo in one ds:Signature.
TEST(SignatureInvalid, FiresForStructurallyBrokenSignatures) {
  for (const char* file : {"attacks/xsw1.xml", "attacks/xsw6.xml", "attacks/xsw8.xml",
                           "attacks/two-signedinfo.xml"}) {
    SCOPED_TRACE(file);
    const std::string xml = ReadTrustFixture(file);
    const samlint::CheckResult result = Check(xml, WithCert(kIdpCert));
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
  const samlint::CheckResult result = Check(xml, WithCert(kIdpCert));
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
}

// Without a trust anchor nothing is checked: signature-not-checked, not invalid.
TEST(SignatureInvalid, DoesNotFireWithoutATrustAnchor) {
  const std::string xml = ReadTrustFixture("attacks/tampered-session-duration.xml");
  const samlint::CheckResult result = Check(xml, samlint::CheckOptions{});
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "signature-not-checked")) << Describe(result);
}
