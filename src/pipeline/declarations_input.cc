// A declarations file named as INPUT (pre-commit passes staged files by name):
// its own values are linted, and the caller joins its declarations with the run's.
#include <filesystem>

#include "base/diagnostic.h"
#include "declare/join.h"
#include "input/artifacts.h"
#include "pipeline/prepared_input.h"
#include "samlint/check.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

constexpr std::int64_t kHour = 3600;

// "path:12" -> line 12 at column 1, so text and SARIF reports can point at it.
std::optional<Location> LineOf(const std::string& source) {
  auto colon = source.rfind(':');
  if (colon == std::string::npos || colon + 1 >= source.size()) return std::nullopt;
  int line = 0;
  for (std::size_t i = colon + 1; i < source.size(); ++i) {
    char c = source[i];
    if (c < '0' || c > '9' || line > 100000000) return std::nullopt;
    line = line * 10 + (c - '0');
  }
  if (line <= 0) return std::nullopt;
  return Location{line, 1};
}

void Add(std::vector<Diagnostic>& out, RuleId rule, std::string message, const std::string& source,
         std::string fix) {
  Diagnostic d = MakeDiagnostic(rule, std::move(message), std::nullopt, std::move(fix));
  d.location = LineOf(source);
  out.push_back(std::move(d));
}

}  // namespace

std::optional<Declarations> ReadDeclarationsText(std::string_view input_name,
                                                 std::string_view bytes, const SplitInput& split,
                                                 const Limits& limits, Status& error) {
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  // XML and its encodings are never declarations; skip the YAML parse for them.
  if (first == std::string_view::npos || bytes[first] == '<') return std::nullopt;
  // Captures, STS requests and audit events are JSON too; they are never
  // declarations, whatever a lenient reader might make of them. JSON that
  // reached a limit there is reported by CheckInput, not parsed again here.
  if (!split.kind.empty() || !split.limit.empty()) return std::nullopt;
  Declarations d;
  error = ParseDeclarations(bytes, std::string(input_name), d, limits);
  if (!error.ok() && d.limits_exceeded.empty()) return std::nullopt;
  return d;
}

std::optional<Declarations> ReadDeclarationsInput(std::string_view input_name,
                                                  std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.input_bytes) return std::nullopt;
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || bytes[first] == '<') return std::nullopt;
  Status error;
  return ReadDeclarationsText(input_name, bytes, SplitArtifact(bytes, limits), limits, error);
}

CheckResult CheckDeclarationsInput(std::string_view input_name, std::string_view bytes,
                                   const Limits& limits) {
  Declarations d;
  Status error = ParseDeclarations(bytes, std::string(input_name), d, limits);
  return DeclarationsInputResult(input_name, d, error);
}

CheckResult DeclarationsInputResult(std::string_view input_name, const Declarations& d,
                                    const Status& error) {
  if (!error.ok()) {
    if (!d.limits_exceeded.empty()) return LimitExceededInput(input_name, error.message());
    return UnreadableInput(input_name, error.message());
  }
  CheckResult result;
  result.input = std::string(input_name);
  result.kind = ResultKind::kDeclarations;
  for (const DeclaredRole& r : d.roles) {
    if (!r.max_session || (*r.max_session >= kHour && *r.max_session <= 12 * kHour)) continue;
    Add(result.diagnostics, Rule::kRoleMaxOutOfRange,
        "Role " + (r.arn.empty() ? r.name : r.arn) + " declares MaxSessionDuration " +
            SecondsAndHuman(*r.max_session) + " (" + r.origin +
            "), outside what the cloud accepts (3600 to 43200 seconds).",
        r.source, "Set a value from 3600 to 43200 seconds.");
  }
  for (const DeclaredLoginSession& l : d.login_sessions) {
    if (l.seconds % kHour == 0 && l.seconds >= kHour && l.seconds <= 24 * kHour) continue;
    Add(result.diagnostics, Rule::kLoginSessionOutOfRange,
        "LoginSessionDuration " + SecondsAndHuman(l.seconds) + " (" + l.origin +
            ") is not accepted by SetSecurityPreference: it takes whole hours from 1 to 24.",
        l.source, "Use whole hours from 1 to 24.");
  }
  for (const DeclaredPermissionSet& p : d.permission_sets) {
    if (!p.session_duration ||
        (*p.session_duration >= kHour && *p.session_duration <= 12 * kHour)) {
      continue;
    }
    Add(result.diagnostics, Rule::kPermissionSetDurationOutOfRange,
        "Permission set " + (p.name.empty() ? p.arn : p.name) + " declares SessionDuration " +
            SecondsAndHuman(*p.session_duration) + " (" + p.origin +
            "), outside what IAM Identity Center accepts (PT1H to PT12H).",
        p.source, "Choose a value from PT1H to PT12H.");
  }
  for (const DeclaredWorkforcePool& w : d.workforce_pools) {
    // Both ends accepted (more-clouds.md open question 1).
    if (!w.session_duration || (*w.session_duration >= 900 && *w.session_duration <= 12 * kHour)) {
      continue;
    }
    Add(result.diagnostics, Rule::kWorkforcePoolSessionOutOfRange,
        "Workforce pool " + w.pool + " declares sessionDuration " +
            SecondsAndHuman(*w.session_duration) + " (" + w.origin +
            "), outside what Google Cloud accepts (900 to 43200 seconds).",
        w.source, "Set a value from 900s to 43200s.");
  }
  for (Diagnostic& f : DeclarationFileFindings(d)) {
    for (const UnresolvedDeclaration& u : d.unresolved) {
      if (f.message.find(u.source) != std::string::npos) f.location = LineOf(u.source);
    }
    result.diagnostics.push_back(std::move(f));
  }
  return result;
}

}  // namespace samlint
