// Trust anchors: --cert (certificates and bare public keys, PEM or DER,
// repeatable), --idp-metadata, and --require-signature (cli-contract.md
// § Declarations, § Exit status, § Decisions: Default severities, Signatures;
// README § Decisions where the contract is silent: bare public keys).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "samlint/trust.h"
#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using ::testing::HasSubstr;

const std::string kSigned = "trust/valid/aws-assertion-signed-sha256-exc.xml";
const std::string kUnsigned = "trust/valid/aws-unsigned.xml";
const std::string kIdpCert = "trust/keys/idp-rsa2048.cert.pem";
// The idp-rsa2048 key without a certificate (tools/make-anchor-fixtures.sh).
const std::string kSpkiPem = "trust/keys/idp-rsa2048.pub.pem";
const std::string kSpkiDer = "trust/keys/idp-rsa2048.pub.der";
const std::string kPkcs1Pem = "trust/keys/idp-rsa2048.rsapub.pem";

/// "sha256:" + the SHA-256 of a file, or nullopt without /usr/bin/sha256sum.
std::optional<std::string> Sha256Of(const std::string& testdata_path) {
  if (access("/usr/bin/sha256sum", X_OK) != 0) return std::nullopt;
  const ProcessRun sum = RunProcess({"/usr/bin/sha256sum", TestData(testdata_path)});
  if (sum.exit_code != 0 || sum.output.size() < 64) return std::nullopt;
  return "sha256:" + sum.output.substr(0, 64);
}

/// A file in the temporary directory holding `content` (named per process:
/// other checkouts may run the same test at the same time).
std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

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

// ------------------------------------------------------- bare public keys

TEST(TrustAnchorFile, BarePublicKeyFormsAreOneKeyWithoutCertificate) {
  // idp-rsa2048.pub.der is exactly the key's DER SubjectPublicKeyInfo.
  const std::optional<std::string> spki = Sha256Of(kSpkiDer);
  for (const std::string& file : {kSpkiPem, kSpkiDer, kPkcs1Pem}) {
    samlint::TrustStore store;
    const samlint::Status added = samlint::AddCertificateFile(TestData(file), store);
    ASSERT_TRUE(added.ok()) << file << ": " << added.message();
    ASSERT_EQ(store.anchors.size(), 1u) << file;
    const samlint::TrustAnchor& a = store.anchors[0];
    EXPECT_NE(a.key, nullptr) << file << ": a bare key must carry its parsed key";
    EXPECT_TRUE(a.der.empty()) << file << ": a bare key has no certificate";
    EXPECT_TRUE(a.subject.empty()) << file;
    EXPECT_FALSE(a.not_before.has_value()) << file;
    EXPECT_FALSE(a.not_after.has_value()) << file;
    EXPECT_EQ(a.key_type, "rsa") << file;
    EXPECT_EQ(a.key_bits, 2048) << file;
    EXPECT_EQ(a.source, TestData(file));
    EXPECT_EQ(a.fingerprint, a.key_fingerprint) << file;
    EXPECT_EQ(a.fingerprint.rfind("sha256:", 0), 0u) << a.fingerprint;
    EXPECT_EQ(a.fingerprint.size(), 7u + 64u) << a.fingerprint;
    if (spki) {
      EXPECT_EQ(a.fingerprint, *spki) << file;
    }
  }
}

TEST(TrustAnchorFile, CertificateKeepsItsFingerprintAndKnowsItsKey) {
  samlint::TrustStore cert_store, key_store;
  ASSERT_TRUE(samlint::AddCertificateFile(TestData(kIdpCert), cert_store).ok());
  ASSERT_TRUE(samlint::AddCertificateFile(TestData(kSpkiPem), key_store).ok());
  ASSERT_EQ(cert_store.anchors.size(), 1u);
  ASSERT_EQ(key_store.anchors.size(), 1u);
  const samlint::TrustAnchor& cert = cert_store.anchors[0];
  EXPECT_FALSE(cert.der.empty());
  EXPECT_FALSE(cert.subject.empty());
  EXPECT_TRUE(cert.not_before.has_value());
  EXPECT_EQ(cert.key_fingerprint, key_store.anchors[0].fingerprint);
  EXPECT_NE(cert.fingerprint, cert.key_fingerprint);
  if (const auto der = Sha256Of("trust/keys/idp-rsa2048.der")) {
    EXPECT_EQ(cert.fingerprint, *der);
  }
}

TEST(TrustAnchorFile, PemWithCertificateAndKeyGivesBoth) {
  const std::string both =
      TempFile("cert-and-key.pem", ReadFile(TestData(kIdpCert)) + ReadFile(TestData(kPkcs1Pem)));
  samlint::TrustStore store;
  ASSERT_TRUE(samlint::AddCertificateFile(both, store).ok());
  ASSERT_EQ(store.anchors.size(), 2u);
  EXPECT_FALSE(store.anchors[0].der.empty());
  EXPECT_TRUE(store.anchors[1].der.empty());
}

TEST(TrustAnchorFile, MalformedPublicKeyIsAnErrorNamingTheAcceptedForms) {
  // Valid base64, but not a SubjectPublicKeyInfo.
  const std::string bad = TempFile("malformed.pub.pem",
                                   "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n"
                                   "-----END PUBLIC KEY-----\n");
  samlint::TrustStore store;
  const samlint::Status added = samlint::AddCertificateFile(bad, store);
  ASSERT_FALSE(added.ok());
  const std::string& error = added.message();
  EXPECT_TRUE(store.anchors.empty());
  EXPECT_THAT(error, HasSubstr("PUBLIC KEY block"));
  EXPECT_THAT(error, HasSubstr("malformed"));
  EXPECT_THAT(error, HasSubstr("X.509 certificate (PEM or DER)"));
  EXPECT_THAT(error, HasSubstr("BEGIN RSA PUBLIC KEY"));
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
}

TEST(TrustAnchorFile, PrivateKeyIsNoAnchor) {
  samlint::TrustStore store;
  const samlint::Status added =
      samlint::AddCertificateFile(TestData("trust/keys/idp-rsa2048.key.pem"), store);
  ASSERT_FALSE(added.ok());
  EXPECT_TRUE(store.anchors.empty());
  EXPECT_THAT(added.message(), HasSubstr("no certificate or public key"));
  EXPECT_THAT(added.message(), HasSubstr("SubjectPublicKeyInfo"));
}

TEST(TrustAnchors, BarePublicKeyVerifiesWithTheSpkiFingerprintAsKey) {
  const std::optional<std::string> spki = Sha256Of(kSpkiDer);
  for (const std::string& anchor : {kSpkiPem, kSpkiDer, kPkcs1Pem}) {
    const Checked c = Check({TestData(kSigned), "--cert", TestData(anchor)});
    EXPECT_EQ(StatusOf(c), "verified") << anchor << "\n" << c.Dump();
    EXPECT_EQ(Strings(Get(Get(c.Result(), "signature"), "covers")),
              std::vector<std::string>{"assertion"})
        << c.Dump();
    if (spki) {
      EXPECT_EQ(Get(Get(c.Result(), "signature"), "key"), *spki) << anchor << "\n" << c.Dump();
    }
    EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
    EXPECT_TRUE(Diags(c.Result(), "certificate-expired").empty()) << c.Dump();
    EXPECT_TRUE(Diags(c.Result(), "certificate-not-yet-valid").empty()) << c.Dump();
    EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
    ExpectSignedValues(c.Result());
  }
}

// The KeyInfo certificate carries the anchor's own key: a tampered document
// is signature-invalid, not signed by an untrusted key.
TEST(TrustAnchors, BarePublicKeyOnATamperedResponseIsSignatureInvalid) {
  const Checked c = Check(
      {TestData("trust/attacks/tampered-session-duration.xml"), "--cert", TestData(kSpkiPem)});
  EXPECT_EQ(StatusOf(c), "invalid") << c.Dump();
  EXPECT_FALSE(Diags(c.Result(), "signature-invalid").empty()) << c.Dump();
  EXPECT_TRUE(Diags(c.Result(), "signature-key-untrusted").empty()) << c.Dump();
  ExpectNoSignedEvilValues(c.Result());
}

TEST(TrustAnchors, BarePublicKeyRejectsAnAttackerKey) {
  const Checked c =
      Check({TestData("trust/attacks/embedded-attacker-key.xml"), "--cert", TestData(kSpkiPem)});
  EXPECT_EQ(StatusOf(c), "invalid") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-key-untrusted"), std::vector<std::string>{"error"})
      << c.Dump();
  ExpectNothingSigned(c.Result());
  ExpectNoSignedEvilValues(c.Result());
}

TEST(TrustAnchors, Rsa1024BarePublicKeyWarnsAndStillVerifies) {
  if (access("/usr/bin/openssl", X_OK) != 0) GTEST_SKIP() << "no /usr/bin/openssl";
  const std::string pub = TempFile("idp-rsa1024.pub.pem", "");
  const ProcessRun made =
      RunProcess({"/usr/bin/openssl", "pkey", "-in", TestData("trust/keys/idp-rsa1024.key.pem"),
                  "-pubout", "-out", pub});
  ASSERT_EQ(made.exit_code, 0) << made.output;
  const Checked c =
      Check({TestData("trust/valid/aws-assertion-signed-rsa1024.xml"), "--cert", pub});
  EXPECT_EQ(StatusOf(c), "verified") << c.Dump();
  EXPECT_EQ(Severities(c.Result(), "signature-weak-algorithm"), std::vector<std::string>{"warning"})
      << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
}

TEST(TrustAnchors, MalformedPublicKeyIsAUsageError) {
  const std::string bad =
      TempFile("malformed-cli.pub.pem",
               "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n");
  const CliRun run = RunCli({"check", TestData(kSigned), "--cert", bad, "--format", "json"});
  ExpectUsageError(run, "--cert");
  EXPECT_THAT(run.err, HasSubstr("PUBLIC KEY")) << run.err;
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

// ------------------------------------------------- the library functions

TEST(TrustAnchorFile, MetadataGivesItsSigningCertificateAndEntityId) {
  samlint::TrustStore store;
  const samlint::Status added =
      samlint::AddMetadataFile(TestData("trust/keys/idp-metadata.xml"), store);
  ASSERT_TRUE(added.ok()) << added.message();
  EXPECT_FALSE(store.anchors.empty());
  EXPECT_TRUE(store.entity_id.has_value());
  EXPECT_EQ(store.metadata_source, TestData("trust/keys/idp-metadata.xml"));
}

TEST(TrustAnchorFile, MetadataFailuresNameTheFile) {
  samlint::TrustStore store;
  const samlint::Status certificate = samlint::AddMetadataFile(TestData(kIdpCert), store);
  ASSERT_FALSE(certificate.ok());
  EXPECT_EQ(certificate.message(),
            TestData(kIdpCert) + " is not well-formed XML: No document element found");
  const samlint::Status response = samlint::AddMetadataFile(TestData(kUnsigned), store);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.message(),
            TestData(kUnsigned) + " is not SAML metadata (no md:EntityDescriptor)");
  const samlint::Status missing = samlint::AddMetadataFile(TestData("trust/no-such.xml"), store);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.message(), "cannot read " + TestData("trust/no-such.xml"));
  EXPECT_EQ(missing.code(), samlint::StatusCode::kNotFound);
  EXPECT_TRUE(store.anchors.empty());
}

TEST(TrustAnchorFile, ParseCertificateReadsPemAndNamesTheSourceOnFailure) {
  const samlint::Result<samlint::TrustAnchor> anchor =
      samlint::ParseCertificate(ReadFile(TestData(kIdpCert)), "idp.pem");
  ASSERT_TRUE(anchor.ok()) << anchor.error();
  EXPECT_FALSE(anchor->der.empty());
  EXPECT_EQ(anchor->source, "idp.pem");
  const samlint::Result<samlint::TrustAnchor> key =
      samlint::ParseCertificate(ReadFile(TestData(kSpkiPem)), "key.pem");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error(), "no X.509 certificate (PEM or DER) in key.pem");
}

}  // namespace
}  // namespace samlint::trust_test
