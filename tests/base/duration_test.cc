#include "samlint/duration.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace samlint {
namespace {

constexpr std::int64_t kTenYears = 315360000;

TEST(DurationTest, ParsesPlainSeconds) {
  EXPECT_EQ(ParseDuration("3600"), 3600);
  EXPECT_EQ(ParseDuration("0"), 0);
  EXPECT_EQ(ParseDuration("  900\n"), 900);
}

TEST(DurationTest, ParsesUnitSequences) {
  EXPECT_EQ(ParseDuration("1d"), 86400);
  EXPECT_EQ(ParseDuration("8h"), 28800);
  EXPECT_EQ(ParseDuration("90m"), 5400);
  EXPECT_EQ(ParseDuration("1h30m"), 5400);
  EXPECT_EQ(ParseDuration("1d12h"), 129600);
  EXPECT_EQ(ParseDuration("45s"), 45);
  EXPECT_EQ(ParseDuration("1d2h3m4s"), 93784);
  EXPECT_EQ(ParseDuration("1H30M"), 5400);
  EXPECT_EQ(ParseDuration("\t12h "), 43200);
}

TEST(DurationTest, ParsesIso8601) {
  EXPECT_EQ(ParseDuration("PT8H"), 28800);
  EXPECT_EQ(ParseDuration("PT1H30M"), 5400);
  EXPECT_EQ(ParseDuration("P1D"), 86400);
  EXPECT_EQ(ParseDuration("P1DT2H"), 93600);
  EXPECT_EQ(ParseDuration("PT900S"), 900);
  EXPECT_EQ(ParseDuration("pt8h"), 28800);
  EXPECT_EQ(ParseDuration("P1W"), 604800);
  EXPECT_EQ(ParseDuration("P1W1DT1H1M1S"), 694861);
  EXPECT_EQ(ParseDuration("PT0S"), 0);
}

TEST(DurationTest, RejectsMalformedText) {
  for (std::string_view text :
       {"",       "   ",    "-1",    "+1",      "-1h",    "1h 30m", "abc",  "h",   "1x",
        "1h30",   "30m1h",  "1h1h",  "1m1h",    "1.5h",   "1,5h",   "0x10", "PT",  "P",
        "P1DT",   "PT1H30", "PT1D",  "P1H",     "PT1M1H", "P1D1W",  "P1Y",  "P1M", "P1Y2M",
        "PT1.5S", "PT-1H",  "P T1H", "PT1HT2M", "1 h",    "3600 s"}) {
    EXPECT_EQ(ParseDuration(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(DurationTest, RejectsValuesPastTenYears) {
  EXPECT_EQ(ParseDuration("315360000"), kTenYears);
  EXPECT_EQ(ParseDuration("3650d"), kTenYears);
  EXPECT_EQ(ParseDuration("315360001"), std::nullopt);
  EXPECT_EQ(ParseDuration("3651d"), std::nullopt);
  EXPECT_EQ(ParseDuration("3650d1s"), std::nullopt);
  EXPECT_EQ(ParseDuration("P522W"), std::nullopt);
  EXPECT_EQ(ParseDuration("PT87600H1S"), std::nullopt);
}

TEST(DurationTest, RejectsDigitOverflow) {
  EXPECT_EQ(ParseDuration("99999999999999999999999999"), std::nullopt);
  EXPECT_EQ(ParseDuration("18446744073709551617s"), std::nullopt);
  EXPECT_EQ(ParseDuration("PT9223372036854775808S"), std::nullopt);
}

TEST(DurationTest, FormatsHoursAndMinutes) {
  EXPECT_EQ(FormatDuration(3600), "1h 00m");
  EXPECT_EQ(FormatDuration(45000), "12h 30m");
  EXPECT_EQ(FormatDuration(3605), "1h 00m 05s");
  EXPECT_EQ(FormatDuration(129600), "36h 00m");
}

TEST(DurationTest, FormatsMinutesAndSeconds) {
  EXPECT_EQ(FormatDuration(900), "15m 00s");
  EXPECT_EQ(FormatDuration(60), "1m 00s");
  EXPECT_EQ(FormatDuration(3599), "59m 59s");
}

TEST(DurationTest, FormatsSeconds) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(45), "45s");
  EXPECT_EQ(FormatDuration(59), "59s");
}

TEST(DurationTest, FormatsNegativeValues) {
  EXPECT_EQ(FormatDuration(-45), "-45s");
  EXPECT_EQ(FormatDuration(-900), "-15m 00s");
  EXPECT_EQ(FormatDuration(-3605), "-1h 00m 05s");
  EXPECT_EQ(FormatDuration(std::numeric_limits<std::int64_t>::min()), "-2562047788015215h 30m 08s");
}

TEST(DurationTest, FormatsWhatItParses) {
  EXPECT_EQ(FormatDuration(*ParseDuration("PT8H")), "8h 00m");
  EXPECT_EQ(FormatDuration(*ParseDuration("1h30m")), "1h 30m");
}

}  // namespace
}  // namespace samlint
