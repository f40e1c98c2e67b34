// ParseProtobufDuration: Google Cloud's JSON form of google.protobuf.Duration
// ("<decimal>s", up to nine fractional digits), as workforce pool
// sessionDuration is written (more-clouds.md § Declarations and fixes).
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include "samlint/duration.h"

namespace samlint {
namespace {

TEST(ProtobufDuration, ParsesWholeSeconds) {
  EXPECT_EQ(ParseProtobufDuration("3600s"), std::optional<std::int64_t>(3600));
  EXPECT_EQ(ParseProtobufDuration("43200s"), std::optional<std::int64_t>(43200));
  EXPECT_EQ(ParseProtobufDuration("0s"), std::optional<std::int64_t>(0));
  EXPECT_EQ(ParseProtobufDuration("900s"), std::optional<std::int64_t>(900));
}

TEST(ProtobufDuration, DropsTheFraction) {
  EXPECT_EQ(ParseProtobufDuration("7200.5s"), std::optional<std::int64_t>(7200));
  EXPECT_EQ(ParseProtobufDuration("899.999999999s"), std::optional<std::int64_t>(899));
  EXPECT_EQ(ParseProtobufDuration("3600.000s"), std::optional<std::int64_t>(3600));
}

TEST(ProtobufDuration, RefusesEverythingElse) {
  for (const char* bad : {"", "s", "3600", "1h", "PT1H", "3600S", "-3600s", "+3600s", " 3600s",
                          "3600s ", "3600 s", ".5s", "3600.s", "1e3s", "36a0s",
                          "1.0000000001s", "315576000001s", "99999999999999999999s"}) {
    EXPECT_EQ(ParseProtobufDuration(bad), std::nullopt) << '"' << bad << '"';
  }
  EXPECT_EQ(ParseProtobufDuration("315576000000s"), std::optional<std::int64_t>(315576000000));
}

}  // namespace
}  // namespace samlint
