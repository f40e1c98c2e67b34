// Building diagnostics with the rule registry's default severity.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "samlint/diagnostic.h"
#include "samlint/rule_id.h"

namespace samlint {

/// A diagnostic of `rule` at its default severity (every `Rule` constant is in the registry).
Diagnostic MakeDiagnostic(RuleId rule, std::string message,
                          std::optional<std::size_t> offset = std::nullopt, std::string fix = {});

/// `value` itself when identities are shown, else a placeholder that keeps its length.
std::string Redact(std::string_view value, bool show_identities);

/// The longest value a message quotes whole, in bytes.
inline constexpr std::size_t kShortenLimit = 120;

/// How a message shows a value taken from an input document: `value` itself
/// up to `limit` bytes, else its first bytes up to that limit, cut on a UTF-8
/// character boundary, then "… (N bytes)" with its full length, so a huge
/// attribute value cannot make a huge report. A larger `limit` is for values
/// whose tail matters, such as a cloud's own error message.
std::string Shorten(std::string_view value, std::size_t limit = kShortenLimit);

/// "3600 s (1h 00m)".
std::string SecondsAndHuman(std::int64_t seconds);

}  // namespace samlint
