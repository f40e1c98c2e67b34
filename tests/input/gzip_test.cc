// input/gzip: bounded inflation of one or more gzip members.
#include "input/gzip.h"

#include <gtest/gtest.h>

#include <string>

#include "support/gzip.h"

namespace samlint::input {
namespace {

using samlint::testing::Gzip;

TEST(Gzip, RecognisesTheMagicBytesOnly) {
  EXPECT_TRUE(IsGzip(Gzip("x")));
  EXPECT_TRUE(IsGzip("\x1F\x8B"));
  EXPECT_FALSE(IsGzip("\x1F"));
  EXPECT_FALSE(IsGzip("\x8B\x1F"));
  EXPECT_FALSE(IsGzip("{}"));
}

TEST(Gzip, InflatesWhatWasCompressed) {
  std::string out;
  EXPECT_EQ(InflateGzip(Gzip("hello, world"), 1000, out), InflateStatus::kOk);
  EXPECT_EQ(out, "hello, world");
}

TEST(Gzip, ReadsEveryMemberOfConcatenatedFiles) {
  std::string out;
  EXPECT_EQ(InflateGzip(Gzip("one\n") + Gzip("two\n"), 1000, out), InflateStatus::kOk);
  EXPECT_EQ(out, "one\ntwo\n");
}

TEST(Gzip, IgnoresTrailingBytesThatStartNoMember) {
  std::string out;
  EXPECT_EQ(InflateGzip(Gzip("data") + std::string(8, '\0'), 1000, out), InflateStatus::kOk);
  EXPECT_EQ(out, "data");
}

TEST(Gzip, OutputOfExactlyTheBoundIsRead) {
  const std::string data(4096, 'a');
  std::string out;
  EXPECT_EQ(InflateGzip(Gzip(data), data.size(), out), InflateStatus::kOk);
  EXPECT_EQ(out, data);
}

TEST(Gzip, OutputPastTheBoundStopsWithNothing) {
  const std::string data(4096, 'a');
  std::string out = "stale";
  EXPECT_EQ(InflateGzip(Gzip(data), data.size() - 1, out), InflateStatus::kTooLarge);
  EXPECT_EQ(out, "");
}

TEST(Gzip, TruncatedOrCorruptDataIsCorrupt) {
  const std::string gz = Gzip(std::string(4096, 'a'));
  std::string out;
  EXPECT_EQ(InflateGzip(gz.substr(0, gz.size() / 2), 1 << 20, out), InflateStatus::kCorrupt);
  EXPECT_EQ(out, "");
  EXPECT_EQ(InflateGzip("not gzip at all", 1 << 20, out), InflateStatus::kCorrupt);
  EXPECT_EQ(InflateGzip("", 1 << 20, out), InflateStatus::kCorrupt);
}

}  // namespace
}  // namespace samlint::input
