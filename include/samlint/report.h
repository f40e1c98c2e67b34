/// Emitters: one per output format, fed one result at a time.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/result.h"
#include "samlint/rules.h"

namespace samlint {

enum class ReportFormat { kText, kJson, kSarif, kGithub, kHtml, kConcise, kJunit, kGitlab };

/// Parses "text", "json", "sarif", "github", "html", "concise", "junit" or "gitlab".
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

struct ReportOptions {
  bool color = false;  ///< ANSI colour (text only)
  /// Directory that relative artifact URIs (SARIF, GitHub annotations) are
  /// relative to; empty: the current working directory.
  std::string base_directory;
  /// Absolute http(s) URL of the rules documentation (docs/rules.md where the
  /// samlint sources are published); SARIF rules then carry
  /// helpUri = docs_url + "#" + rule id. Empty: no helpUri.
  std::string docs_url;
  /// Text: one summary line per result (its evaluations' lifetimes, what
  /// binds, the outcome) instead of the factor tables; the run asks for it
  /// when it checks several inputs without --explain.
  bool summary_lines = false;
  /// --quiet. Text: the findings only, under the name of their input: no
  /// factor tables, no inputs without findings, no closing counts. Concise:
  /// no closing summary line.
  bool quiet = false;
  /// Text: StatisticsTable after the report (--statistics).
  bool statistics = false;
};

/// True when `url` can be ReportOptions::docs_url: http or https, and only
/// characters a URI allows unencoded, no fragment.
bool IsDocsUrl(std::string_view url);

/// How many findings of one rule, at one severity, a run reported.
struct RuleCount {
  std::string rule;
  Severity severity = Severity::kError;
  int count = 0;
};

/// Counts for the closing line of a run.
struct RunSummary {
  int checked = 0;  ///< inputs checked (results emitted for files and stdin)
  int skipped = 0;  ///< files skipped inside directories
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int suppressed = 0;  ///< findings left out by inline comments or the baseline
  /// The reported findings per rule and severity: most frequent first, then by
  /// rule id, then error before warning before note.
  std::vector<RuleCount> by_rule;
};

/// --statistics: one line per entry of `summary.by_rule`, "COUNT  SEVERITY
/// RULE", counts right-aligned and severities padded; empty when nothing was reported.
std::string StatisticsTable(const RunSummary& summary);

/// Streams a report: Begin once, Result per input in order, End once. Result
/// writes without flushing (the run flushes the stream whenever it waits for
/// the next input); End flushes.
class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual void Begin() = 0;
  virtual void Result(const CheckResult& result) = 0;
  virtual void End(const RunSummary& summary) = 0;
};

std::unique_ptr<Emitter> MakeEmitter(ReportFormat format, std::ostream& out, ReportOptions options);

/// The report's JSON for one result (as in the contract), for emitters and tests.
std::string ResultToJson(const CheckResult& result, int indent);

/// `samlint rules ID --format json`: one rule as a JSON object
/// {id, severity, category, summary, rationale, example, fix, reference}.
std::string RuleToJson(const RuleInfo& rule, int indent);

/// `samlint rules --format json`: every rule of the registry, in id order, as a
/// JSON array of RuleToJson's objects.
std::string RulesToJson(int indent);

}  // namespace samlint
