/// Findings as data: a rule id, a severity, a message, where, and how to fix it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samlint {

enum class Severity { kNote, kWarning, kError };

/// "note", "warning" or "error".
std::string_view SeverityName(Severity severity);

/// The value an output format gives `severity`: one mapping per format, in one
/// expression (`BySeverity(s, "error", "warning", "notice")`).
template <class T>
constexpr T BySeverity(Severity severity, T error, T warning, T note) {
  return severity == Severity::kError ? error : severity == Severity::kWarning ? warning : note;
}

/// A 1-based line and column (columns count bytes) in the document a fact was read from.
struct Location {
  int line = 0;
  int column = 0;
};

/// One finding. Diagnostics about one evaluation carry its scenario and role.
struct Diagnostic {
  std::string rule;                 ///< stable rule id, e.g. "lifetime-below-target"
  Severity severity = Severity::kError;
  std::string message;              ///< one or two sentences, self-contained
  std::optional<std::size_t> offset; ///< byte offset in the document, if anywhere
  std::optional<Location> location; ///< the same place as line:column, filled from `offset`
  std::string fix;                  ///< what to change, with the command that changes it; may be empty
  std::string scenario;             ///< scenario id, or empty for findings about the whole input
  std::string role;                 ///< role ARN, or empty
};

}  // namespace samlint
