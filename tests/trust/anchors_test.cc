// Trust anchors: --cert (PEM or DER, repeatable), --idp-metadata, and
// --require-signature (cli-contract.md § Declarations, § Exit status,
// § Decisions: Default severities, Signatures).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using ::testing::HasSubstr;

const std::string kSigned = "trust/valid/aws-assertion-signed-sha256-exc.xml";
const std::string kUnsigned = "trust/valid/aws-unsigned.xml";
const std::string kIdpCert = "trust/keys/idp-rsa2048.cert.pem";

std::string StatusOf(const Checked& c) {
  const json& s = Get(Get(c.Result(), "signature"), "status");
  return s.is_string() ? s.get<std::string>() : "<no signature.status>";
}

/// A usage error: exit 2, nothing on stdout that looks like a report, and
/// exactly one line on stderr that names `option`.
void ExpectUsageError(const CliRun& run, const std::string& option) {
  EXPECT_EQ(run.exit_code, 2) << run.out << "\n--- stderr:\n" << run.err;
  ASSERT_FALSE(run.err.empty());
  std::string err = run.err;
  if (err.back() == '\n') err.pop_back();
  EXPECT_EQ(err.find('\n'), std::string::npos) << "more than one line on stderr:\n" << run.err;
  EXPECT_THAT(run.err, HasSubstr(option)) << run.err;
}

TEST(TrustAnchors, IdpMetadataVerifies) {
  const Checked c = Check({TestData(kSigned), "--idp-metadata", TestData("trust/keys/idp-metadata.xml")});
  EXPECT_EQ(StatusOf(c), "verified") << c.Dump();
  EXPECT_EQ(Strings(Get(Get(c.Result(), "signature"), "covers")),
            std::vector<std::string>{"assertion"})
      << c.Dump();
  EXPECT_TRUE(Diags(c.Result(), "issuer-mismatch").empty()) << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  ExpectSignedValues(c.Result());
}

TEST(TrustAnchors, IdpMetadataOfAnotherEntityIsIssuerMismatch) {
  const Checked c = Check(
      {TestData(kSigned), "--idp-metadata", TestData("trust/keys/idp-metadata-other-entity.xml")});
  EXPECT_EQ(Severities(c.Result(), "issuer-mismatch"), std::vector<std::string>{"error"})
      << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  // MANIFEST.tsv: the key is right, so the signature itself verifies.
  EXPECT_EQ(StatusOf(c), "verified") << c.Dump();
  const std::vector<json> found = Diags(c.Result(), "issuer-mismatch");
  if (!found.empty()) {
    const json& message = Get(found[0], "message");
    ASSERT_TRUE(message.is_string()) << c.Dump();
    EXPECT_THAT(message.get<std::string>(), HasSubstr("https://other.example.com")) << c.Dump();
  }
}

TEST(TrustAnchors, ExpiredAnchorWarnsAndStillVerifies) {
  const Checked c = Check({TestData("trust/valid/aws-assertion-signed-expired-cert.xml"), "--cert",
                           TestData("trust/keys/idp-expired.cert.pem")});
  EXPECT_EQ(StatusOf(c), "verified") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "certificate-expired"), std::vector<std::string>{"warning"})
      << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  ExpectSignedValues(c.Result());
}

TEST(TrustAnchors, Rsa1024KeyWarnsAndStillVerifies) {
  const Checked c = Check({TestData("trust/valid/aws-assertion-signed-rsa1024.xml"), "--cert",
                           TestData("trust/keys/idp-rsa1024.cert.pem")});
  EXPECT_EQ(StatusOf(c), "verified") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-weak-algorithm"), std::vector<std::string>{"warning"})
      << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
}

TEST(TrustAnchors, PrivateKeyAsCertIsAUsageError) {
  const CliRun run = RunCli({"check", TestData(kSigned), "--cert",
                             TestData("trust/keys/idp-rsa2048.key.pem"), "--format", "json"});
  ExpectUsageError(run, "--cert");
}

TEST(TrustAnchors, TextFileAsCertIsAUsageError) {
  const CliRun run = RunCli(
      {"check", TestData(kSigned), "--cert", TestData("trust/README.md"), "--format", "json"});
  ExpectUsageError(run, "--cert");
}

TEST(TrustAnchors, SamlResponseAsCertIsAUsageError) {
  const CliRun run =
      RunCli({"check", TestData(kSigned), "--cert", TestData(kSigned), "--format", "json"});
  ExpectUsageError(run, "--cert");
}

TEST(TrustAnchors, MissingCertFileIsAUsageError) {
  const CliRun run = RunCli({"check", TestData(kSigned), "--cert",
                             TestData("trust/keys/no-such.cert.pem"), "--format", "json"});
  ExpectUsageError(run, "--cert");
}

TEST(TrustAnchors, RequireSignatureOnUnsignedIsSignatureMissingError) {
  const Checked c = Check({TestData(kUnsigned), "--require-signature"});
  EXPECT_EQ(StatusOf(c), "missing") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-missing"), std::vector<std::string>{"error"})
      << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ExpectNothingSigned(c.Result());
}

TEST(TrustAnchors, UnsignedWithoutAnchorIsSignatureMissingNote) {
  const Checked c = Check({TestData(kUnsigned)});
  EXPECT_EQ(StatusOf(c), "missing") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-missing"), std::vector<std::string>{"note"})
      << c.Dump();
  ExpectNothingSigned(c.Result());
}

TEST(TrustAnchors, SignedWithoutAnchorIsNotCheckedNote) {
  const Checked c = Check({TestData(kSigned)});
  EXPECT_EQ(StatusOf(c), "not-checked") << c.Dump();
  EXPECT_EQ(Strings(Get(Get(c.Result(), "signature"), "covers")), std::vector<std::string>{})
      << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-not-checked"), std::vector<std::string>{"note"})
      << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  ExpectNothingSigned(c.Result());
}

TEST(TrustAnchors, RequireSignatureMakesNotCheckedAnError) {
  const Checked c = Check({TestData(kSigned), "--require-signature"});
  EXPECT_EQ(StatusOf(c), "not-checked") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-not-checked"), std::vector<std::string>{"error"})
      << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
}

TEST(TrustAnchors, CertBeforeInputWorks) {
  // Regression: `check --cert CERT FILE` used to read FILE as a second certificate.
  const CliRun run =
      RunCli({"check", "--cert", TestData(kIdpCert), TestData(kSigned), "--format", "json"});
  const json report = run.Json();
  ASSERT_TRUE(report.is_object()) << run.out << run.err;
  const json& results = Get(report, "results");
  ASSERT_TRUE(results.is_array() && results.size() == 1) << run.out << run.err;
  EXPECT_EQ(Get(results[0], "input"), TestData(kSigned)) << run.out;
  EXPECT_EQ(Get(Get(results[0], "signature"), "status"), "verified") << run.out;
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST(TrustAnchors, RepeatedCertBeforeInputWorks) {
  const CliRun run = RunCli({"check", "--cert", TestData(kIdpCert), "--cert",
                             TestData("trust/keys/idp-rollover-rsa2048.cert.pem"),
                             TestData("trust/valid/aws-assertion-signed-rollover.xml"), "--format",
                             "json"});
  const json report = run.Json();
  ASSERT_TRUE(report.is_object()) << run.out << run.err;
  const json& results = Get(report, "results");
  ASSERT_TRUE(results.is_array() && results.size() == 1) << run.out << run.err;
  EXPECT_EQ(Get(Get(results[0], "signature"), "status"), "verified") << run.out;
}

TEST(TrustAnchors, KeyIsTheAnchorCertificateFingerprint) {
  // `key` is "sha256:" and the certificate's SHA-256 fingerprint: the SHA-256
  // of its DER encoding, which is exactly keys/idp-rsa2048.der.
  if (access("/usr/bin/sha256sum", X_OK) != 0) GTEST_SKIP() << "no /usr/bin/sha256sum";
  const ProcessRun sum = RunProcess({"/usr/bin/sha256sum", TestData("trust/keys/idp-rsa2048.der")});
  ASSERT_EQ(sum.exit_code, 0) << sum.output;
  const std::string expected = "sha256:" + sum.output.substr(0, 64);
  for (const std::string& anchor : {kIdpCert, std::string("trust/keys/idp-rsa2048.der")}) {
    const Checked c = Check({TestData(kSigned), "--cert", TestData(anchor)});
    EXPECT_EQ(Get(Get(c.Result(), "signature"), "key"), expected) << anchor << "\n" << c.Dump();
  }
}

TEST(TrustAnchors, EncryptionOnlyMetadataKeyIsNoSigningAnchor) {
  const Checked c = Check({TestData("trust/attacks/embedded-attacker-key.xml"), "--idp-metadata",
                           TestData("trust/keys/idp-metadata-rollover.xml")});
  EXPECT_EQ(StatusOf(c), "invalid") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-key-untrusted"), std::vector<std::string>{"error"})
      << c.Dump();
  ExpectNothingSigned(c.Result());
  ExpectNoSignedEvilValues(c.Result());
}

}  // namespace
}  // namespace samlint::trust_test
