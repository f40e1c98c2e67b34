// The one-line format (--format concise): one finding per line, in the
// `path:line:col: severity [rule] (scope) message` shape that compilers,
// ruff's concise output and editors' quickfix lists share, then the run's
// summary line (left out with -q).
//
// - The path is the input as given (stdin "-", option-only declarations
//   "(declarations)").
// - `:line:col` only when it points into the file's own bytes; a finding about
//   the whole input is `path: severity ...` (no invented 1:1), and a position
//   in a decoded document (base64, form body, a capture's part) goes at the
//   end of the message instead.
// - The scope in parentheses names the part, the scenario and the role
//   (account:role/name) of a finding about one evaluation, so that the lines
//   for several roles can be told apart.
// - Control characters (a message can quote SAML text) become U+FFFD, line
//   breaks a space: one finding stays one line and cannot drive a terminal.
#include <string>
#include <string_view>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "report/finding_scope.h"
#include "samlint/report.h"

namespace samlint {

namespace {

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t')
      out.push_back(' ');
    else if (u < 0x20 || u == 0x7f)
      out += "\xEF\xBF\xBD";
    else
      out.push_back(c);
  }
  return out;
}

std::string Plural(int n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

class ConciseEmitter final : public Emitter {
 public:
  ConciseEmitter(std::ostream& out, ReportOptions options) : out_(out), quiet_(options.quiet) {}

  void Begin() override {}

  void Result(const CheckResult& r) override {
    const std::string path = OneLine(r.input ? *r.input : std::string("(declarations)"));
    const bool positions_in_file = PositionsAreInFile(r);
    for (const Diagnostic& d : r.diagnostics) {
      std::string line = path;
      if (d.location && positions_in_file && d.location->line > 0) {
        line += ":" + std::to_string(d.location->line);
        if (d.location->column > 0) line += ":" + std::to_string(d.location->column);
      }
      line += ": ";
      line += SeverityName(d.severity);
      line += " [" + d.rule + "] ";
      if (std::string scope = FindingScope(r, d); !scope.empty()) line += "(" + scope + ") ";
      line += d.message + DecodedPosition(r, d);
      line = OneLine(line);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_ << line << "\n";
    }
  }

  void End(const RunSummary& s) override {
    if (!quiet_) {
      out_ << Plural(s.checked, "input") << " checked, " << s.skipped
           << " skipped: " << Plural(s.errors, "error") << ", " << Plural(s.warnings, "warning")
           << ", " << Plural(s.notes, "note");
      if (s.suppressed > 0) out_ << " (" << s.suppressed << " suppressed)";
      out_ << "\n";
    }
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool quiet_;
};

}  // namespace

std::unique_ptr<Emitter> MakeConciseEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<ConciseEmitter>(out, std::move(options));
}

}  // namespace samlint
