// GitLab Code Quality (--format gitlab): the JSON array GitLab reads from a
// job's `artifacts:reports:codequality`, one object per finding:
// {description, check_name, fingerprint, severity, location {path, lines {begin}}}.
//
// - check_name is the rule id; description the message, prefixed with the
//   scope of a finding about one evaluation ("(aws:saml-console,
//   123456789012:role/ops) ...") and followed by the fix, so that the merge
//   request widget tells the roles apart and says what to change.
// - fingerprint is the finding's stable identity (identity/, the value SARIF
//   publishes as partialFingerprints["samlint/v1"]) over the path below, so
//   GitLab matches a finding across pipelines while line numbers move.
// - severity: error -> major, or critical for a trust rule (a signature or
//   XML trick: a security problem); warning -> minor; note -> info. samlint
//   has no finding worth "blocker" beyond what exit status 1 already blocks.
// - location.path is relative to the working directory (the repository root
//   in a CI job); stdin is "-" and option-only declarations "(declarations)".
//   GitLab requires lines.begin: it is the finding's line when that points
//   into the file, else 1 (a position in a decoded document is appended to
//   the description instead).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "report/finding_scope.h"
#include "samlint/report.h"
#include "samlint/rules.h"

namespace samlint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view CodeQualitySeverity(const Diagnostic& d) {
  const RuleInfo* rule = FindRule(d.rule);
  const bool security = rule != nullptr && rule->category == RuleCategory::kTrust;
  return BySeverity<std::string_view>(d.severity, security ? "critical" : "major", "minor", "info");
}

class GitlabEmitter final : public Emitter {
 public:
  GitlabEmitter(std::ostream& out, ReportOptions options)
      : out_(out), base_(AbsoluteBase(options.base_directory)) {}

  void Begin() override { out_ << "["; }

  void Result(const CheckResult& r) override {
    std::string path = ReportedPath(r, base_);
    if (path.empty()) path = "(declarations)";
    const bool positions_in_file = PositionsAreInFile(r);
    std::vector<std::string> fingerprints = ResultFingerprints(r, path);
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      std::string description;
      if (std::string scope = FindingScope(r, d); !scope.empty()) description = "(" + scope + ") ";
      description += d.message + DecodedPosition(r, d);
      if (!d.fix.empty()) description += " Fix: " + d.fix;
      int line = d.location && positions_in_file && d.location->line > 0 ? d.location->line : 1;
      Json item;
      item["description"] = std::move(description);
      item["check_name"] = d.rule;
      item["fingerprint"] = fingerprints[i];
      item["severity"] = CodeQualitySeverity(d);
      item["location"] = Json{{"path", path}, {"lines", Json{{"begin", line}}}};
      out_ << (first_ ? "\n  " : ",\n  ")
           << item.dump(-1, ' ', false, Json::error_handler_t::replace);
      first_ = false;
    }
  }

  void End(const RunSummary& summary) override {
    (void)summary;
    out_ << (first_ ? "]\n" : "\n]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string base_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Emitter> MakeGitlabEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<GitlabEmitter>(out, std::move(options));
}

}  // namespace samlint
