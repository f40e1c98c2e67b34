// identity/finding_identity: the fingerprint shared by SARIF and --baseline,
// and how a report names an input file.
#include "identity/finding_identity.h"

#include <gtest/gtest.h>

#include <string>

namespace samlint {
namespace {

TEST(FindingIdentity, FingerprintIgnoresNumbersButNotWords) {
  std::string a = FindingFingerprint("lifetime-below-target", "r.xml", "", "aws:saml-console",
                                     "arn:aws:iam::1:role/R", "lasts 3600 s", 0);
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a, FindingFingerprint("lifetime-below-target", "r.xml", "", "aws:saml-console",
                                  "arn:aws:iam::1:role/R", "lasts 7200 s", 0));
  EXPECT_NE(a, FindingFingerprint("lifetime-below-target", "r.xml", "", "aws:saml-console",
                                  "arn:aws:iam::1:role/R", "ends 3600 s", 0));
  EXPECT_NE(a, FindingFingerprint("lifetime-below-target", "other.xml", "", "aws:saml-console",
                                  "arn:aws:iam::1:role/R", "lasts 3600 s", 0));
  EXPECT_NE(a, FindingFingerprint("lifetime-below-target", "r.xml", "", "aws:saml-console",
                                  "arn:aws:iam::1:role/R", "lasts 3600 s", 1));
}

TEST(FindingIdentity, SequenceNumbersEqualFindingsInOrder) {
  FingerprintSequence sequence;
  std::string first = sequence.Next("signature-missing", "r.xml", "", "", "", "No signature 1.");
  std::string other = sequence.Next("xml-malformed", "r.xml", "", "", "", "Broken.");
  std::string second = sequence.Next("signature-missing", "r.xml", "", "", "", "No signature 2.");
  EXPECT_EQ(first,
            FindingFingerprint("signature-missing", "r.xml", "", "", "", "No signature 1.", 0));
  EXPECT_EQ(second,
            FindingFingerprint("signature-missing", "r.xml", "", "", "", "No signature 9.", 1));
  EXPECT_NE(first, second);
  EXPECT_EQ(other, FindingFingerprint("xml-malformed", "r.xml", "", "", "", "Broken.", 0));
}

TEST(FindingIdentity, ResultFingerprintsFollowTheDiagnostics) {
  CheckResult r;
  r.input = "a.xml";
  Diagnostic d;
  d.rule = "signature-missing";
  d.message = "No signature.";
  r.diagnostics = {d, d};
  auto prints = ResultFingerprints(r, "a.xml");
  ASSERT_EQ(prints.size(), 2u);
  EXPECT_EQ(prints[0], FindingFingerprint(d.rule, "a.xml", "", "", "", d.message, 0));
  EXPECT_EQ(prints[1], FindingFingerprint(d.rule, "a.xml", "", "", "", d.message, 1));
}

TEST(FindingIdentity, InputsInsideTheBaseAreRelative) {
  bool inside = false;
  EXPECT_EQ(RelativeInputPath("/repo/idp/r.xml", "/repo/", &inside), "idp/r.xml");
  EXPECT_TRUE(inside);
  EXPECT_EQ(RelativeInputPath("/elsewhere/r.xml", "/repo/", &inside), "/elsewhere/r.xml");
  EXPECT_FALSE(inside);
  EXPECT_EQ(RelativeInputPath("/repo/../repo2/r.xml", "/repo/", &inside), "/repo2/r.xml");
  EXPECT_FALSE(inside);
  EXPECT_EQ(AbsoluteBase("/repo/sub/.."), "/repo/");
}

TEST(FindingIdentity, ArtifactUrisArePercentEncoded) {
  EXPECT_EQ(SarifArtifactUri("/repo/a b/c:d#1.xml", "/repo/"), "a%20b/c%3Ad%231.xml");
  EXPECT_EQ(SarifArtifactUri("/other/x.xml", "/repo/"), "file:///other/x.xml");
  EXPECT_EQ(PercentEncodePath("caf\xC3\xA9"), "caf%C3%A9");
}

TEST(FindingIdentity, PositionsAreInTheFileOnlyForWholeXmlInputs) {
  CheckResult r;
  r.encoding = "xml";
  EXPECT_TRUE(PositionsAreInFile(r));
  r.part = "/log/entries/0";
  EXPECT_FALSE(PositionsAreInFile(r));
  r.part.clear();
  r.encoding = "base64";
  EXPECT_FALSE(PositionsAreInFile(r));
  r.kind = ResultKind::kIdpConfig;
  r.part = "/clients/1";
  EXPECT_TRUE(PositionsAreInFile(r));
}

}  // namespace
}  // namespace samlint
