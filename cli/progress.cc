#include "progress.h"

#include <cmath>

namespace samlint_cli {

namespace {

constexpr std::chrono::seconds kQuietFor{1};
constexpr std::chrono::milliseconds kRedrawEvery{100};

std::string Seconds(double s) {
  if (s >= 3600) return std::to_string(static_cast<long>(s / 3600)) + " h " +
                        std::to_string(static_cast<long>(std::fmod(s, 3600) / 60)) + " min";
  if (s >= 60) return std::to_string(static_cast<long>(s / 60)) + " min " +
                      std::to_string(static_cast<long>(std::fmod(s, 60))) + " s";
  return std::to_string(static_cast<long>(std::ceil(s))) + " s";
}

}  // namespace

std::string ProgressLine::Text(const samlint::RunProgress& p,
                               std::chrono::duration<double> elapsed) {
  std::string text = "samlint: " + std::to_string(p.done) + "/" + std::to_string(p.total) +
                     (p.total == 1 ? " input" : " inputs");
  const double seconds = elapsed.count();
  if (seconds > 0 && p.done > 0) {
    const double rate = static_cast<double>(p.done) / seconds;
    text += ", " + std::to_string(static_cast<long>(std::lround(rate))) + "/s";
    if (p.done < p.total) {
      text += ", about " + Seconds(static_cast<double>(p.total - p.done) / rate) + " left";
    }
  }
  return text;
}

void ProgressLine::Update(const samlint::RunProgress& p, Clock::time_point now) {
  if (now - start_ < kQuietFor) return;
  if (drawn_ && now - drawn_at_ < kRedrawEvery) return;
  // \r back to the line's start, \x1b[K erases what a longer line left.
  std::fprintf(terminal_, "\r%s\x1b[K", Text(p, now - start_).c_str());
  std::fflush(terminal_);
  drawn_ = true;
  drawn_at_ = now;
}

void ProgressLine::Erase() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", terminal_);
  std::fflush(terminal_);
  drawn_ = false;
}

}  // namespace samlint_cli
