// limit-exceeded (error): an input reached one of samlint's work limits; the
// message names the limit and the option that raises it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/limits.h"
#include "samlint/options.h"
#include "support/testdata.h"
#include "support/trust_fixture.h"

namespace {

using samlint::testing::EndsWith;
using samlint::testing::ReadTestdata;

// The only diagnostic of the only result, which must be limit-exceeded naming `limit`.
void ExpectLimitExceeded(const std::vector<samlint::CheckResult>& results,
                         const samlint::Limits& limits, const std::string& limit) {
  ASSERT_EQ(results.size(), 1u);
  const samlint::CheckResult& r = results[0];
  ASSERT_EQ(r.diagnostics.size(), 1u) << Describe(r);
  const samlint::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule, "limit-exceeded");
  EXPECT_EQ(d.severity, samlint::Severity::kError);
  EXPECT_TRUE(EndsWith(d.message, samlint::LimitHint(limits, limit) + ".")) << d.message;
  EXPECT_NE(d.message.find("--limit " + limit + "=N"), std::string::npos) << d.message;
}

TEST(LimitExceeded, FiresOnSixteenMiBOfTinyJsonValues) {
  std::string text = "[0";
  while (text.size() + 3 <= samlint::kMaxInputBytes) text += ",0";
  text += "]";
  samlint::CheckOptions options;
  ExpectLimitExceeded(samlint::CheckInput("tiny.json", text, options), options.limits,
                      "json-nodes");
}

TEST(LimitExceeded, FiresOnAliasedDeclarationsGivenAsInput) {
  std::string text = "Roles:\n  - &r0 {RoleName: ops, Arn: 'arn:aws:iam::123456789012:role/ops'}\n";
  for (int i = 1; i <= 12; ++i) {
    text += "  - &r" + std::to_string(i) + " [*r" + std::to_string(i - 1) + ", *r" +
            std::to_string(i - 1) + ", *r" + std::to_string(i - 1) + ", *r" +
            std::to_string(i - 1) + "]\n";
  }
  samlint::CheckOptions options;
  ExpectLimitExceeded(samlint::CheckInput("roles.yaml", text, options), options.limits,
                      "json-nodes");
}

TEST(LimitExceeded, FiresOnAnInputOverInputBytesNamingItsSize) {
  const std::string xml = ReadTestdata("responses/aws-api.xml");
  samlint::CheckOptions options;
  options.limits.input_bytes = xml.size() - 1;
  const std::vector<samlint::CheckResult> results =
      samlint::CheckInput("aws-api.xml", xml, options);
  ExpectLimitExceeded(results, options.limits, "input-bytes");
  EXPECT_EQ(results[0].diagnostics[0].message.rfind(
                "The input is " + std::to_string(xml.size()) + " bytes;", 0),
            0u);
  // CheckBytes, which artifacts and joins call directly, says the same.
  const samlint::CheckResult direct = samlint::CheckBytes("aws-api.xml", xml, options);
  EXPECT_TRUE(HasRule(direct, "limit-exceeded")) << Describe(direct);
}

TEST(LimitExceeded, DoesNotFireAtTheLimitsDefaultsOrExactly) {
  const std::string xml = ReadTestdata("responses/aws-api.xml");
  samlint::CheckOptions options;
  EXPECT_FALSE(HasRule(samlint::CheckBytes("aws-api.xml", xml, options), "limit-exceeded"));
  options.limits.input_bytes = xml.size();
  EXPECT_FALSE(HasRule(samlint::CheckBytes("aws-api.xml", xml, options), "limit-exceeded"));
  const std::string har = ReadTestdata("artifacts/har/aws-signin.har");
  for (const samlint::CheckResult& r : samlint::CheckInput("aws-signin.har", har, {})) {
    EXPECT_FALSE(HasRule(r, "limit-exceeded")) << Describe(r);
  }
}

}  // namespace

// Signatures and XML nodes: the trust and parse stages.
using samlint::testing::ExpectNothingSigned;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;

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
  const samlint::Diagnostic* d = ExpectOne(result, "limit-exceeded", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"41 ds:Signature", "signatures=16", "--limit signatures=N"});
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
  ExpectMessageHas(*d, {"more than 50 nodes", "--limit xml-nodes=N"});
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
