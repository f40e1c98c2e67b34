// One view: the values samlint reports as signed are the ones the verified
// bytes hold. Documents that two XML readers could read differently are
// refused before either reads them (a declared encoding other than UTF-8,
// bytes that are not UTF-8, illegal namespace declarations, repeated
// attributes), and the covering signature's canonical form is read again and
// compared with what the extraction read. (Trust issue § One view.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/extract.h"
#include "rules/rule_test_util.h"
#include "support/trust_fixture.h"
#include "trust/signature.h"

using namespace samlint::testing;
using ::testing::HasSubstr;

namespace {

constexpr const char* kSigned = "valid/aws-assertion-signed-sha256-exc.xml";
constexpr const char* kResponseSigned = "valid/aws-response-signed-sha256-exc.xml";
constexpr const char* kAuthn = "<saml:AuthnStatement ";

void ExpectRefused(const samlint::CheckResult& result, const std::string& needle) {
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable) << Describe(result);
  const samlint::Diagnostic* d = FindDiagnostic(result, "xml-malformed");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr(needle));
  EXPECT_FALSE(result.signature.has_value());
  EXPECT_TRUE(result.evaluations.empty());
}

}  // namespace

TEST(OneView, RefusesADeclaredEncodingOtherThanUtf8) {
  for (const char* encoding : {"UTF-7", "ISO-8859-1", "UTF-16", "us-ascii"}) {
    const std::string xml = ReplaceFirst(ReadTrustFixture(kSigned), "encoding=\"UTF-8\"",
                                         std::string("encoding=\"") + encoding + "\"");
    SCOPED_TRACE(encoding);
    ExpectRefused(CheckXml(xml, WithCert()), std::string("\"") + encoding + "\"");
  }
}

TEST(OneView, AcceptsUtf8SpelledAnyWay) {
  for (const char* encoding : {"utf-8", "UTF8"}) {
    const std::string xml = ReplaceFirst(ReadTrustFixture(kSigned), "encoding=\"UTF-8\"",
                                         std::string("encoding='") + encoding + "'");
    const samlint::CheckResult result = CheckXml(xml, WithCert());
    ASSERT_TRUE(result.signature.has_value()) << Describe(result);
    EXPECT_EQ(result.signature->status, "verified") << encoding;
  }
}

TEST(OneView, RefusesBytesThatAreNotUtf8) {
  SamlBuilder b;
  b.name_id = "caf\xE9@example.com";  // Latin-1, not UTF-8
  ExpectRefused(CheckXml(b.Build()), "not valid UTF-8");
  b.name_id = "\xED\xA0\x80@example.com";  // an encoded surrogate
  ExpectRefused(CheckXml(b.Build()), "not valid UTF-8");
  b.name_id = std::string("nul\0@example.com", 16);  // XML has no U+0000
  ExpectRefused(CheckXml(b.Build()), "not valid UTF-8");
  b.name_id = "caf\xC3\xA9@example.com";  // é in UTF-8 is fine
  EXPECT_NE(CheckXml(b.Build()).kind, samlint::ResultKind::kUnreadable);
}

// libxml2 drops these declarations, so the signature still verifies over the
// original; a reader that honoured them would lose the signed AuthnStatement.
TEST(OneView, RefusesIllegalNamespaceDeclarations) {
  for (const char* declaration :
       {"xmlns:saml=\"\"", "xmlns:saml=\"http://www.w3.org/XML/1998/namespace\"",
        "xmlns:saml=\"http://www.w3.org/2000/xmlns/\"", "xmlns:xml=\"urn:x\"",
        "xmlns:xmlns=\"urn:x\"", "xmlns=\"http://www.w3.org/2000/xmlns/\""}) {
    SCOPED_TRACE(declaration);
    const std::string xml =
        ReplaceFirst(ReadTrustFixture(kSigned), kAuthn, std::string(kAuthn) + declaration + " ");
    ExpectRefused(CheckXml(xml, WithCert()), "namespace");
  }
}

TEST(OneView, RefusesARepeatedAttribute) {
  const std::string xml =
      ReplaceFirst(ReadTrustFixture(kSigned), kAuthn,
                   std::string(kAuthn) + "SessionNotOnOrAfter=\"2026-11-24T00:00:00Z\" ");
  ExpectRefused(CheckXml(xml, WithCert()), "appears twice");
}

// A reader that disagrees with the verified bytes is caught: the read facts
// are edited (as a differential parser would read them) and the signature is
// judged again.
class OneViewComparison : public ::testing::TestWithParam<const char*> {};

TEST_P(OneViewComparison, AReadingThatDiffersFromTheVerifiedBytesIsNotSigned) {
  const std::string xml = ReadTrustFixture(GetParam());
  samlint::ExtractOutcome extracted = samlint::ExtractFacts(xml);
  ASSERT_EQ(extracted.status, samlint::ExtractStatus::kOk) << extracted.error;
  samlint::CheckOptions options = WithCert();

  {  // Unedited: verified, and the signed view is what was read.
    std::vector<samlint::Diagnostic> out;
    const samlint::ResponseFacts& facts = extracted.facts;
    samlint::TrustVerdict v = samlint::AssessSignatures(
        xml, facts, &facts.assertions.front(), samlint::Cloud::kAws, std::nullopt, options, out);
    EXPECT_EQ(v.summary.status, "verified");
    EXPECT_TRUE(v.values_signed);
    ASSERT_TRUE(v.signed_view.has_value());
    EXPECT_TRUE(samlint::AssertionDifferences(facts.assertions.front(), *v.signed_view).empty());
  }

  samlint::ResponseFacts edited = extracted.facts;
  samlint::AssertionFact& read = edited.assertions.front();
  bool changed = false;
  for (samlint::AttributeFact& a : read.attributes) {
    if (a.name == "https://aws.amazon.com/SAML/Attributes/SessionDuration") {
      a.values.front().value = "43200";
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  read.authn_statements.clear();  // the signed SessionNotOnOrAfter "vanishes"
  std::vector<samlint::Diagnostic> out;
  samlint::TrustVerdict v = samlint::AssessSignatures(xml, edited, &read, samlint::Cloud::kAws,
                                                      std::nullopt, options, out);
  EXPECT_EQ(v.summary.status, "invalid");
  EXPECT_FALSE(v.values_signed);
  const samlint::Diagnostic* d = nullptr;
  for (const samlint::Diagnostic& x : out) {
    if (x.rule == "signature-not-covering-assertion") d = &x;
  }
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr("AuthnStatement"));
  EXPECT_THAT(d->message,
              HasSubstr("Attribute https://aws.amazon.com/SAML/Attributes/SessionDuration"));
}

INSTANTIATE_TEST_SUITE_P(AssertionAndResponseSigned, OneViewComparison,
                         ::testing::Values(kSigned, kResponseSigned));

TEST(AssertionDifferences, ComparesValuesNotPositions) {
  const std::string xml = ReadTrustFixture(kSigned);
  samlint::ExtractOutcome a = samlint::ExtractFacts(xml);
  ASSERT_EQ(a.status, samlint::ExtractStatus::kOk);
  // The same document with more indentation: other offsets, same values.
  std::string shifted = xml;
  for (std::size_t at = shifted.find("\n  <"); at != std::string::npos;
       at = shifted.find("\n  <", at + 4)) {
    shifted.insert(at + 1, "  ");
  }
  samlint::ExtractOutcome b = samlint::ExtractFacts(shifted);
  ASSERT_EQ(b.status, samlint::ExtractStatus::kOk);
  EXPECT_TRUE(samlint::AssertionDifferences(a.facts.assertions.front(), b.facts.assertions.front())
                  .empty());
  samlint::AssertionFact other = b.facts.assertions.front();
  other.name_id.value = "mallory@example.com";
  other.audiences.clear();
  EXPECT_EQ(samlint::AssertionDifferences(a.facts.assertions.front(), other),
            (std::vector<std::string>{"Subject/NameID", "the number of Audience elements"}));
}

// libxml2 reads a forced-UTF-8 memory input over 10 MB only when told to lift
// its own size guard; samlint's limits bound the input before it gets there.
TEST(OneView, VerifiesADocumentOverTenMegabytes) {
  const std::string xml =
      ReadTrustFixture(kSigned) + "<!--" + std::string(std::size_t{11} << 20, 'x') + "-->\n";
  const samlint::CheckResult result = CheckXml(xml, WithCert());
  ASSERT_TRUE(result.signature.has_value()) << Describe(result);
  EXPECT_EQ(result.signature->status, "verified") << Describe(result);
}
