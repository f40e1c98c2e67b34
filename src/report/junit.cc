// JUnit XML (--format junit), for CI systems that show test reports (GitLab
// `artifacts:reports:junit`, Jenkins, Azure Pipelines, CircleCI):
//
//   <testsuites name="samlint">
//     <testsuite name=INPUT tests=N failures=F errors="0" skipped="0">
//       <testcase classname=INPUT name="RULE (scope)" file=INPUT line=L>
//         <failure type=RULE message=MESSAGE>where, message, fix</failure>
//       </testcase>
//
// - One testsuite per result (an input, or one response of a capture:
//   "INPUT#/log/entries/3"), one testcase per finding, so a CI page lists each
//   finding under the file it is about. An input without findings has one
//   passing testcase, "no findings", so that every checked input is counted.
// - A finding at error severity is a <failure>; a warning or a note is a
//   passing testcase whose <system-out> holds it (JUnit has no softer verdict
//   than failure; "skipped" would claim the check did not run).
// - The testcase name carries the scope (scenario, account:role/name) of a
//   finding about one evaluation, so the findings for several roles differ;
//   a name repeated within one testsuite gets " #2", " #3", ... so that every
//   testcase is its own (some readers merge equal names).
// - The root element has no totals: the report streams, one testsuite per
//   input as it is checked; readers sum the testsuites.
// - Text is XML-escaped; bytes that are not UTF-8, and characters XML 1.0
//   forbids, become U+FFFD, so a message quoting hostile SAML text still
//   leaves a well-formed document.
#include <map>
#include <string>
#include <string_view>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "report/finding_scope.h"
#include "samlint/report.h"

namespace samlint {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool XmlAllows(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when it is
// not well-formed (overlong, surrogate, out of range, truncated).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t& c) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  std::size_t length = b < 0x80           ? 1
                       : (b >> 5) == 0x6  ? 2
                       : (b >> 4) == 0xE  ? 3
                       : (b >> 3) == 0x1E ? 4
                                          : 0;
  if (length == 0 || i + length > text.size()) return 0;
  c = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMinimum[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return length;
}

// XML text: element content when `attribute` is false, a double-quoted
// attribute value (whitespace kept through character references) when true.
std::string Escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = DecodeUtf8(text, i, c);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (!XmlAllows(c)) {
      out += kReplacement;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (attribute && c == '"') {
      out += "&quot;";
    } else if (attribute && c == '\n') {
      out += "&#10;";
    } else if (attribute && c == '\r') {
      out += "&#13;";
    } else if (attribute && c == '\t') {
      out += "&#9;";
    } else if (!attribute && c == '\r') {
      out += "&#13;";  // a literal CR in content would be read as a line end
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string Attr(std::string_view text) { return Escape(text, true); }
std::string Text(std::string_view text) { return Escape(text, false); }

class JunitEmitter final : public Emitter {
 public:
  JunitEmitter(std::ostream& out, ReportOptions options) : out_(out) { (void)options; }

  void Begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"samlint\">\n";
  }

  void Result(const CheckResult& r) override {
    std::string input = r.input ? *r.input : std::string("(declarations)");
    std::string suite = r.part.empty() ? input : input + "#" + r.part;
    int failures = 0;
    for (const Diagnostic& d : r.diagnostics) failures += d.severity == Severity::kError ? 1 : 0;
    std::size_t tests = r.diagnostics.empty() ? 1 : r.diagnostics.size();
    out_ << "  <testsuite name=\"" << Attr(suite) << "\" tests=\"" << tests << "\" failures=\""
         << failures << "\" errors=\"0\" skipped=\"0\">\n";
    const bool has_file = r.input && *r.input != "-";
    const bool positions_in_file = PositionsAreInFile(r);
    if (r.diagnostics.empty()) {
      out_ << "    <testcase classname=\"" << Attr(input) << "\" name=\"no findings\"";
      if (has_file) out_ << " file=\"" << Attr(input) << "\"";
      out_ << "/>\n";
    }
    std::map<std::string, int, std::less<>> seen;  // equal names get " #2", " #3", ...
    for (const Diagnostic& d : r.diagnostics) {
      std::string name = d.rule;
      if (std::string scope = FindingScope(r, d); !scope.empty()) name += " (" + scope + ")";
      if (int n = ++seen[name]; n > 1) name += " #" + std::to_string(n);
      std::string where;
      if (d.location && d.location->line > 0) {
        where = " at line " + std::to_string(d.location->line) + ", column " +
                std::to_string(d.location->column);
        if (!positions_in_file) where += " of the decoded " + r.encoding + " document";
      }
      std::string body = std::string(SeverityName(d.severity)) + where + ": " + d.message;
      if (!d.fix.empty()) body += "\nFix: " + d.fix;

      out_ << "    <testcase classname=\"" << Attr(input) << "\" name=\"" << Attr(name) << "\"";
      if (has_file) out_ << " file=\"" << Attr(input) << "\"";
      if (has_file && d.location && positions_in_file && d.location->line > 0) {
        out_ << " line=\"" << d.location->line << "\"";
      }
      out_ << ">\n";
      if (d.severity == Severity::kError) {
        out_ << "      <failure type=\"" << Attr(d.rule) << "\" message=\"" << Attr(d.message)
             << "\">" << Text(body) << "</failure>\n";
      } else {
        out_ << "      <system-out>" << Text(body) << "</system-out>\n";
      }
      out_ << "    </testcase>\n";
    }
    out_ << "  </testsuite>\n";
  }

  void End(const RunSummary& summary) override {
    (void)summary;
    out_ << "</testsuites>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Emitter> MakeJunitEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<JunitEmitter>(out, std::move(options));
}

}  // namespace samlint
