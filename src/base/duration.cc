#include "samlint/duration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/strings.h"

namespace samlint {
namespace {

// Ten years of 365 days. Nothing a SAML deployment configures comes close, so
// anything larger is a typo; the cap also keeps every sum below overflow.
constexpr std::int64_t kMaxSeconds = 315360000;

constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kSecondsPerWeek = 604800;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Consumes a run of digits. Values past kMaxSeconds are rejected right away:
// no component may exceed the cap on its own, and stopping early means a long
// digit string can never overflow.
std::optional<std::int64_t> ConsumeNumber(std::string_view& text) {
  if (text.empty() || !IsDigit(text.front())) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  while (!text.empty() && IsDigit(text.front())) {
    value = value * 10 + (text.front() - '0');
    if (value > kMaxSeconds) {
      return std::nullopt;
    }
    text.remove_prefix(1);
  }
  return value;
}

// A run of <number><unit> components, each unit at most once and largest
// first, so that "30m1h" (almost certainly a mistake) is not silently summed.
// Stops before `stop` (case-insensitive) or at the end. Returns false on
// anything else or when the total passes kMaxSeconds.
struct UnitTable {
  std::string_view letters;  // lowercase, largest unit first
  std::int64_t seconds[4];
};

bool ConsumeComponents(std::string_view& text, const UnitTable& table, char stop,
                       std::int64_t& total, bool& any_component) {
  std::size_t next_unit = 0;  // the smallest index into table.letters still allowed
  while (!text.empty() && AsciiToLower(text.front()) != stop) {
    std::optional<std::int64_t> value = ConsumeNumber(text);
    if (!value || text.empty()) {
      return false;
    }
    std::size_t unit = table.letters.find(AsciiToLower(text.front()));
    if (unit == std::string_view::npos || unit < next_unit) {
      return false;
    }
    text.remove_prefix(1);
    // Each value and the running total are capped at kMaxSeconds, so neither
    // the product (at most kMaxSeconds weeks) nor the sum can overflow.
    total += *value * table.seconds[unit];
    if (total > kMaxSeconds) {
      return false;
    }
    next_unit = unit + 1;
    any_component = true;
  }
  return true;
}

constexpr UnitTable kShortUnits = {"dhms", {kSecondsPerDay, kSecondsPerHour, kSecondsPerMinute, 1}};
// Years and months are left out on purpose: their length in seconds depends on
// the calendar, so "P1M" has no single answer.
constexpr UnitTable kIsoDateUnits = {"wd", {kSecondsPerWeek, kSecondsPerDay, 0, 0}};
constexpr UnitTable kIsoTimeUnits = {"hms", {kSecondsPerHour, kSecondsPerMinute, 1, 0}};

std::optional<std::int64_t> ParseUnitSequence(std::string_view text) {
  std::int64_t total = 0;
  bool any_component = false;
  if (!ConsumeComponents(text, kShortUnits, '\0', total, any_component)) {
    return std::nullopt;
  }
  if (!text.empty() || !any_component) {
    return std::nullopt;
  }
  return total;
}

// `text` starts with the 'P' designator.
std::optional<std::int64_t> ParseIso8601(std::string_view text) {
  text.remove_prefix(1);
  std::int64_t total = 0;
  bool any_component = false;
  if (!ConsumeComponents(text, kIsoDateUnits, 't', total, any_component)) {
    return std::nullopt;
  }
  if (!text.empty()) {
    text.remove_prefix(1);
    // ISO 8601 forbids a time designator with nothing after it ("P1DT").
    if (text.empty()) {
      return std::nullopt;
    }
    if (!ConsumeComponents(text, kIsoTimeUnits, '\0', total, any_component)) {
      return std::nullopt;
    }
    if (!text.empty()) {
      return std::nullopt;
    }
  }
  if (!any_component) {
    return std::nullopt;
  }
  return total;
}

void AppendTwoDigits(std::string& out, std::uint64_t value) {
  out.push_back(static_cast<char>('0' + value / 10 % 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

}  // namespace

std::optional<std::int64_t> ParseDuration(std::string_view text) {
  text = Trim(text);
  if (text.empty()) {
    return std::nullopt;
  }
  if (AsciiToLower(text.front()) == 'p') {
    return ParseIso8601(text);
  }
  if (!IsDigit(text.front())) {
    return std::nullopt;
  }

  std::string_view rest = text;
  std::optional<std::int64_t> plain = ConsumeNumber(rest);
  if (plain && rest.empty()) {
    return plain;
  }
  return ParseUnitSequence(text);
}

std::optional<std::int64_t> ParseProtobufDuration(std::string_view text) {
  // google.protobuf.Duration's range: ±10000 years; only non-negative lengths here.
  constexpr std::int64_t kMaxProtobufSeconds = 315'576'000'000;
  constexpr std::size_t kMaxFractionDigits = 9;
  if (!text.ends_with('s')) return std::nullopt;
  text.remove_suffix(1);
  std::string_view whole = text.substr(0, text.find('.'));
  std::string_view fraction;
  if (whole.size() < text.size()) {
    fraction = text.substr(whole.size() + 1);
    if (fraction.empty() || fraction.size() > kMaxFractionDigits) return std::nullopt;
    for (char c : fraction) {
      if (!IsDigit(c)) return std::nullopt;
    }
  }
  if (whole.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : whole) {
    if (!IsDigit(c)) return std::nullopt;
    seconds = seconds * 10 + (c - '0');
    if (seconds > kMaxProtobufSeconds) return std::nullopt;
  }
  return seconds;
}

std::string FormatDuration(std::int64_t seconds) {
  std::string out;
  // Work on the magnitude as unsigned so that INT64_MIN has a representable
  // absolute value.
  std::uint64_t magnitude = static_cast<std::uint64_t>(seconds);
  if (seconds < 0) {
    out.push_back('-');
    magnitude = 0 - magnitude;
  }
  const std::uint64_t hours = magnitude / 3600;
  const std::uint64_t minutes = magnitude / 60 % 60;
  const std::uint64_t secs = magnitude % 60;

  if (hours > 0) {
    out += std::to_string(hours);
    out += "h ";
    AppendTwoDigits(out, minutes);
    out.push_back('m');
    if (secs != 0) {
      out.push_back(' ');
      AppendTwoDigits(out, secs);
      out.push_back('s');
    }
  } else if (minutes > 0) {
    out += std::to_string(minutes);
    out += "m ";
    AppendTwoDigits(out, secs);
    out.push_back('s');
  } else {
    out += std::to_string(secs);
    out.push_back('s');
  }
  return out;
}

Result<std::int64_t> ParseSessionDuration(std::string_view text, BareUnit unit) {
  std::string_view t = Trim(text);
  bool bare = !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos;
  std::optional<std::int64_t> seconds = ParseDuration(t);
  if (!seconds) {
    return Status::Error(
        "invalid duration '" + std::string(text) +
        "' (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or ISO 8601 like PT8H)");
  }
  if (!bare) return *seconds;
  if (unit == BareUnit::kHours) {
    constexpr std::int64_t kMaxHours = 10LL * 366 * 24;  // ParseDuration's ten years
    if (*seconds > kMaxHours) {
      return Status::Error("invalid duration '" + std::string(text) +
                           "' (a bare number is hours here)");
    }
    seconds = *seconds * 3600;
  }
  if (*seconds < kShortestSession) {
    const std::string n(t);
    return Status::Error(unit == BareUnit::kHours
                             ? "'" + n + "' is " + n +
                                   " hours, shorter than any session a cloud issues (" +
                                   std::to_string(kShortestSession) +
                                   " s); a bare number is hours here, as "
                                   "SetSecurityPreference takes it"
                             : "did you mean " + n + (*seconds < 100 ? "h" : "m") +
                                   "? (a bare number is seconds, and " + n +
                                   " s is shorter than any session a cloud issues, " +
                                   std::to_string(kShortestSession) + " s; write 8h, 90m or PT8H)");
  }
  return *seconds;
}

}  // namespace samlint
