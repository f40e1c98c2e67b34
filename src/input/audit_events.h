// Audit events of STS calls: CloudTrail (a record, a log file, JSON Lines,
// `aws cloudtrail lookup-events` output) and ActionTrail. Internal.
#pragma once

#include <optional>
#include <string_view>

#include "input/artifacts.h"
#include "input/json_reader.h"
#include "samlint/timestamp.h"

namespace samlint {

/// Parses CloudTrail's expiration forms: ISO 8601, or the console's
/// "Nov 21, 2026, 2:02:11 AM" (UTC). nullopt when it is neither.
std::optional<Timestamp> ParseTrailTime(std::string_view text);

namespace input {

/// The STS events of a CloudTrail or ActionTrail document (one event, an
/// array, {"Records":[...]}, {"Events":[...]}), one part per event; an error
/// when it holds none. nullopt when it holds no audit event, or when an
/// embedded CloudTrailEvent spent the budget (budget.exceeded tells).
std::optional<SplitInput> SplitTrail(const Json& root, JsonBudget& budget);

/// JSON Lines of audit events; the pointer of line i (0-based, blank lines
/// counted) is "/i". A broken line after the first event ends the input with
/// an error. nullopt when the first record is no audit event.
std::optional<SplitInput> SplitJsonLines(std::string_view text, JsonBudget& budget);

}  // namespace input
}  // namespace samlint
