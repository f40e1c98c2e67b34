#include "diagnose/make.h"

#include <cstdlib>

#include "samlint/duration.h"
#include "samlint/rules.h"

namespace samlint {

Diagnostic MakeDiagnostic(RuleId rule, std::string message, std::optional<std::size_t> offset,
                          std::string fix) {
  const RuleInfo* info = FindRule(rule.name());
  // A constant without a registry entry is a programming error that
  // RuleRegistry.EveryRuleConstantIsRegistered catches.
  if (info == nullptr) std::abort();
  Diagnostic d;
  d.rule = std::string(rule.name());
  d.severity = info->default_severity;
  d.message = std::move(message);
  d.offset = offset;
  d.fix = std::move(fix);
  return d;
}

std::string Redact(std::string_view value, bool show_identities) {
  if (show_identities) return std::string(value);
  return "[redacted, " + std::to_string(value.size()) + " characters]";
}

std::string Shorten(std::string_view value, std::size_t limit) {
  if (value.size() <= limit) return std::string(value);
  std::size_t cut = limit;
  // Back off over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "\xE2\x80\xA6 (" + std::to_string(value.size()) +
         " bytes)";  // U+2026 …
}

std::string SecondsAndHuman(std::int64_t seconds) {
  return std::to_string(seconds) + " s (" + FormatDuration(seconds) + ")";
}

}  // namespace samlint
