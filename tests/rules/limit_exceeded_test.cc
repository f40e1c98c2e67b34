// limit-exceeded (error, input): an input reached a work limit; the finding
// names the limit and the --limit option that raises it, and the work done
// stays within the limit. (Trust issue § Bounded work; README § Limits.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "support/trust_fixture.h"

using namespace samlint::testing;
using ::testing::HasSubstr;

namespace {

constexpr const char* kSigned = "valid/aws-assertion-signed-sha256-exc.xml";

// The signed fixture with `copies` more copies of its Assertion's signature.
std::string WithSignatureCopies(int copies) {
  std::string xml = ReadTrustFixture(kSigned);
  const std::size_t start = xml.find("<ds:Signature ");
  const std::string end_tag = "</ds:Signature>";
  const std::size_t end = xml.find(end_tag, start) + end_tag.size();
  const std::string signature = xml.substr(start, end - start);
  std::string more;
  for (int i = 0; i < copies; ++i) more += signature;
  xml.insert(end, more);
  return xml;
}

}  // namespace

TEST(LimitExceeded, FiresForTooManySignatures) {
  const std::string xml = WithSignatureCopies(40);
  const samlint::CheckResult result = CheckXml(xml, WithCert());
  const auto found = DiagnosticsWithRule(result, "limit-exceeded");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_EQ(found[0]->severity, samlint::Severity::kError);
  EXPECT_THAT(found[0]->message, HasSubstr("41 ds:Signature"));
  EXPECT_THAT(found[0]->message, HasSubstr("signatures=16"));
  EXPECT_THAT(found[0]->message, HasSubstr("--limit signatures=N"));
  // Only the limit's worth of signatures was verified, with the one anchor.
  EXPECT_EQ(result.work.signatures_seen, 41u);
  EXPECT_LE(result.work.verifications, 16u);
  EXPECT_LE(result.work.canonicalizations, 2u * 16u);
  ExpectNothingSigned(result);
}

TEST(LimitExceeded, RaisedLimitVerifiesThemAll) {
  samlint::CheckOptions options = WithCert();
  options.limits.signatures = 64;
  const samlint::CheckResult result = CheckXml(WithSignatureCopies(40), options);
  EXPECT_FALSE(HasRule(result, "limit-exceeded")) << Describe(result);
  EXPECT_EQ(result.work.verifications, 41u);
}

TEST(LimitExceeded, FiresForTooManyXmlNodes) {
  samlint::CheckOptions options;
  options.limits.xml_nodes = 50;
  const samlint::CheckResult result = CheckXml(ReadTrustFixture(kSigned), options);
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  const samlint::Diagnostic* d = FindDiagnostic(result, "limit-exceeded");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_THAT(d->message, HasSubstr("more than 50 nodes"));
  EXPECT_THAT(d->message, HasSubstr("--limit xml-nodes=N"));
}

TEST(LimitExceeded, DoesNotFireForARealResponse) {
  const samlint::CheckResult result = CheckXml(ReadTrustFixture(kSigned), WithCert());
  EXPECT_FALSE(HasRule(result, "limit-exceeded")) << Describe(result);
  EXPECT_EQ(result.work.signatures_seen, 1u);
  EXPECT_EQ(result.work.verifications, 1u);
  EXPECT_EQ(result.work.canonicalizations, 2u);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
}
