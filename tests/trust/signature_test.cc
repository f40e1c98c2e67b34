// trust/signature: AssessSignatures' verdict (status, covers, which assertion's
// values are taken and whether they are signed) on the signed fixtures.
#include "trust/signature.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/extract.h"
#include "samlint/rule_id.h"
#include "support/trust_fixture.h"

namespace samlint {
namespace {

using testing::ReadTrustFixture;
using testing::WithCert;

// One document judged under `options`: its facts, the verdict and the findings.
// Not copyable: the verdict points into the facts.
struct Assessed {
  Assessed(const std::string& fixture, const CheckOptions& options)
      : xml(ReadTrustFixture(fixture)), doc(ExtractFacts(xml)) {
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
    read = doc.facts.assertions.empty() ? nullptr : &doc.facts.assertions[0];
    verdict = AssessSignatures(xml, doc.facts, read, Cloud::kAws, std::nullopt, options, out);
  }
  Assessed(const Assessed&) = delete;
  Assessed& operator=(const Assessed&) = delete;

  bool Reports(RuleId rule) const {
    return std::any_of(out.begin(), out.end(),
                       [&](const Diagnostic& d) { return d.rule == rule.name(); });
  }

  std::string xml;
  ExtractOutcome doc;
  const AssertionFact* read = nullptr;
  TrustVerdict verdict;
  std::vector<Diagnostic> out;
};

using Covers = std::vector<std::string>;

// The verdict has `status` and `covers`, takes the read assertion's values, and
// calls them signed or not.
void ExpectVerdict(const Assessed& a, const std::string& status, const Covers& covers,
                   bool values_signed) {
  EXPECT_EQ(a.verdict.summary.status, status);
  EXPECT_EQ(a.verdict.summary.covers, covers);
  EXPECT_EQ(a.verdict.values_from, a.read);
  EXPECT_EQ(a.verdict.values_signed, values_signed);
  EXPECT_EQ(a.verdict.signed_view.has_value(), values_signed);
}

TEST(AssessSignatures, WithoutAnAnchorNothingIsSigned) {
  Assessed a("valid/aws-assertion-signed-sha256-exc.xml", CheckOptions{});
  ExpectVerdict(a, "not-checked", Covers{}, false);
  EXPECT_TRUE(a.Reports(Rule::kSignatureNotChecked));
}

TEST(AssessSignatures, AnAssertionSignedWithTheAnchorSignsItsValues) {
  Assessed a("valid/aws-assertion-signed-sha256-exc.xml", WithCert());
  ExpectVerdict(a, "verified", Covers{"assertion"}, true);
  EXPECT_EQ(a.verdict.summary.algorithm, "rsa-sha256");
  ASSERT_TRUE(a.verdict.signed_view.has_value());
  EXPECT_TRUE(AssertionDifferences(*a.read, *a.verdict.signed_view).empty());
  EXPECT_EQ(a.verdict.work.verifications, 1U);
}

TEST(AssessSignatures, AResponseSignatureOverItsOnlyAssertionSignsItsValues) {
  Assessed a("valid/aws-response-signed-sha256-exc.xml", WithCert());
  ExpectVerdict(a, "verified", Covers{"response"}, true);
}

TEST(AssessSignatures, AResponseSignatureOverTwoAssertionsSignsNoValues) {
  Assessed a("hostile/response-signed-two-assertions.xml", WithCert());
  ExpectVerdict(a, "invalid", Covers{"response"}, false);
  ASSERT_TRUE(a.Reports(Rule::kSignatureNotCoveringAssertion));
  EXPECT_TRUE(std::any_of(a.out.begin(), a.out.end(), [](const Diagnostic& d) {
    return d.message.find("carries 2 assertions") != std::string::npos;
  }));
}

TEST(AssessSignatures, ASignedAssertionBehindTheReadOneGivesTheValues) {
  // XSW3: the cloud reads an unsigned attacker Assertion placed first.
  Assessed a("attacks/xsw3.xml", WithCert());
  EXPECT_EQ(a.verdict.summary.status, "invalid");
  ASSERT_EQ(a.doc.facts.assertions.size(), 2U);
  EXPECT_EQ(a.verdict.values_from, &a.doc.facts.assertions[1]);
  EXPECT_TRUE(a.verdict.values_signed);
  EXPECT_TRUE(a.Reports(Rule::kSignatureNotCoveringAssertion));
}

TEST(AssessSignatures, AnotherKeysSignatureIsUntrusted) {
  Assessed a("valid/aws-assertion-signed-sha256-exc.xml",
             WithCert("keys/attacker-rsa2048.cert.pem"));
  ExpectVerdict(a, "invalid", Covers{}, false);
  EXPECT_TRUE(a.Reports(Rule::kSignatureKeyUntrusted));
}

TEST(AssessSignatures, ATamperedValueBreaksTheSignature) {
  Assessed a("attacks/tampered-session-duration.xml", WithCert());
  ExpectVerdict(a, "invalid", Covers{}, false);
  EXPECT_TRUE(a.Reports(Rule::kSignatureInvalid));
}

TEST(AssessSignatures, AnUnsignedResponseWithAnAnchorIsAMissingError) {
  Assessed a("valid/aws-unsigned.xml", WithCert());
  ExpectVerdict(a, "missing", Covers{}, false);
  ASSERT_TRUE(a.Reports(Rule::kSignatureMissing));
  EXPECT_EQ(a.out.back().severity, Severity::kError);
}

TEST(AssessSignatures, AWeakKeyIsVerifiedWithAWarning) {
  Assessed a("valid/aws-assertion-signed-rsa1024.xml", WithCert("keys/idp-rsa1024.cert.pem"));
  ExpectVerdict(a, "verified", Covers{"assertion"}, true);
  EXPECT_TRUE(a.Reports(Rule::kSignatureWeakAlgorithm));
}

TEST(AssessSignatures, APrecomputedOutcomeIsNotVerifiedAgain) {
  const std::string xml = ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml");
  ExtractOutcome doc = ExtractFacts(xml);
  ASSERT_EQ(doc.status, ExtractStatus::kOk);
  const AssertionFact* read = &doc.facts.assertions[0];
  CheckOptions options = WithCert();
  VerifyOutcome once = VerifyResponse(xml, doc.facts, read, *options.trust_store, options.limits);
  ASSERT_TRUE(once.ran) << once.error;
  once.work.verifications = 0;  // marks the outcome given: a verdict of a new run would count 1
  std::vector<Diagnostic> out;
  TrustVerdict v =
      AssessSignatures(xml, doc.facts, read, Cloud::kAws, std::nullopt, options, out, &once);
  EXPECT_EQ(v.summary.status, "verified");
  EXPECT_EQ(v.work.verifications, 0U);
}

TEST(NeedsVerification, NeedsAnAnchorAndASignature) {
  ExtractOutcome signed_doc =
      ExtractFacts(ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml"));
  ExtractOutcome unsigned_doc = ExtractFacts(ReadTrustFixture("valid/aws-unsigned.xml"));
  EXPECT_TRUE(NeedsVerification(signed_doc.facts, WithCert()));
  EXPECT_FALSE(NeedsVerification(signed_doc.facts, CheckOptions{}));
  EXPECT_FALSE(NeedsVerification(unsigned_doc.facts, WithCert()));
}

TEST(VerifyResponse, VerifiesTheReadAssertionsSignatureFirst) {
  const std::string xml = ReadTrustFixture("valid/aws-both-signed-sha256-exc.xml");
  ExtractOutcome doc = ExtractFacts(xml);
  ASSERT_EQ(doc.status, ExtractStatus::kOk);
  CheckOptions options = WithCert();
  VerifyOutcome v = VerifyResponse(xml, doc.facts, &doc.facts.assertions[0], *options.trust_store,
                                   options.limits);
  ASSERT_TRUE(v.ran) << v.error;
  ASSERT_EQ(v.checks.size(), 2U);
  EXPECT_EQ(v.checks[0].parent_path, doc.facts.assertions[0].path);
  EXPECT_EQ(v.checks[1].parent_path, doc.facts.path);
  EXPECT_TRUE(v.checks[0].valid && v.checks[1].valid);
}

}  // namespace
}  // namespace samlint
