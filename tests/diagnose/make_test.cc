// Shorten: how a message shows a value taken from an input document (a huge
// attribute value must not make a huge report).
#include "diagnose/make.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

using ::testing::EndsWith;
using ::testing::StartsWith;

namespace samlint {
namespace {

TEST(Shorten, KeepsShortValuesWhole) {
  EXPECT_EQ(Shorten(""), "");
  EXPECT_EQ(Shorten("arn:aws:iam::123456789012:role/ops"), "arn:aws:iam::123456789012:role/ops");
  const std::string at_limit(kShortenLimit, 'x');
  EXPECT_EQ(Shorten(at_limit), at_limit);
}

TEST(Shorten, CutsLongValuesAndStatesTheirLength) {
  const std::string value(kShortenLimit + 1, 'x');
  EXPECT_EQ(Shorten(value), std::string(kShortenLimit, 'x') + "\xE2\x80\xA6 (121 bytes)");

  const std::string mib(std::size_t{1} << 20, 'r');
  const std::string shown = Shorten(mib);
  EXPECT_LT(shown.size(), kShortenLimit + 32);
  EXPECT_THAT(shown, StartsWith(std::string(kShortenLimit, 'r')));
  EXPECT_THAT(shown, EndsWith("\xE2\x80\xA6 (1048576 bytes)"));
}

TEST(Shorten, CutsOnACharacterBoundary) {
  // "é" is two bytes: byte 120 is the second byte of the 60th "é".
  std::string value = "a";
  while (value.size() < 300) value += "\xC3\xA9";
  std::string kept = "a";
  for (int i = 0; i < 59; ++i) kept += "\xC3\xA9";
  EXPECT_EQ(Shorten(value), kept + "\xE2\x80\xA6 (" + std::to_string(value.size()) + " bytes)");
  // A four-byte character straddling the limit is left out whole.
  const std::string emoji = std::string(kShortenLimit - 2, 'x') + "\xF0\x9F\x98\x80" + "tail";
  EXPECT_THAT(Shorten(emoji), StartsWith(std::string(kShortenLimit - 2, 'x') + "\xE2\x80\xA6"));
}

TEST(Shorten, TakesALimit) {
  EXPECT_EQ(Shorten("abcdef", 6), "abcdef");
  EXPECT_EQ(Shorten("abcdefg", 3), "abc\xE2\x80\xA6 (7 bytes)");
}

TEST(MakeDiagnostic, TakesTheRegistrySeverityOfTheRule) {
  const Diagnostic note = MakeDiagnostic(Rule::kAssumedDefault, "m", 7, "f");
  EXPECT_EQ(note.rule, "assumed-default");
  EXPECT_EQ(note.severity, Severity::kNote);
  EXPECT_EQ(note.offset, 7u);
  EXPECT_EQ(note.fix, "f");
  EXPECT_EQ(MakeDiagnostic(Rule::kXmlMalformed, "m").severity, Severity::kError);
}

}  // namespace
}  // namespace samlint
