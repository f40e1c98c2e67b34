// trust/verify: VerifySignatures' checks of individual ds:Signature elements
// and AlgorithmShortName.
#include "trust/verify.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/extract.h"
#include "samlint/rule_id.h"
#include "support/trust_fixture.h"

namespace samlint {
namespace {

using testing::ReadTrustFixture;
using testing::WithCert;

constexpr std::size_t kNoLimit = 64;

// A fixture's bytes, its facts, and the paths of the Response and its first Assertion.
struct Document {
  explicit Document(const std::string& fixture)
      : xml(ReadTrustFixture(fixture)), doc(ExtractFacts(xml)) {
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
  }
  ElementPath Response() const { return doc.facts.path; }
  ElementPath Assertion() const {
    return doc.facts.assertions.empty() ? ElementPath{} : doc.facts.assertions[0].path;
  }
  VerifyOutcome Verify(const std::vector<ElementPath>& parents, std::size_t max = kNoLimit,
                       const CheckOptions& options = WithCert()) const {
    return VerifySignatures(xml, *options.trust_store, parents, max);
  }

  std::string xml;
  ExtractOutcome doc;
};

TEST(AlgorithmShortName, IsTheFragmentOfTheUri) {
  EXPECT_EQ(AlgorithmShortName("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), "rsa-sha256");
  EXPECT_EQ(AlgorithmShortName("http://www.w3.org/2000/09/xmldsig#sha1"), "sha1");
}

TEST(AlgorithmShortName, AUriWithoutFragmentIsKeptWhole) {
  EXPECT_EQ(AlgorithmShortName("urn:x"), "urn:x");
}

TEST(VerifySignatures, AValidAssertionSignatureSaysWhatItCovers) {
  Document d("valid/aws-assertion-signed-sha256-exc.xml");
  VerifyOutcome v = d.Verify({d.Assertion()});
  ASSERT_TRUE(v.ran) << v.error;
  EXPECT_TRUE(v.ns_well_formed);
  ASSERT_EQ(v.checks.size(), 1U);
  const SignatureCheck& c = v.checks[0];
  EXPECT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.parent_path, d.Assertion());
  EXPECT_EQ(c.covered_path, d.Assertion());
  EXPECT_FALSE(c.whole_document);
  EXPECT_EQ(c.reference_uri, "#" + d.doc.facts.assertions[0].id.value);
  EXPECT_EQ(c.anchor, 0);
  EXPECT_EQ(c.method, "rsa-sha256");
  EXPECT_EQ(c.digest, "sha256");
  EXPECT_NE(c.signed_bytes.find("Assertion"), std::string::npos);
}

// The check of the signature on the first Assertion of `fixture` (a failure
// unless it is the only one verified).
SignatureCheck AssertionCheck(const std::string& fixture,
                              const CheckOptions& options = WithCert()) {
  Document d(fixture);
  VerifyOutcome v = d.Verify({d.Assertion()}, kNoLimit, options);
  EXPECT_EQ(v.checks.size(), 1U);
  return v.checks.empty() ? SignatureCheck{} : v.checks.front();
}

TEST(VerifySignatures, AnotherKeyIsUntrusted) {
  SignatureCheck c = AssertionCheck("valid/aws-assertion-signed-sha256-exc.xml",
                                    WithCert("keys/attacker-rsa2048.cert.pem"));
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.rule, Rule::kSignatureKeyUntrusted);
  EXPECT_EQ(c.anchor, -1);
  EXPECT_TRUE(c.signed_bytes.empty());
}

TEST(VerifySignatures, ATamperedValueIsInvalid) {
  SignatureCheck c = AssertionCheck("attacks/tampered-session-duration.xml");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.rule, Rule::kSignatureInvalid);
  EXPECT_FALSE(c.reason.empty());
}

TEST(VerifySignatures, ASignatureOutOfOrderIsRefusedForItsStructure) {
  Document d("hostile/signedinfo-not-first.xml");
  VerifyOutcome v = d.Verify({d.Assertion()});
  ASSERT_EQ(v.checks.size(), 1U);
  EXPECT_FALSE(v.checks[0].valid);
  EXPECT_EQ(v.checks[0].rule, Rule::kSignatureInvalid);
  EXPECT_NE(v.checks[0].reason.find("not ds:SignedInfo"), std::string::npos) << v.checks[0].reason;
  EXPECT_EQ(v.work.verifications, 0U);
}

// SAML core 5.4.4: enveloped-signature, then at most one canonicalization.
// Anything after a canonicalization would have xmlsec re-parse the canonical
// bytes, so the order is refused before xmlsec runs a transform.
TEST(VerifySignatures, ATransformAfterTheCanonicalizationIsRefusedForItsStructure) {
  for (const char* fixture : {"hostile/transform-after-c14n.xml", "hostile/two-canonicalizations.xml"}) {
    Document d(fixture);
    VerifyOutcome v = d.Verify({d.Assertion()});
    ASSERT_EQ(v.checks.size(), 1U) << fixture;
    EXPECT_FALSE(v.checks[0].valid) << fixture;
    EXPECT_EQ(v.checks[0].rule, Rule::kSignatureInvalid) << fixture;
    EXPECT_NE(v.checks[0].reason.find("after the canonicalization"), std::string::npos)
        << fixture << ": " << v.checks[0].reason;
    EXPECT_EQ(v.work.verifications, 0U) << fixture;
  }
}

TEST(VerifySignatures, EnvelopedThenOneCanonicalizationIsVerified) {
  for (const char* fixture :
       {"valid/aws-assertion-signed-sha256-exc.xml", "valid/aws-assertion-signed-inclusive-c14n.xml"}) {
    Document d(fixture);
    VerifyOutcome v = d.Verify({d.Assertion()});
    ASSERT_EQ(v.checks.size(), 1U) << fixture;
    EXPECT_TRUE(v.checks[0].valid) << fixture << ": " << v.checks[0].reason;
  }
}

TEST(VerifySignatures, TheEnvelopedTransformTwiceIsRefused) {
  Document d("valid/aws-assertion-signed-sha256-exc.xml");
  const std::string enveloped =
      "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>";
  std::size_t at = d.xml.find(enveloped);
  ASSERT_NE(at, std::string::npos);
  d.xml.insert(at, enveloped);
  VerifyOutcome v = d.Verify({d.Assertion()});
  ASSERT_EQ(v.checks.size(), 1U);
  EXPECT_EQ(v.checks[0].rule, Rule::kSignatureInvalid);
  EXPECT_NE(v.checks[0].reason.find("enveloped-signature transform twice"), std::string::npos)
      << v.checks[0].reason;
}

TEST(VerifySignatures, TheEnvelopedTransformIsNoCanonicalizationMethod) {
  Document d("valid/aws-assertion-signed-sha256-exc.xml");
  const std::string method =
      "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>";
  std::size_t at = d.xml.find(method);
  ASSERT_NE(at, std::string::npos);
  d.xml.replace(at, method.size(),
                "<ds:CanonicalizationMethod "
                "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>");
  VerifyOutcome v = d.Verify({d.Assertion()});
  ASSERT_EQ(v.checks.size(), 1U);
  EXPECT_EQ(v.checks[0].rule, Rule::kSignatureInvalid);
  EXPECT_NE(v.checks[0].reason.find("is not a canonicalization algorithm"), std::string::npos)
      << v.checks[0].reason;
  EXPECT_EQ(v.work.verifications, 0U);
}

TEST(VerifySignatures, AnAlgorithmXmlsecLacksIsUnsupported) {
  Document d("hostile/rsa-pss-signature-method.xml");
  VerifyOutcome v = d.Verify({d.Assertion(), d.Response()});
  ASSERT_FALSE(v.checks.empty());
  EXPECT_FALSE(v.checks[0].valid);
  EXPECT_EQ(v.checks[0].rule, Rule::kSignatureAlgorithmUnsupported);
}

TEST(VerifySignatures, ChecksParentsInTheGivenOrder) {
  Document d("valid/aws-both-signed-sha256-exc.xml");
  VerifyOutcome v = d.Verify({d.Response(), d.Assertion()});
  ASSERT_EQ(v.checks.size(), 2U);
  EXPECT_EQ(v.checks[0].parent_path, d.Response());
  EXPECT_EQ(v.checks[1].parent_path, d.Assertion());
  EXPECT_EQ(v.checks[0].covered_path, d.Response());
  EXPECT_EQ(v.work.signatures_seen, 2U);
}

TEST(VerifySignatures, SignaturesBeyondTheLimitAreCountedNotChecked) {
  Document d("valid/aws-both-signed-sha256-exc.xml");
  VerifyOutcome v = d.Verify({d.Assertion(), d.Response()}, 1);
  ASSERT_EQ(v.checks.size(), 1U);
  EXPECT_EQ(v.checks[0].parent_path, d.Assertion());
  EXPECT_EQ(v.over_limit, 1U);
  EXPECT_EQ(v.elsewhere, 0U);
}

TEST(VerifySignatures, SignaturesOnOtherElementsAreCountedElsewhere) {
  Document d("valid/aws-both-signed-sha256-exc.xml");
  VerifyOutcome v = d.Verify({d.Assertion()});
  EXPECT_EQ(v.checks.size(), 1U);
  EXPECT_EQ(v.over_limit, 0U);
  EXPECT_EQ(v.elsewhere, 1U);
}

TEST(VerifySignatures, ADocumentLibxml2CannotParseDoesNotRun) {
  VerifyOutcome v = VerifySignatures("<a><b></a>", *WithCert().trust_store, {}, kNoLimit);
  EXPECT_FALSE(v.ran);
  EXPECT_FALSE(v.error.empty());
}

TEST(VerifySignatures, ReportsNamespacesLibxml2FindsNotWellFormed) {
  VerifyOutcome v = VerifySignatures("<a><p:b/></a>", *WithCert().trust_store, {}, kNoLimit);
  EXPECT_TRUE(v.ran) << v.error;
  EXPECT_FALSE(v.ns_well_formed);
}

}  // namespace
}  // namespace samlint
