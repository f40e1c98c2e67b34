/// Suppressions and rule settings applied to finished results: rule selection
/// (--select, --ignore), the config's [rules] severities, inline
/// `samlint-disable` comments, and --baseline reports.
#pragma once

#include <cstddef>
#include <map>
#include <functional>
#include <optional>
#include <set>
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

/// One layer of rule selection, as in ruff: `select` replaces the rules the
/// layers before chose, `extend_select` adds to them, `ignore` removes from
/// them. A selector is a rule id, a prefix of rule ids ("signature-") or "ALL".
struct RuleSelectors {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

/// The rules a run reports, chosen by layers of selectors (samlint.toml's,
/// then the command line's).
class RuleSelection {
 public:
  /// Every rule.
  RuleSelection() = default;

  /// Applies `layer` over the rules chosen so far. Within a layer, a rule both
  /// selected and ignored follows the longer (more specific) selector; on a
  /// tie it is ignored. The rules that say an input could not be checked
  /// (input-unreadable, xml-malformed, limit-exceeded, config-invalid) are
  /// left out only by an `ignore` naming their exact id, so that narrowing the
  /// selection never turns a broken input into a pass. Fails, changing
  /// nothing, with "--select: 'X' matches no rule (did you mean 'Y'?)" (the
  /// option the selector came from) when a selector names no rule.
  Status Apply(const RuleSelectors& layer);

  /// Whether findings of `rule` are reported.
  bool Selected(std::string_view rule) const { return unselected_.count(rule) == 0; }

  /// The rules left out, sorted.
  const std::set<std::string, std::less<>>& unselected() const { return unselected_; }

 private:
  std::set<std::string, std::less<>> unselected_;
};

/// Drops the diagnostics of the rules `selection` leaves out. They are not
/// counted as suppressed: the run was not asked for them.
void ApplyRuleSelection(CheckResult& result, const RuleSelection& selection);

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
