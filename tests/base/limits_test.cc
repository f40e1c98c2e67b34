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
  ASSERT_EQ(count, 6u);
  EXPECT_EQ(all[0].name, "input-bytes");
  EXPECT_EQ(all[1].name, "inflated-bytes");
  EXPECT_EQ(all[2].name, "signatures");
  EXPECT_EQ(all[3].name, "xml-nodes");
  EXPECT_EQ(all[4].name, "json-nodes");
  EXPECT_EQ(all[5].name, "capture-bytes");
  const Limits defaults;
  EXPECT_EQ(defaults.*(all[5].field), std::size_t{1} << 30);
  EXPECT_EQ(defaults.*(all[2].field), 16u);
}

TEST(Limits, SetLimitTakesAWholeNumberWithBinarySuffixes) {
  Limits limits;
  EXPECT_TRUE(SetLimit(limits, "signatures=3").ok());
  EXPECT_EQ(limits.signatures, 3u);
  EXPECT_TRUE(SetLimit(limits, "input-bytes=2k").ok());
  EXPECT_EQ(limits.input_bytes, 2048u);
  EXPECT_TRUE(SetLimit(limits, "input-bytes=2K").ok());
  EXPECT_EQ(limits.input_bytes, 2048u);
  EXPECT_TRUE(SetLimit(limits, "inflated-bytes=1M").ok());
  EXPECT_EQ(limits.inflated_bytes, std::size_t{1} << 20);
  EXPECT_TRUE(SetLimit(limits, "json-nodes=1G").ok());
  EXPECT_EQ(limits.json_nodes, std::size_t{1} << 30);
  EXPECT_TRUE(SetLimit(limits, "xml-nodes=1").ok());
  EXPECT_EQ(limits.xml_nodes, 1u);
}

TEST(Limits, SetLimitRefusesZeroOtherTextAndUnknownNames) {
  Limits limits;
  for (const char* bad : {"signatures=0", "signatures=", "signatures=-1", "signatures=1.5",
                          "signatures=1m", "signatures=k", "signatures= 1"}) {
    const Status error = SetLimit(limits, bad);
    ASSERT_FALSE(error.ok()) << bad;
    EXPECT_NE(error.message().find("takes a whole number above 0"), std::string::npos)
        << error.message();
  }
  EXPECT_EQ(limits.signatures, 16u) << "a refused value changes nothing";
  const Status unknown = SetLimit(limits, "nodes=1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.message(),
            "unknown limit \"nodes\"; the limits are input-bytes, inflated-bytes, signatures, "
            "xml-nodes, json-nodes, capture-bytes");
  const Status no_equals = SetLimit(limits, "signatures");
  ASSERT_FALSE(no_equals.ok());
  EXPECT_EQ(no_equals.message().rfind("expected NAME=N", 0), 0u);
}

TEST(Limits, SetLimitRefusesAValueThatOverflowsWithItsSuffix) {
  Limits limits;
  EXPECT_FALSE(SetLimit(limits, "input-bytes=18446744073709551615G").ok());
  EXPECT_TRUE(SetLimit(limits, "input-bytes=18446744073709551615").ok());
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
