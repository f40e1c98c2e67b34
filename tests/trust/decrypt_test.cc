// EncryptedAssertion fixtures (valid/aws-encrypted-assertion.xml: aes128-cbc;
// valid/aws-encrypted-assertion-gcm.xml: aes256-gcm; both RSA-OAEP to
// sp-rsa2048), decrypted with --sp-key. cli-contract.md: --sp-key decrypts an
// EncryptedAssertion; encrypted-assertion-no-key is a trust rule (error); a
// factor is "signed": true only when a valid trusted signature covers it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using ::testing::HasSubstr;

const std::string kIdpCert = "trust/keys/idp-rsa2048.cert.pem";
const std::string kSpKey = "trust/keys/sp-rsa2048.key.pem";
const std::string kWrongKey = "trust/keys/attacker-rsa2048.key.pem";

std::string FixtureName(const ::testing::TestParamInfo<std::string>& param_info) {
  return Camel(param_info.param);
}

class TrustDecrypt : public ::testing::TestWithParam<std::string> {
 protected:
  std::string File() const { return TestData("trust/valid/" + GetParam() + ".xml"); }
};

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

/// The result could read nothing: the no-key error, and no document factor.
void ExpectNothingRead(const Checked& c) {
  const json& result = c.Result();
  const std::vector<json> found = Diags(result, "encrypted-assertion-no-key");
  ASSERT_EQ(found.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(found[0], "severity"), "error") << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  EXPECT_EQ(CountDocumentFactors(result), 0) << "factors read from an encrypted assertion\n"
                                             << c.Dump();
  EXPECT_NE(Get(Get(result, "signature"), "status"), "verified") << c.Dump();
  EXPECT_EQ(Get(Get(result, "signature"), "covers"), json::array()) << c.Dump();
  ExpectNoSignedEvilValues(result);
}

TEST_P(TrustDecrypt, WithoutSpKeyNothingIsRead) {
  const Checked c = Check({File(), "--cert", TestData(kIdpCert)});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ExpectNothingRead(c);
  // MANIFEST.tsv proposes not-checked (the signature is inside the ciphertext).
  EXPECT_EQ(Get(Get(c.Result(), "signature"), "status"), "not-checked") << c.Dump();
}

TEST_P(TrustDecrypt, WithoutSpKeyOrAnchorNothingIsRead) {
  const Checked c = Check({File()});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ExpectNothingRead(c);
}

TEST_P(TrustDecrypt, WithSpKeyAndAnchorTheSignedAssertionVerifies) {
  const Checked c = Check({File(), "--cert", TestData(kIdpCert), "--sp-key", TestData(kSpKey)});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  const json& result = c.Result();
  EXPECT_EQ(Get(result, "kind"), "saml-response") << c.Dump();
  const json& sig = Get(result, "signature");
  EXPECT_EQ(Get(sig, "status"), "verified") << c.Dump();
  EXPECT_EQ(Strings(Get(sig, "covers")), std::vector<std::string>{"assertion"}) << c.Dump();
  EXPECT_EQ(Get(sig, "algorithm"), "rsa-sha256") << c.Dump();
  EXPECT_EQ(Get(sig, "digest"), "sha256") << c.Dump();
  EXPECT_TRUE(Diags(result, "encrypted-assertion-no-key").empty()) << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(result)) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();

  // The factors come from the decrypted assertion, signed.
  int session_duration_factors = 0;
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (Get(f, "name") != "session_duration_attribute") return;
    ++session_duration_factors;
    EXPECT_EQ(Get(f, "seconds"), kSignedDuration) << where << ": " << f.dump();
    EXPECT_EQ(Get(f, "signed"), true) << where << ": " << f.dump();
    EXPECT_EQ(Get(f, "assumed"), false) << where << ": " << f.dump();
  });
  EXPECT_GE(session_duration_factors, 1) << "no session_duration_attribute factor\n" << c.Dump();
  int session_not_on_or_after = 0;
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (Get(f, "name") != "session_not_on_or_after") return;
    ++session_not_on_or_after;
    EXPECT_EQ(Get(f, "seconds"), 36000) << where << ": " << f.dump();
    EXPECT_EQ(Get(f, "signed"), true) << where << ": " << f.dump();
  });
  EXPECT_GE(session_not_on_or_after, 1) << c.Dump();
  ExpectSignedValues(result);
  ExpectNoSignedEvilValues(result);
}

TEST_P(TrustDecrypt, WithSpKeyButNoAnchorValuesAreReadButNotSigned) {
  // Decrypted, signed, nothing to check it against: not-checked, and the
  // values are reported with "signed": false.
  const Checked c = Check({File(), "--sp-key", TestData(kSpKey)});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  const json& result = c.Result();
  EXPECT_EQ(Get(Get(result, "signature"), "status"), "not-checked") << c.Dump();
  EXPECT_TRUE(Diags(result, "encrypted-assertion-no-key").empty()) << c.Dump();
  EXPECT_EQ(Severities(result, "signature-not-checked"), std::vector<std::string>{"note"})
      << c.Dump();
  int session_duration_factors = 0;
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (Get(f, "name") != "session_duration_attribute") return;
    ++session_duration_factors;
    EXPECT_EQ(Get(f, "seconds"), kSignedDuration) << where << ": " << f.dump();
  });
  EXPECT_GE(session_duration_factors, 1) << c.Dump();
  ExpectNothingSigned(result);
}

TEST_P(TrustDecrypt, WithTheWrongKeyItSaysItCouldNotDecrypt) {
  const Checked c =
      Check({File(), "--cert", TestData(kIdpCert), "--sp-key", TestData(kWrongKey)});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ExpectNothingRead(c);
  const std::vector<json> found = Diags(c.Result(), "encrypted-assertion-no-key");
  ASSERT_FALSE(found.empty()) << c.Dump();
  const json& message = Get(found[0], "message");
  ASSERT_TRUE(message.is_string()) << c.Dump();
  EXPECT_THAT(Lower(message.get<std::string>()), HasSubstr("could not be decrypted")) << c.Dump();
}

TEST(TrustDecryptOptions, UnreadableSpKeyIsAUsageError) {
  const CliRun run = RunCli({"check", TestData("trust/valid/aws-encrypted-assertion.xml"),
                             "--sp-key", TestData("trust/no-such-key.pem"), "--format", "json"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("--sp-key")) << run.err;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TrustDecrypt,
                         ::testing::Values("aws-encrypted-assertion", "aws-encrypted-assertion-gcm"),
                         FixtureName);

}  // namespace
}  // namespace samlint::trust_test
