#include "samlint/timestamp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace samlint {
namespace {

constexpr std::int64_t kMicros = 1000000;

// 2026-11-23T10:00:00Z in seconds since the epoch.
constexpr std::int64_t kNovember23 = 1795428000;

std::optional<std::int64_t> Micros(std::string_view text) {
  std::optional<Timestamp> t = ParseDateTime(text);
  if (!t) {
    return std::nullopt;
  }
  return t->micros;
}

TEST(TimestampTest, ParsesUtc) {
  EXPECT_EQ(Micros("2026-11-23T10:00:00Z"), kNovember23 * kMicros);
  EXPECT_EQ(Micros("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(Micros("1969-12-31T23:59:59Z"), -kMicros);
  EXPECT_EQ(Micros("2000-03-01T00:00:00Z"), 951868800 * kMicros);
  EXPECT_EQ(Micros("0001-01-01T00:00:00Z"), -62135596800 * kMicros);
  EXPECT_EQ(Micros("9999-12-31T23:59:59Z"), 253402300799 * kMicros);
}

TEST(TimestampTest, MissingZoneMeansUtc) {
  EXPECT_EQ(Micros("2026-11-23T10:00:00"), kNovember23 * kMicros);
}

TEST(TimestampTest, AppliesOffsets) {
  EXPECT_EQ(ParseDateTime("2026-11-23T12:00:00+02:00"), ParseDateTime("2026-11-23T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-11-23T05:30:00-04:30"), ParseDateTime("2026-11-23T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-11-23T10:00:00+00:00"), ParseDateTime("2026-11-23T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-11-23T10:00:00-00:00"), ParseDateTime("2026-11-23T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-11-24T00:00:00+14:00"), ParseDateTime("2026-11-23T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-11-22T20:00:00-14:00"), ParseDateTime("2026-11-23T10:00:00Z"));
  // The offset can move the instant across a year boundary.
  EXPECT_EQ(ParseDateTime("2027-01-01T01:00:00+02:00"), ParseDateTime("2026-12-31T23:00:00Z"));
}

TEST(TimestampTest, ParsesFractionalSeconds) {
  EXPECT_EQ(Micros("2026-11-23T10:00:00.5Z"), kNovember23 * kMicros + 500000);
  EXPECT_EQ(Micros("2026-11-23T10:00:00.123Z"), kNovember23 * kMicros + 123000);
  EXPECT_EQ(Micros("2026-11-23T10:00:00.123456Z"), kNovember23 * kMicros + 123456);
  // Truncated, not rounded.
  EXPECT_EQ(Micros("2026-11-23T10:00:00.1234569999Z"), kNovember23 * kMicros + 123456);
  EXPECT_EQ(Micros("2026-11-23T12:00:00.25+02:00"), kNovember23 * kMicros + 250000);
  EXPECT_EQ(Micros("1969-12-31T23:59:59.5Z"), -500000);
}

TEST(TimestampTest, LeapYears) {
  EXPECT_TRUE(ParseDateTime("2024-02-29T00:00:00Z"));
  EXPECT_TRUE(ParseDateTime("2000-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseDateTime("2023-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseDateTime("1900-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseDateTime("2024-02-30T00:00:00Z"));
  EXPECT_TRUE(ParseDateTime("2023-02-28T00:00:00Z"));
  EXPECT_EQ(SecondsBetween(*ParseDateTime("2024-02-28T00:00:00Z"),
                           *ParseDateTime("2024-03-01T00:00:00Z")),
            2 * 86400);
}

TEST(TimestampTest, EndOfDayIsNextMidnight) {
  EXPECT_EQ(ParseDateTime("2026-11-23T24:00:00Z"), ParseDateTime("2026-11-24T00:00:00Z"));
  EXPECT_EQ(ParseDateTime("2026-12-31T24:00:00.000Z"), ParseDateTime("2027-01-01T00:00:00Z"));
  EXPECT_FALSE(ParseDateTime("2026-11-23T24:00:01Z"));
  EXPECT_FALSE(ParseDateTime("2026-11-23T24:01:00Z"));
  EXPECT_FALSE(ParseDateTime("2026-11-23T24:00:00.5Z"));
}

TEST(TimestampTest, TrimsSurroundingWhitespace) {
  EXPECT_EQ(Micros(" \t2026-11-23T10:00:00Z\r\n"), kNovember23 * kMicros);
}

TEST(TimestampTest, RejectsMalformedText) {
  for (std::string_view text : {
           "",
           "   ",
           "-2026-11-23T10:00:00Z",
           "+2026-11-23T10:00:00Z",
           "12026-11-23T10:00:00Z",
           "226-11-23T10:00:00Z",
           "0000-01-01T00:00:00Z",
           "2026-00-23T10:00:00Z",
           "2026-13-23T10:00:00Z",
           "2026-11-00T10:00:00Z",
           "2026-11-31T10:00:00Z",
           "2026-04-31T10:00:00Z",
           "2026-11-23T25:00:00Z",
           "2026-11-23T10:60:00Z",
           "2026-11-23T10:00:60Z",
           "2026-11-23t10:00:00Z",
           "2026-11-23T10:00:00z",
           "2026-11-23 10:00:00Z",
           "2026-11-23T10:00Z",
           "2026-11-23",
           "2026-1-23T10:00:00Z",
           "2026-11-23T1:00:00Z",
           "2026-11-23T10:00:00.Z",
           "2026-11-23T10:00:00,5Z",
           "2026-11-23T10:00:00ZZ",
           "2026-11-23T10:00:00 Z",
           "2026-11-23T10:00:00+0200",
           "2026-11-23T10:00:00+02",
           "2026-11-23T10:00:00+2:00",
           "2026-11-23T10:00:00+14:01",
           "2026-11-23T10:00:00+15:00",
           "2026-11-23T10:00:00+02:60",
           "2026-11-23T10:00:00UTC",
           "2026-11-23T10:00:00Z+02:00",
           "2026-11-23T10:00:00.1.2Z",
           "2026-11-23T10:00:00Z\xC2\xA0",  // NBSP is not ASCII whitespace
       }) {
    EXPECT_EQ(ParseDateTime(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(TimestampTest, FormatsUtc) {
  EXPECT_EQ(FormatDateTime(Timestamp{kNovember23 * kMicros}), "2026-11-23T10:00:00Z");
  EXPECT_EQ(FormatDateTime(Timestamp{0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatDateTime(Timestamp{-kMicros}), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatDateTime(*ParseDateTime("0001-01-01T00:00:00Z")), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatDateTime(*ParseDateTime("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
}

TEST(TimestampTest, FormatsFractionWithoutTrailingZeros) {
  EXPECT_EQ(FormatDateTime(Timestamp{kNovember23 * kMicros + 500000}), "2026-11-23T10:00:00.5Z");
  EXPECT_EQ(FormatDateTime(Timestamp{kNovember23 * kMicros + 123456}),
            "2026-11-23T10:00:00.123456Z");
  EXPECT_EQ(FormatDateTime(Timestamp{kNovember23 * kMicros + 1}), "2026-11-23T10:00:00.000001Z");
  EXPECT_EQ(FormatDateTime(Timestamp{-500000}), "1969-12-31T23:59:59.5Z");
}

TEST(TimestampTest, FormatAndParseRoundTrip) {
  for (std::string_view text : {"2026-11-23T10:00:00Z", "2024-02-29T12:34:56.789Z",
                                "1999-12-31T23:59:59.000001Z", "9999-12-31T23:59:59.999999Z"}) {
    std::optional<Timestamp> t = ParseDateTime(text);
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(FormatDateTime(*t), text);
  }
}

TEST(TimestampTest, FormatsExtremeValuesWithoutCrashing) {
  EXPECT_FALSE(FormatDateTime(Timestamp{std::numeric_limits<std::int64_t>::max()}).empty());
  EXPECT_FALSE(FormatDateTime(Timestamp{std::numeric_limits<std::int64_t>::min()}).empty());
}

TEST(TimestampTest, SecondsBetweenRoundsDown) {
  EXPECT_EQ(SecondsBetween(Timestamp{0}, Timestamp{1500000}), 1);
  EXPECT_EQ(SecondsBetween(Timestamp{0}, Timestamp{-1500000}), -2);
  EXPECT_EQ(SecondsBetween(Timestamp{0}, Timestamp{-1}), -1);
  EXPECT_EQ(SecondsBetween(Timestamp{0}, Timestamp{999999}), 0);
  EXPECT_EQ(SecondsBetween(Timestamp{0}, Timestamp{0}), 0);
  EXPECT_EQ(SecondsBetween(Timestamp{700000}, Timestamp{1200000}), 0);
  EXPECT_EQ(SecondsBetween(Timestamp{1200000}, Timestamp{700000}), -1);
  EXPECT_EQ(SecondsBetween(*ParseDateTime("2026-11-23T10:00:00Z"),
                           *ParseDateTime("2026-11-23T18:00:00Z")),
            28800);
}

TEST(TimestampTest, SecondsBetweenExtremesDoesNotOverflow) {
  const Timestamp min{std::numeric_limits<std::int64_t>::min()};
  const Timestamp max{std::numeric_limits<std::int64_t>::max()};
  EXPECT_EQ(SecondsBetween(min, max), 18446744073709);
  EXPECT_EQ(SecondsBetween(max, min), -18446744073710);
}

TEST(TimestampTest, AddSeconds) {
  const Timestamp t = *ParseDateTime("2026-11-23T10:00:00.25Z");
  EXPECT_EQ(AddSeconds(t, 28800), ParseDateTime("2026-11-23T18:00:00.25Z"));
  EXPECT_EQ(AddSeconds(t, -36000), ParseDateTime("2026-11-23T00:00:00.25Z"));
  EXPECT_EQ(AddSeconds(t, 0), t);
  EXPECT_EQ(SecondsBetween(t, AddSeconds(t, 12345)), 12345);
}

TEST(TimestampTest, AddSecondsSaturates) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(AddSeconds(Timestamp{0}, kMax).micros, kMax);
  EXPECT_EQ(AddSeconds(Timestamp{0}, kMin).micros, kMin);
  EXPECT_EQ(AddSeconds(Timestamp{kMax - 10}, 1).micros, kMax);
  EXPECT_EQ(AddSeconds(Timestamp{kMin + 10}, -1).micros, kMin);
}

TEST(TimestampTest, OrdersByInstant) {
  EXPECT_LT(*ParseDateTime("2026-11-23T11:00:00+02:00"), *ParseDateTime("2026-11-23T10:00:00Z"));
}

}  // namespace
}  // namespace samlint
