// Building diagnostics with the rule registry's default severity.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "samlint/diagnostic.h"

namespace samlint {

/// A diagnostic of `rule` at its default severity. `rule` must be in the registry.
Diagnostic MakeDiagnostic(std::string_view rule, std::string message,
                          std::optional<std::size_t> offset = std::nullopt, std::string fix = {});

/// `value` itself when identities are shown, else a placeholder that keeps its length.
std::string Redact(std::string_view value, bool show_identities);

/// "3600 s (1h 00m)".
std::string SecondsAndHuman(std::int64_t seconds);

}  // namespace samlint
