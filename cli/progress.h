// The progress line `samlint check` draws on stderr while a long run works:
// inputs done out of all, the rate, and the time left.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include "samlint/run.h"

namespace samlint_cli {

/// Draws "samlint: 1200/20000 inputs, 3100/s, about 6 s left" on one
/// terminal line, first after a second of work and then at most ten times a
/// second, and erases it when the run ends.
class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ProgressLine(std::FILE* terminal, Clock::time_point start = Clock::now())
      : terminal_(terminal), start_(start) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { Erase(); }

  /// Redraws the line if it is time to; `now` is for tests.
  void Update(const samlint::RunProgress& p, Clock::time_point now = Clock::now());

  /// Removes the line (the run's report or its summary comes next).
  void Erase();

  /// The line's text for `p` after `elapsed` of work.
  static std::string Text(const samlint::RunProgress& p, std::chrono::duration<double> elapsed);

 private:
  std::FILE* terminal_;
  Clock::time_point start_;
  Clock::time_point drawn_at_{};
  bool drawn_ = false;
};

}  // namespace samlint_cli
