// samlint agrees with the Debian xmlsec1 CLI on the cryptography:
//   xmlsec1 --verify --pubkey-cert-pem CERT
//           --id-attr:ID urn:oasis:names:tc:SAML:2.0:protocol:Response
//           --id-attr:ID urn:oasis:names:tc:SAML:2.0:assertion:Assertion FILE
// exits 0 ⇔ samlint reports "verified"; exits non-zero ⇔ samlint reports
// "invalid". The cases are the MANIFEST.tsv rows with one --cert anchor whose
// recorded xmlsec1 verdict is OK or FAIL, minus encrypted files and minus the
// wrapping attacks (rules signature-not-covering-assertion,
// xml-comment-in-value, multiple-assertions), where xmlsec1 is fooled and
// samlint must disagree: those are checked separately below.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

constexpr const char* kXmlsec1 = "/usr/bin/xmlsec1";

bool HasXmlsec1() { return access(kXmlsec1, X_OK) == 0; }

bool IsWrappingCase(const ManifestRow& row) {
  for (const std::string& rule : ListColumn(row.rules)) {
    if (rule == "signature-not-covering-assertion" || rule == "xml-comment-in-value" ||
        rule == "multiple-assertions") {
      return true;
    }
  }
  return false;
}

bool IsSingleCert(const ManifestRow& row) {
  const std::vector<std::string> tokens = Split(row.anchors, ' ');
  return tokens.size() == 2 && tokens[0] == "--cert";
}

bool IsEncrypted(const ManifestRow& row) {
  return row.file.find("encrypted") != std::string::npos;
}

std::vector<ManifestRow> AgreementRows() {
  std::vector<ManifestRow> out;
  for (const ManifestRow& row : LoadManifest()) {
    if ((row.xmlsec1 == "OK" || row.xmlsec1 == "FAIL") && IsSingleCert(row) && !IsEncrypted(row) &&
        !IsWrappingCase(row)) {
      out.push_back(row);
    }
  }
  return out;
}

std::vector<ManifestRow> WrappingRowsXmlsec1Accepts() {
  std::vector<ManifestRow> out;
  for (const ManifestRow& row : LoadManifest()) {
    if (row.xmlsec1 == "OK" && IsSingleCert(row) && row.status == "invalid" &&
        IsWrappingCase(row)) {
      out.push_back(row);
    }
  }
  return out;
}

/// xmlsec1's verdict on `file` (relative to testdata/trust) with one certificate.
ProcessRun Xmlsec1Verify(const std::string& file, const std::string& cert) {
  const bool der = cert.size() >= 4 && cert.compare(cert.size() - 4, 4, ".der") == 0;
  return RunProcess({kXmlsec1, "--verify", der ? "--pubkey-cert-der" : "--pubkey-cert-pem",
                     TestData("trust/" + cert), "--id-attr:ID",
                     "urn:oasis:names:tc:SAML:2.0:protocol:Response", "--id-attr:ID",
                     "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", TestData("trust/" + file)});
}

std::string SamlintStatus(const ManifestRow& row, Checked* out) {
  std::vector<std::string> args{TestData("trust/" + row.file)};
  for (const std::string& a : AnchorArgs(row.anchors)) args.push_back(a);
  *out = Check(args);
  const json& status = Get(Get(out->Result(), "signature"), "status");
  return status.is_string() ? status.get<std::string>() : "<no signature.status>";
}

TEST(TrustXmlsec1AgreementCases, CoverTheSingleCertificateFixtures) {
  std::vector<std::string> files;
  for (const ManifestRow& row : AgreementRows()) files.push_back(row.file);
  for (const char* f : {"valid/aws-assertion-signed-sha256-exc.xml",
                        "valid/aws-response-signed-sha256-exc.xml",
                        "valid/aws-both-signed-sha256-exc.xml", "valid/aws-assertion-signed-sha1.xml",
                        "valid/aws-assertion-signed-inclusive-c14n.xml",
                        "valid/aws-assertion-signed-rsa1024.xml",
                        "valid/aws-assertion-signed-ec256.xml",
                        "valid/aws-assertion-signed-rollover.xml",
                        "valid/aws-assertion-signed-expired-cert.xml",
                        "valid/aliyun-assertion-signed.xml", "valid/aliyun-response-only-signed.xml",
                        "attacks/tampered-session-duration.xml",
                        "attacks/tampered-signature-value.xml",
                        "attacks/embedded-attacker-key.xml"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), f), files.end()) << f;
  }
}

class TrustXmlsec1Agreement : public ::testing::TestWithParam<ManifestRow> {};

TEST_P(TrustXmlsec1Agreement, SameVerdict) {
  if (!HasXmlsec1()) GTEST_SKIP() << kXmlsec1 << " is not installed";
  const ManifestRow& row = GetParam();
  SCOPED_TRACE(row.description);
  const std::string cert = AnchorValues(row.anchors, "--cert").at(0);

  const ProcessRun x = Xmlsec1Verify(row.file, cert);
  ASSERT_NE(x.exit_code, -1) << "could not run " << kXmlsec1;
  const bool xmlsec1_ok = x.exit_code == 0;
  // The verdict recorded when the fixtures were made still holds.
  EXPECT_EQ(xmlsec1_ok ? "OK" : "FAIL", row.xmlsec1) << x.output;

  Checked c;
  const std::string status = SamlintStatus(row, &c);
  if (xmlsec1_ok) {
    EXPECT_EQ(status, "verified") << "xmlsec1 says OK:\n" << x.output << "\n" << c.Dump();
  } else {
    EXPECT_EQ(status, "invalid") << "xmlsec1 says FAIL:\n" << x.output << "\n" << c.Dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, TrustXmlsec1Agreement, ::testing::ValuesIn(AgreementRows()),
                         TestDataName);

// Where xmlsec1 accepts a wrapped response (it checks the cryptography of the
// first signature, not which element the cloud reads), samlint says invalid.
class TrustXmlsec1DeliberateDisagreement : public ::testing::TestWithParam<ManifestRow> {};

TEST_P(TrustXmlsec1DeliberateDisagreement, Xmlsec1OkSamlintInvalid) {
  if (!HasXmlsec1()) GTEST_SKIP() << kXmlsec1 << " is not installed";
  const ManifestRow& row = GetParam();
  SCOPED_TRACE(row.description);
  const ProcessRun x = Xmlsec1Verify(row.file, AnchorValues(row.anchors, "--cert").at(0));
  EXPECT_EQ(x.exit_code, 0) << "xmlsec1 is no longer fooled:\n" << x.output;
  Checked c;
  EXPECT_EQ(SamlintStatus(row, &c), "invalid") << c.Dump();
}

INSTANTIATE_TEST_SUITE_P(Rows, TrustXmlsec1DeliberateDisagreement,
                         ::testing::ValuesIn(WrappingRowsXmlsec1Accepts()), TestDataName);

}  // namespace
}  // namespace samlint::trust_test
