// GitHub Actions workflow commands (--format github): one annotation per
// diagnostic, `::error file=PATH,line=L,col=C,title=RULE::MESSAGE`, so that a
// workflow step shows each finding on the file (and line) it is about.
//
// Every value is escaped the way the Actions runner unescapes it (data: % CR
// LF; properties also : and ,), so a message quoting attacker-controlled SAML
// text can neither end the command early nor start a new one on a new line.
#include <string>
#include <string_view>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "samlint/report.h"

namespace samlint {

namespace {

std::string_view CommandFor(Severity severity) {
  return BySeverity<std::string_view>(severity, "error", "warning", "notice");
}

// Escapes what the runner unescapes: % CR LF in data; also : and , in properties.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

std::string EscapeData(std::string_view text) { return Escape(text, false); }

std::string EscapeProperty(std::string_view text) { return Escape(text, true); }

class GithubEmitter final : public Emitter {
 public:
  GithubEmitter(std::ostream& out, ReportOptions options)
      : out_(out), base_(AbsoluteBase(options.base_directory)) {}

  void Begin() override {}

  void Result(const CheckResult& r) override {
    std::string file;
    if (r.input && *r.input != "-") file = RelativeInputPath(*r.input, base_, nullptr);
    // A line:column in a base64, form-encoded, decrypted or multi-response
    // input points into the decoded document, not into the file: say it in
    // the message instead of pointing at the wrong line.
    bool positions_in_file = PositionsAreInFile(r);
    for (const Diagnostic& d : r.diagnostics) {
      std::string properties;
      auto add = [&](std::string_view name, const std::string& value) {
        properties += properties.empty() ? " " : ",";
        properties.append(name);
        properties.push_back('=');
        properties += EscapeProperty(value);
      };
      if (!file.empty()) add("file", file);
      if (!file.empty() && d.location && positions_in_file && d.location->line > 0) {
        add("line", std::to_string(d.location->line));
        if (d.location->column > 0) add("col", std::to_string(d.location->column));
      }
      add("title", d.rule);

      std::string message;
      if (std::string scope = DiagnosticScope(d); !scope.empty()) message += "[" + scope + "] ";
      if (!r.part.empty()) message += "(" + r.part + ") ";
      message += d.message;
      if (d.location && !positions_in_file) {
        message += " (line " + std::to_string(d.location->line) + ", column " +
                   std::to_string(d.location->column) + " of the decoded " + r.encoding +
                   " document)";
      }
      if (!d.fix.empty()) message += "\nFix: " + d.fix;
      out_ << "::" << CommandFor(d.severity) << properties << "::" << EscapeData(message) << "\n";
    }
  }

  void End(const RunSummary& s) override {
    // A plain log line (not a workflow command): the run's totals.
    out_ << "samlint: " << s.checked << (s.checked == 1 ? " input" : " inputs") << " checked, "
         << s.skipped << " skipped: " << s.errors << (s.errors == 1 ? " error" : " errors") << ", "
         << s.warnings << (s.warnings == 1 ? " warning" : " warnings") << ", " << s.notes
         << (s.notes == 1 ? " note" : " notes") << "\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string base_;
};

}  // namespace

std::unique_ptr<Emitter> MakeGithubEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<GithubEmitter>(out, std::move(options));
}

}  // namespace samlint
