/// Points in time: xs:dateTime parsing and formatting, and the injected clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samlint {

/// A UTC instant, microseconds since 1970-01-01T00:00:00Z.
struct Timestamp {
  std::int64_t micros = 0;

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

/// Parses an xs:dateTime ("2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123+02:00").
/// Fractional digits beyond microseconds are truncated; a missing zone means UTC.
/// Returns nullopt for anything that is not a valid calendar date and time.
std::optional<Timestamp> ParseDateTime(std::string_view text);

/// Formats as "2026-11-23T10:00:00Z" (fraction shown only when not zero).
std::string FormatDateTime(Timestamp t);

/// Whole seconds from `from` to `to`, rounded down (floor), may be negative.
std::int64_t SecondsBetween(Timestamp from, Timestamp to);

/// `t` moved by `seconds`.
Timestamp AddSeconds(Timestamp t, std::int64_t seconds);

}  // namespace samlint
