// input/text: integers as the artifact readers accept them.
#include "input/text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

namespace samlint::input {
namespace {

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
