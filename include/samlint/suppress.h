/// Suppressions and rule settings applied to finished results: the config's
/// [rules] severities, inline `samlint-disable` comments, and --baseline reports.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/config.h"
#include "samlint/result.h"
#include "samlint/status.h"

namespace samlint {

/// Baseline files are refused above this size.
inline constexpr std::size_t kMaxBaselineBytes = 64u * 1024u * 1024u;

/// The findings of a previous run. Each fingerprint absorbs one finding.
class Baseline {
 public:
  /// Parses a samlint JSON report (--format json) or SARIF report. Fails with a
  /// one-sentence error (to follow the file's name and ": ") when the text is neither.
  Status Parse(std::string_view text);

  /// Drops the diagnostics of `result` that the baseline holds, counting them
  /// in `result.suppressed`. `base_directory` is SARIF's %SRCROOT% (empty: the
  /// working directory). Not thread-safe: call it for one result at a time.
  void Apply(CheckResult& result, std::string_view base_directory = {});

  std::size_t size() const { return total_; }

 private:
  std::map<std::string, int> remaining_;
  std::size_t total_ = 0;
  bool sarif_ = false;
};

/// Reads and parses a baseline file (see Baseline::Parse).
Status LoadBaseline(const std::string& path, Baseline& out);

/// Applies [rules] settings: a rule set to "off" leaves the diagnostics, any
/// other setting replaces the severity.
void ApplyRuleSettings(CheckResult& result, const std::vector<RuleSetting>& settings);

/// Applies inline `<!-- samlint-disable RULE[,RULE...]: reason -->` comments
/// of `xml` (the document the diagnostics' offsets point into) to `result`:
/// suppressed diagnostics leave it and are counted; reasonless, unknown-rule
/// and unused suppressions become findings (suppression-invalid,
/// suppression-unused) located at the comment.
void ApplyInlineSuppressions(std::string_view xml, CheckResult& result);

}  // namespace samlint
