// The progress line: silent for the first second, redrawn at most ten times
// a second, erased at the end; count, rate and time left.
#include "progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace samlint_cli {
namespace {

using std::chrono::milliseconds;
using Clock = ProgressLine::Clock;

// What a ProgressLine wrote to its terminal.
class Terminal {
 public:
  Terminal() : file_(std::tmpfile()) {}
  ~Terminal() { std::fclose(file_); }
  std::FILE* file() { return file_; }
  std::string Written() {
    std::fflush(file_);
    std::rewind(file_);
    std::string text;
    for (int c = std::fgetc(file_); c != EOF; c = std::fgetc(file_)) text += static_cast<char>(c);
    return text;
  }

 private:
  std::FILE* file_;
};

TEST(ProgressLine, SaysCountRateAndTimeLeft) {
  EXPECT_EQ(ProgressLine::Text({500, 2000}, std::chrono::seconds(2)),
            "samlint: 500/2000 inputs, 250/s, about 6 s left");
  EXPECT_EQ(ProgressLine::Text({2000, 2000}, std::chrono::seconds(4)),
            "samlint: 2000/2000 inputs, 500/s");
  EXPECT_EQ(ProgressLine::Text({10, 100000}, std::chrono::seconds(1)),
            "samlint: 10/100000 inputs, 10/s, about 2 h 46 min left");
  EXPECT_EQ(ProgressLine::Text({0, 1}, std::chrono::seconds(0)), "samlint: 0/1 input");
}

TEST(ProgressLine, StaysSilentForTheFirstSecondAndErasesNothing) {
  Terminal terminal;
  const Clock::time_point start{};
  {
    ProgressLine line(terminal.file(), start);
    line.Update({1, 10}, start + milliseconds(999));
  }
  EXPECT_EQ(terminal.Written(), "");
}

TEST(ProgressLine, DrawsAtMostTenTimesASecondThenErases) {
  Terminal terminal;
  const Clock::time_point start{};
  ProgressLine line(terminal.file(), start);
  line.Update({100, 400}, start + milliseconds(1000));
  line.Update({101, 400}, start + milliseconds(1050));  // too soon: not drawn
  line.Update({200, 400}, start + milliseconds(2000));
  line.Erase();
  line.Erase();  // once
  EXPECT_EQ(terminal.Written(),
            "\rsamlint: 100/400 inputs, 100/s, about 3 s left\x1b[K"
            "\rsamlint: 200/400 inputs, 100/s, about 2 s left\x1b[K"
            "\r\x1b[K");
}

}  // namespace
}  // namespace samlint_cli
