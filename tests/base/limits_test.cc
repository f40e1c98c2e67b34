// base/limits: the --limit NAME=N option and the words a limit-exceeded
// finding ends with.
#include "samlint/limits.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>

namespace samlint {
namespace {

TEST(Limits, AllLimitsNamesEveryFieldOnceInAFixedOrder) {
  std::size_t count = 0;
  const LimitInfo* all = AllLimits(count);
  ASSERT_EQ(count, 5u);
  EXPECT_EQ(all[0].name, "input-bytes");
  EXPECT_EQ(all[1].name, "inflated-bytes");
  EXPECT_EQ(all[2].name, "signatures");
  EXPECT_EQ(all[3].name, "xml-nodes");
  EXPECT_EQ(all[4].name, "json-nodes");
  const Limits defaults;
  EXPECT_EQ(defaults.*(all[2].field), 16u);
}

TEST(Limits, SetLimitTakesAWholeNumberWithBinarySuffixes) {
  Limits limits;
  EXPECT_EQ(SetLimit(limits, "signatures=3"), std::nullopt);
  EXPECT_EQ(limits.signatures, 3u);
  EXPECT_EQ(SetLimit(limits, "input-bytes=2k"), std::nullopt);
  EXPECT_EQ(limits.input_bytes, 2048u);
  EXPECT_EQ(SetLimit(limits, "input-bytes=2K"), std::nullopt);
  EXPECT_EQ(limits.input_bytes, 2048u);
  EXPECT_EQ(SetLimit(limits, "inflated-bytes=1M"), std::nullopt);
  EXPECT_EQ(limits.inflated_bytes, std::size_t{1} << 20);
  EXPECT_EQ(SetLimit(limits, "json-nodes=1G"), std::nullopt);
  EXPECT_EQ(limits.json_nodes, std::size_t{1} << 30);
  EXPECT_EQ(SetLimit(limits, "xml-nodes=1"), std::nullopt);
  EXPECT_EQ(limits.xml_nodes, 1u);
}

TEST(Limits, SetLimitRefusesZeroOtherTextAndUnknownNames) {
  Limits limits;
  for (const char* bad : {"signatures=0", "signatures=", "signatures=-1", "signatures=1.5",
                          "signatures=1m", "signatures=k", "signatures= 1"}) {
    const std::optional<std::string> error = SetLimit(limits, bad);
    ASSERT_TRUE(error.has_value()) << bad;
    EXPECT_NE(error->find("takes a whole number above 0"), std::string::npos) << *error;
  }
  EXPECT_EQ(limits.signatures, 16u) << "a refused value changes nothing";
  const std::optional<std::string> unknown = SetLimit(limits, "nodes=1");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(*unknown,
            "unknown limit \"nodes\"; the limits are input-bytes, inflated-bytes, signatures, "
            "xml-nodes, json-nodes");
  const std::optional<std::string> no_equals = SetLimit(limits, "signatures");
  ASSERT_TRUE(no_equals.has_value());
  EXPECT_EQ(no_equals->rfind("expected NAME=N", 0), 0u);
}

TEST(Limits, SetLimitRefusesAValueThatOverflowsWithItsSuffix) {
  Limits limits;
  EXPECT_TRUE(SetLimit(limits, "input-bytes=18446744073709551615G").has_value());
  EXPECT_EQ(SetLimit(limits, "input-bytes=18446744073709551615"), std::nullopt);
}

TEST(Limits, LimitHintNamesTheValueInForceAndTheOption) {
  Limits limits;
  limits.signatures = 4;
  EXPECT_EQ(LimitHint(limits, "signatures"),
            "the limit signatures=4 (raise it with --limit signatures=N)");
  EXPECT_EQ(LimitHint(Limits{}, "json-nodes"),
            "the limit json-nodes=1000000 (raise it with --limit json-nodes=N)");
}

}  // namespace
}  // namespace samlint
