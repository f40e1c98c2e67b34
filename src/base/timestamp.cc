#include "samlint/timestamp.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "base/strings.h"

namespace samlint {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1000000;
constexpr std::int64_t kSecondsPerDay = 86400;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Division that rounds toward negative infinity, for instants before 1970.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) {
    --q;
  }
  return q;
}

// Computed from the remainder, not from FloorDiv, so INT64_MIN cannot overflow.
std::int64_t FloorMod(std::int64_t a, std::int64_t b) {
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) {
    r += b;
  }
  return r;
}

// Reads exactly `count` digits; a shorter or longer field is a format error the
// caller detects through the separator that must follow.
bool ConsumeDigits(std::string_view& text, std::size_t count, int& value) {
  if (text.size() < count) {
    return false;
  }
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!IsDigit(text[i])) {
      return false;
    }
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(count);
  return true;
}

bool ConsumeChar(std::string_view& text, char expected) {
  if (text.empty() || text.front() != expected) {
    return false;
  }
  text.remove_prefix(1);
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) {
    return 29;
  }
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil: proleptic Gregorian, no libc time zone or
// locale state involved, so it is thread-safe and works for any year.
std::int64_t DaysFromCivil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = FloorDiv(year, 400);
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t shifted_month = month > 2 ? month - 3 : month + 9;
  const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct CivilDate {
  std::int64_t year;
  int month;
  int day;
};

// The inverse of DaysFromCivil.
CivilDate CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = FloorDiv(days, 146097);
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

void AppendPadded(std::string& out, std::int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) {
    out.append(width - digits.size(), '0');
  }
  out += digits;
}

}  // namespace

std::optional<Timestamp> ParseDateTime(std::string_view text) {
  text = Trim(text);
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  // A leading '-' (a BCE year in XML Schema) and years of more than four
  // digits cannot appear in a real assertion; ConsumeDigits/ConsumeChar refuse
  // both.
  if (!ConsumeDigits(text, 4, year) || !ConsumeChar(text, '-') || !ConsumeDigits(text, 2, month) ||
      !ConsumeChar(text, '-') || !ConsumeDigits(text, 2, day) || !ConsumeChar(text, 'T') ||
      !ConsumeDigits(text, 2, hour) || !ConsumeChar(text, ':') || !ConsumeDigits(text, 2, minute) ||
      !ConsumeChar(text, ':') || !ConsumeDigits(text, 2, second)) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  if (hour > 24 || minute > 59 || second > 59) {
    return std::nullopt;
  }

  std::int64_t fraction_micros = 0;
  bool fraction_is_zero = true;
  if (ConsumeChar(text, '.')) {
    if (text.empty() || !IsDigit(text.front())) {
      return std::nullopt;
    }
    std::int64_t scale = kMicrosPerSecond;
    while (!text.empty() && IsDigit(text.front())) {
      const int digit = text.front() - '0';
      if (digit != 0) {
        fraction_is_zero = false;
      }
      // Digits past the sixth are checked but dropped: truncation, not rounding.
      if (scale > 1) {
        scale /= 10;
        fraction_micros += digit * scale;
      }
      text.remove_prefix(1);
    }
  }

  // XML Schema allows 24:00:00 as the end of a day, which is the next day's
  // midnight; any other time with hour 24 is invalid.
  bool end_of_day = false;
  if (hour == 24) {
    if (minute != 0 || second != 0 || !fraction_is_zero) {
      return std::nullopt;
    }
    end_of_day = true;
    hour = 0;
  }

  std::int64_t offset_seconds = 0;
  if (!text.empty()) {
    if (text == "Z") {
      text.remove_prefix(1);
    } else {
      const char sign = text.front();
      if (sign != '+' && sign != '-') {
        return std::nullopt;
      }
      text.remove_prefix(1);
      int offset_hours = 0;
      int offset_minutes = 0;
      if (!ConsumeDigits(text, 2, offset_hours) || !ConsumeChar(text, ':') ||
          !ConsumeDigits(text, 2, offset_minutes) || !text.empty()) {
        return std::nullopt;
      }
      if (offset_minutes > 59 || offset_hours > 14 || (offset_hours == 14 && offset_minutes != 0)) {
        return std::nullopt;
      }
      offset_seconds = std::int64_t{offset_hours} * 3600 + std::int64_t{offset_minutes} * 60;
      if (sign == '-') {
        offset_seconds = -offset_seconds;
      }
    }
  }

  std::int64_t days = DaysFromCivil(year, month, day);
  if (end_of_day) {
    ++days;
  }
  // Local time minus the offset is UTC: 12:00+02:00 is 10:00Z.
  const std::int64_t seconds = days * kSecondsPerDay + std::int64_t{hour} * 3600 +
                               std::int64_t{minute} * 60 + second - offset_seconds;
  return Timestamp{seconds * kMicrosPerSecond + fraction_micros};
}

std::string FormatDateTime(Timestamp t) {
  const std::int64_t seconds = FloorDiv(t.micros, kMicrosPerSecond);
  const std::int64_t micros = FloorMod(t.micros, kMicrosPerSecond);
  const std::int64_t days = FloorDiv(seconds, kSecondsPerDay);
  const std::int64_t second_of_day = FloorMod(seconds, kSecondsPerDay);
  const CivilDate date = CivilFromDays(days);

  std::string out;
  out.reserve(32);
  if (date.year < 0) {
    out.push_back('-');
    AppendPadded(out, -date.year, 4);
  } else {
    AppendPadded(out, date.year, 4);
  }
  out.push_back('-');
  AppendPadded(out, date.month, 2);
  out.push_back('-');
  AppendPadded(out, date.day, 2);
  out.push_back('T');
  AppendPadded(out, second_of_day / 3600, 2);
  out.push_back(':');
  AppendPadded(out, second_of_day / 60 % 60, 2);
  out.push_back(':');
  AppendPadded(out, second_of_day % 60, 2);
  if (micros != 0) {
    std::string fraction;
    AppendPadded(fraction, micros, 6);
    while (fraction.back() == '0') {
      fraction.pop_back();
    }
    out.push_back('.');
    out += fraction;
  }
  out.push_back('Z');
  return out;
}

std::int64_t SecondsBetween(Timestamp from, Timestamp to) {
  // Split each instant into whole seconds and a non-negative remainder so that
  // the subtraction cannot overflow even for extreme values.
  const std::int64_t from_seconds = FloorDiv(from.micros, kMicrosPerSecond);
  const std::int64_t to_seconds = FloorDiv(to.micros, kMicrosPerSecond);
  const std::int64_t from_rest = FloorMod(from.micros, kMicrosPerSecond);
  const std::int64_t to_rest = FloorMod(to.micros, kMicrosPerSecond);
  return to_seconds - from_seconds - (to_rest < from_rest ? 1 : 0);
}

Timestamp AddSeconds(Timestamp t, std::int64_t seconds) {
  // Saturate rather than overflow: an instant past the representable range
  // (about 292,000 years) only ever compares as "later than everything".
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  if (seconds > kMax / kMicrosPerSecond) {
    return Timestamp{kMax};
  }
  if (seconds < kMin / kMicrosPerSecond) {
    return Timestamp{kMin};
  }
  const std::int64_t delta = seconds * kMicrosPerSecond;
  if (delta > 0 && t.micros > kMax - delta) {
    return Timestamp{kMax};
  }
  if (delta < 0 && t.micros < kMin - delta) {
    return Timestamp{kMin};
  }
  return Timestamp{t.micros + delta};
}

}  // namespace samlint
