/// Durations as users write them (3600, 90m, 1h30m, 1d, PT8H) and as reports print them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "samlint/status.h"

namespace samlint {

/// Parses a DURATION into whole seconds: plain seconds ("3600"), unit
/// sequences in descending order ("1d", "8h", "90m", "1h30m", "45s") or ISO
/// 8601 ("PT8H", "P1DT2H", "PT1H30M"). Returns nullopt for anything else,
/// negative values, fractional seconds, or values past ten years.
std::optional<std::int64_t> ParseDuration(std::string_view text);

/// Parses a protobuf Duration in its JSON form, as Google Cloud APIs write
/// one ("3600s", "43200.5s": decimal seconds with up to nine fractional
/// digits, ending with 's'), into whole seconds, the fraction dropped. Returns
/// nullopt for anything else (a unit other than s, a sign, a blank, an
/// exponent, more than nine fractional digits) or a value past 315576000000 s.
std::optional<std::int64_t> ParseProtobufDuration(std::string_view text);

/// The unit a bare number (no unit, no ISO 8601) is read in: the unit of the
/// API that sets the value. Seconds for DurationSeconds, MaxSessionDuration,
/// permission-set durations and targets; hours for LoginSessionDuration, as
/// `aliyun ram SetSecurityPreference` takes it.
enum class BareUnit { kSeconds, kHours };

/// The shortest session any cloud issues (AWS and Alibaba Cloud STS: 900 s).
inline constexpr std::int64_t kShortestSession = 900;

/// ParseDuration for a session length: a bare number is in `unit`, and a bare
/// number that would mean less than kShortestSession is refused, since it is
/// almost certainly a unit left out ("8" meant 8h). A failure says why,
/// suggesting the unit ("did you mean 8h?").
Result<std::int64_t> ParseSessionDuration(std::string_view text, BareUnit unit);

/// Formats seconds for people: "1h 00m", "12h 30m", "15m 00s", "45s",
/// with a trailing seconds field only when it is not zero ("1h 00m 05s").
std::string FormatDuration(std::int64_t seconds);

}  // namespace samlint
