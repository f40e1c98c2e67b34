// input/text: the ASCII helpers of the artifact readers.
#include "input/text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

namespace samlint::input {
namespace {

TEST(InputText, TrimRemovesAsciiSpaceOnBothSidesOnly) {
  EXPECT_EQ(Trim(" \t\r\nabc d\n "), "abc d");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim("\vx"), "\vx");
}

TEST(InputText, StripBomAndSpaceAllowsSpaceOnEitherSideOfTheBom) {
  EXPECT_EQ(StripBomAndSpace(" \xEF\xBB\xBF {} "), "{}");
  EXPECT_EQ(StripBomAndSpace("\xEF\xBB\xBF{}"), "{}");
  EXPECT_EQ(StripBomAndSpace("{}\xEF\xBB\xBF"), "{}\xEF\xBB\xBF");
}

TEST(InputText, CaseFoldingIsAsciiOnly) {
  EXPECT_EQ(Lowercase("AssumeRole-\xC3\x84"), "assumerole-\xC3\x84");
  EXPECT_TRUE(EqualsNoCase("POST", "post"));
  EXPECT_FALSE(EqualsNoCase("POST", "posts"));
  EXPECT_FALSE(EqualsNoCase("POST", "PUT!"));
}

TEST(InputText, StartsWith) {
  EXPECT_TRUE(StartsWith("acs:ram::1", "acs:"));
  EXPECT_FALSE(StartsWith("ac", "acs:"));
  EXPECT_FALSE(StartsWith("ACS:", "acs:"));
}

TEST(InputText, ParseIntegerTakesASignAndUpToEighteenDigits) {
  EXPECT_EQ(ParseInteger("3600"), std::optional<std::int64_t>(3600));
  EXPECT_EQ(ParseInteger("-5"), std::optional<std::int64_t>(-5));
  EXPECT_EQ(ParseInteger("+7"), std::optional<std::int64_t>(7));
  EXPECT_EQ(ParseInteger("999999999999999999"),
            std::optional<std::int64_t>(999'999'999'999'999'999));
  EXPECT_EQ(ParseInteger("1000000000000000000"), std::nullopt);
  EXPECT_EQ(ParseInteger(""), std::nullopt);
  EXPECT_EQ(ParseInteger("-"), std::nullopt);
  EXPECT_EQ(ParseInteger("1h"), std::nullopt);
  EXPECT_EQ(ParseInteger(" 1"), std::nullopt);
}

}  // namespace
}  // namespace samlint::input
