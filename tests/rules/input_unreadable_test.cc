// input-unreadable (error): bytes that are no SAML response samlint can read
// (not XML, base64 or a form body): an `unreadable` result with no evaluations
// and no signature object. (cli-contract.md § JSON report; § Exit status.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

namespace {

std::string Base64(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  auto byte = [&](std::size_t i) -> std::uint32_t {
    return i < in.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])) : 0u;
  };
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(v >> 18) & 63u];
    out += kAlphabet[(v >> 12) & 63u];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63u] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63u] : '=';
  }
  return out;
}

}  // namespace

TEST(InputUnreadable, Fires) {
  const std::string garbage("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 18);
  const samlint::CheckResult result = samlint::CheckBytes("test.bin", garbage, {});

  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  ASSERT_TRUE(result.input.has_value());
  EXPECT_EQ(*result.input, "test.bin");
  EXPECT_TRUE(result.evaluations.empty());
  EXPECT_FALSE(result.signature.has_value());
  const samlint::Diagnostic* d = ExpectOne(result, "input-unreadable", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->message.empty());
  EXPECT_TRUE(samlint::HasErrors(result));
}

TEST(InputUnreadable, FiresForEmptyInput) {
  const samlint::CheckResult result = samlint::CheckBytes("empty.xml", "", {});
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  const samlint::Diagnostic* d = FindDiagnostic(result, "input-unreadable");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

TEST(InputUnreadable, FiresForAFileThatCannotBeRead) {
  const samlint::CheckResult result = samlint::UnreadableInput("missing.xml", "No such file.");
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  const samlint::Diagnostic* d = FindDiagnostic(result, "input-unreadable");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

// The same response, readable: as XML and as base64.
TEST(InputUnreadable, DoesNotFireForAResponse) {
  const std::string xml = SamlBuilder{}.Build();
  for (const std::string& bytes : {xml, Base64(xml)}) {
    const samlint::CheckResult result = samlint::CheckBytes("test.txt", bytes, {});
    EXPECT_EQ(result.kind, samlint::ResultKind::kSamlResponse) << Describe(result);
    EXPECT_FALSE(HasRule(result, "input-unreadable")) << Describe(result);
  }
}
