// The HTML report (--format html): self-contained, XSS-safe, one SVG timeline
// per evaluation with the binding factor, the clamps and the target.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "samlint/report.h"
#include "support/report_builders.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

using samlint::testing::CliRun;
using samlint::testing::EmitReport;
using samlint::testing::RunCli;

CliRun AliyunHtml() {
  return RunCli({"check", "testdata/examples/aliyun-console-clamped.xml", "--scenario",
                 "aliyun:saml-console", "--login-session", "6h", "--role-max-session", "1h",
                 "--target", "8h", "--format", "html"});
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Tag {
  std::string name;
  bool closing = false;
  bool self_closing = false;
  std::vector<std::string> attributes;
};

// Every '<' of a safe page starts a tag samlint wrote (text is escaped), so
// reading tags with a regular expression sees exactly the page's elements.
std::vector<Tag> Tags(const std::string& html) {
  std::vector<Tag> tags;
  std::string body = html;
  // The stylesheet holds no '<'; drop it so CSS text is not read as attributes.
  auto style = body.find("<style>");
  auto style_end = body.find("</style>");
  if (style != std::string::npos && style_end != std::string::npos) {
    body.erase(style + 7, style_end - style - 7);
  }
  std::regex tag_re(R"(<(/?)([A-Za-z!][A-Za-z0-9]*)([^>]*)>)");
  std::regex attr_re(R"(([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*"[^"]*")");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), tag_re);
       it != std::sregex_iterator(); ++it) {
    Tag t;
    t.closing = (*it)[1].length() > 0;
    t.name = (*it)[2].str();
    std::string rest = (*it)[3].str();
    t.self_closing = !rest.empty() && rest.back() == '/';
    for (auto a = std::sregex_iterator(rest.begin(), rest.end(), attr_re);
         a != std::sregex_iterator(); ++a) {
      t.attributes.push_back((*a)[1].str());
    }
    tags.push_back(std::move(t));
  }
  return tags;
}

// Tags nest and close, ignoring the void elements.
void ExpectBalanced(const std::vector<Tag>& tags) {
  static const std::set<std::string> kVoid = {"!DOCTYPE", "meta", "br", "hr"};
  std::vector<std::string> stack;
  for (const Tag& t : tags) {
    if (kVoid.count(t.name) || t.self_closing) continue;
    if (!t.closing) {
      stack.push_back(t.name);
      continue;
    }
    ASSERT_FALSE(stack.empty()) << "</" << t.name << "> closes nothing";
    ASSERT_EQ(stack.back(), t.name) << "</" << t.name << "> closes <" << stack.back() << ">";
    stack.pop_back();
  }
  EXPECT_TRUE(stack.empty()) << stack.size() << " unclosed, innermost <" << stack.back() << ">";
}

void ExpectOnlySafeMarkup(const std::string& html) {
  static const std::set<std::string> kElements = {
      "!DOCTYPE", "html",  "head", "meta", "title", "style", "body",   "header", "main", "footer",
      "section",  "h1",    "h2",   "h3",   "h4",    "p",     "dl",     "dt",     "dd",   "table",
      "thead",    "tbody", "tr",   "th",   "td",    "code",  "strong", "span",   "div",  "ul",
      "li",       "svg",   "g",    "line", "rect",  "text",  "a"};
  static const std::set<std::string> kAttributes = {"lang",
                                                    "charset",
                                                    "http-equiv",
                                                    "content",
                                                    "name",
                                                    "class",
                                                    "id",
                                                    "title",
                                                    "style",
                                                    "xmlns",
                                                    "viewBox",
                                                    "width",
                                                    "height",
                                                    "role",
                                                    "aria-labelledby",
                                                    "x",
                                                    "y",
                                                    "x1",
                                                    "y1",
                                                    "x2",
                                                    "y2",
                                                    "rx",
                                                    "text-anchor",
                                                    "data-factor",
                                                    "data-binds",
                                                    "data-refused",
                                                    "href"};
  std::vector<Tag> tags = Tags(html);
  ASSERT_FALSE(tags.empty());
  for (const Tag& t : tags) {
    EXPECT_TRUE(kElements.count(t.name)) << "unexpected element <" << t.name << ">";
    for (const std::string& a : t.attributes) {
      EXPECT_TRUE(kAttributes.count(a)) << "unexpected attribute " << a << " on <" << t.name << ">";
    }
  }
  ExpectBalanced(tags);
}

TEST(ReportHtml, HostileValuesNeverAppearUnescaped) {
  CliRun run = RunCli(
      {"check", "testdata/report/hostile-values.xml", "--show-identities", "--format", "html"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string& html = run.out;
  ASSERT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("<img"), std::string::npos);
  EXPECT_EQ(lower.find("<svg onload"), std::string::npos);
  EXPECT_EQ(Count(lower, "</title>"),
            1u + Count(lower, "<title id=") + Count(lower, "<g data-factor="))
      << "a hostile </title> closed the page title";
  // The values are there, as text.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;svg onload=alert(4)&gt;&#39;&amp;&quot;@example.com"),
            std::string::npos);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, EscapesEveryFieldOfAResult) {
  const std::string evil = "\"'><script>x</script>&\x01";
  CheckResult r;
  r.input = "dir/" + evil + ".xml";
  r.kind = ResultKind::kSamlResponse;
  r.encoding = "xml";
  r.issuer = evil;
  r.subject = evil;
  r.t_use_source = evil;
  r.roles.push_back(RolePair{evil, evil, std::nullopt, std::nullopt, std::nullopt});
  Evaluation e;
  e.role = evil;
  e.outcome = Outcome::kRejected;
  e.rejected_by = {evil};
  Factor f;
  f.name = FactorName::kDurationSeconds;
  f.seconds = 7200;
  f.via = evil;
  e.factors.push_back(f);
  r.evaluations.push_back(e);
  Diagnostic d;
  d.rule = evil;
  d.message = evil;
  d.fix = evil;
  d.scenario = std::string(GetScenario(e.scenario).name);
  d.role = evil;
  r.diagnostics.push_back(d);

  std::string html = EmitReport(ReportFormat::kHtml, {r});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_NE(html.find("&quot;&#39;&gt;&lt;script&gt;x&lt;/script&gt;&amp;\xEF\xBF\xBD"),
            std::string::npos);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, IsSelfContained) {
  CliRun run = AliyunHtml();
  const std::string& html = run.out;
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
            std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  // Links only within the page (the overview to its sections).
  EXPECT_EQ(Count(html, " href="), Count(html, " href=\"#"));
  // No markup names a URL except the SVG namespace, which is never fetched
  // (text may: the issuer is one).
  std::regex tag_re(R"(<[A-Za-z][^>]*>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag_re);
       it != std::sregex_iterator(); ++it) {
    std::string tag = it->str();
    EXPECT_EQ(Count(tag, "://"), Count(tag, "xmlns=\"http://www.w3.org/2000/svg\"")) << tag;
  }
  EXPECT_NE(html.rfind("</html>\n"), std::string::npos);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, DrawsATimelinePerEvaluation) {
  CliRun run = AliyunHtml();
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string& html = run.out;
  EXPECT_EQ(Count(html, "<svg class=\"timeline\""), 1u);
  // One bar per factor; the role maximum binds and is below the target, the
  // login session is below the target, the other two are plain factors.
  EXPECT_EQ(Count(html, "<rect class=\"bind clamp\""), 1u);
  EXPECT_EQ(Count(html, "<rect class=\"clamp\""), 1u);
  EXPECT_EQ(Count(html, "<rect class=\"factor\""), 2u);
  EXPECT_NE(html.find("<title>role_max_session_duration: 1h 00m; binds; below target; "
                      "--role-max-session</title>"),
            std::string::npos);
  EXPECT_NE(html.find("&#9654; role_max_session_duration</text>"), std::string::npos);
  EXPECT_NE(html.find("<line class=\"target\""), std::string::npos);
  EXPECT_NE(html.find(">target 8h 00m</text>"), std::string::npos);
  EXPECT_NE(html.find(">t_use</text>"), std::string::npos);
  EXPECT_NE(html.find(">12h 00m</text>"), std::string::npos);
}

TEST(ReportHtml, ListsClampsFixesAndDiagnostics) {
  CliRun run = AliyunHtml();
  const std::string& html = run.out;
  EXPECT_NE(html.find("<h4>Below the target</h4>"), std::string::npos);
  auto clamps = html.find("<h4>Below the target</h4>");
  auto role_max = html.find(
      "<li><code>role_max_session_duration</code> 1h 00m, 7h 00m short of the target", clamps);
  auto login = html.find(
      "<li><code>login_session_duration</code> 6h 00m, 2h 00m short of the target", clamps);
  EXPECT_NE(role_max, std::string::npos);
  EXPECT_NE(login, std::string::npos);
  EXPECT_LT(role_max, login) << "tightest first";
  EXPECT_NE(
      html.find("<div class=\"fix\"><code>lifetime-below-target</code>: Raise the role maximum: "
                "<code class=\"cmd\">aliyun ram UpdateRole --RoleName ops --NewMaxSessionDuration "
                "28800</code>."),
      std::string::npos);
  EXPECT_NE(html.find("<td class=\"sev sev-error\">error</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"sev sev-note\">note</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"mono nowrap\">33:3</td>"), std::string::npos);
  EXPECT_NE(html.find("<dt>signature</dt><dd>missing</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dt>cloud</dt><dd>aliyun</dd>"), std::string::npos);
  EXPECT_NE(html.find("1 input checked, 0 skipped: 1 error, 0 warnings, 1 note."),
            std::string::npos);
}

TEST(ReportHtml, RejectedDeclarationsShowWhyAndTheFix) {
  CliRun run = RunCli({"check", "--scenario", "aws:assume-role", "--role-max-session", "1h",
                       "--duration-seconds", "2h", "--format", "html"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string& html = run.out;
  EXPECT_NE(html.find("<h2>(declarations)</h2>"), std::string::npos);
  EXPECT_NE(html.find("<strong class=\"outcome-bad\">rejected</strong>"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"fix\"><code>duration-exceeds-role-max</code>: Request at most "
                      "3600 seconds"),
            std::string::npos);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, ShowsObservedLifetimeInferredFactorsAndCapture) {
  CheckResult r;
  r.input = "capture.har";
  r.part = "/log/entries/3";
  r.kind = ResultKind::kSamlResponse;
  r.encoding = "base64";
  r.capture_url = "https://signin.aws.amazon.com/saml";
  r.capture_time = "2026-11-23T10:00:01Z";
  Evaluation e;
  e.effective_seconds = 1800;
  e.observed_seconds = 1800;
  e.binding = {FactorName::kSessionNotOnOrAfter};
  Factor f;
  f.name = FactorName::kSessionNotOnOrAfter;
  f.seconds = 1800;
  f.origin = FactorOrigin::kDocument;
  f.inferred = true;
  e.factors.push_back(f);
  r.evaluations.push_back(e);
  Diagnostic d;
  d.rule = "signature-missing";
  d.severity = Severity::kNote;
  d.message = "m";
  d.location = Location{4, 2};
  r.diagnostics.push_back(d);
  std::string html = EmitReport(ReportFormat::kHtml, {r});
  EXPECT_NE(html.find("<h2>capture.har#/log/entries/3</h2>"), std::string::npos);
  EXPECT_NE(html.find("<dt>captured at</dt>"), std::string::npos);
  EXPECT_NE(html.find("really lasted <strong>30m 00s</strong> (observed)"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<line class=\"observed\""), std::string::npos);
  EXPECT_NE(html.find("session_not_on_or_after (inferred)</text>"), std::string::npos);
  EXPECT_NE(html.find("4:2 (decoded)"), std::string::npos) << "a position in the decoded document";
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, OpensWithAnOverviewRowPerEvaluation) {
  CliRun run = RunCli({"check", "testdata/responses/aws-three-roles.xml", "--scenario",
                       "aws:saml-api", "--target", "8h", "--format", "html"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string& html = run.out;
  auto overview = html.find("<table class=\"overview\">");
  auto first_section = html.find("<section class=\"result\"");
  ASSERT_NE(overview, std::string::npos);
  ASSERT_NE(first_section, std::string::npos);
  EXPECT_LT(overview, first_section);
  auto overview_end = html.find("</table>", overview);
  std::string table = html.substr(overview, overview_end - overview);
  std::size_t evaluations = Count(html, "<svg class=\"timeline\"");
  EXPECT_GE(evaluations, 3u);
  EXPECT_EQ(Count(table, "<tr") - 1, evaluations) << table;  // minus the header row
  for (std::size_t i = 1; i <= evaluations; ++i) {
    std::string anchor = "r1-e" + std::to_string(i);
    EXPECT_NE(table.find("href=\"#" + anchor + "\""), std::string::npos) << anchor;
    EXPECT_NE(html.find("<h3 id=\"" + anchor + "\">"), std::string::npos) << anchor;
  }
  EXPECT_NE(table.find("arn:aws:iam::123456789012:role/"), std::string::npos) << table;
  EXPECT_NE(table.find("below the target</strong> 8h 00m"), std::string::npos) << table;
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, AResultWithoutEvaluationsHasAnOverviewRow) {
  CheckResult r = samlint::testing::XmlResult(
      "broken.xml", {samlint::testing::Diag("xml-malformed", Severity::kError, "m")});
  r.kind = ResultKind::kUnreadable;
  std::string html = EmitReport(ReportFormat::kHtml, {r});
  EXPECT_NE(html.find("not evaluated (unreadable): 1 error, 0 warnings"), std::string::npos)
      << html;
  EXPECT_LT(html.find("<table class=\"overview\">"), html.find("<section class=\"result\""));
}

TEST(ReportHtml, RejectedEvaluationMarksTheRefusedFactors) {
  CliRun run = RunCli({"check", "--scenario", "aws:assume-role", "--role-max-session", "1h",
                       "--duration-seconds", "2h", "--format", "html"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string& html = run.out;
  // DurationSeconds above the role maximum: both values are marked.
  EXPECT_NE(html.find("<g data-factor=\"duration_seconds\" data-refused=\"true\">"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<g data-factor=\"role_max_session_duration\" data-refused=\"true\">"),
            std::string::npos);
  EXPECT_NE(html.find("<rect class=\"refuse\""), std::string::npos);
  EXPECT_NE(html.find("&#10006; duration_seconds</text>"), std::string::npos);
  EXPECT_NE(html.find("refused: <code class=\"refuse\">role_max_session_duration</code> 1h 00m, "
                      "<code class=\"refuse\">duration_seconds</code> 2h 00m."),
            std::string::npos);
  EXPECT_NE(html.find("<tr class=\"refuse\"><td><code>duration_seconds</code>"), std::string::npos);
  EXPECT_EQ(html.find("data-binds"), std::string::npos) << "a rejected evaluation binds nothing";
  auto overview = html.find("<table class=\"overview\">");
  auto row = html.find("<tr class=\"refuse\">", overview);
  ASSERT_NE(row, std::string::npos);
  EXPECT_LT(row, html.find("</table>", overview));
  EXPECT_NE(html.find("<code>duration-exceeds-role-max</code>)", row), std::string::npos);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, LongLabelsFitInTheTimeline) {
  CheckResult r;
  r.kind = ResultKind::kDeclarations;
  Evaluation e;
  e.scenario = ScenarioId::kAwsIdentityCenter;
  e.effective_seconds = 3600;
  e.binding = {FactorName::kPermissionSetSessionDuration};
  Factor f;
  f.name = FactorName::kPermissionSetSessionDuration;
  f.seconds = 3600;
  f.origin = FactorOrigin::kDefault;
  e.factors.push_back(f);
  r.evaluations.push_back(e);
  std::string html = EmitReport(ReportFormat::kHtml, {r});
  const std::string label = "&#9654; permission_set_session_duration (assumed)</text>";
  auto at = html.find(label);
  ASSERT_NE(at, std::string::npos) << html;
  auto open = html.rfind("<text x=\"", at);
  int x = std::stoi(html.substr(open + 9));
  // The label is anchored at its end: x must leave room for all of it (at a
  // generous 0.65em per character of 12px bold text).
  const std::size_t characters = std::string("> permission_set_session_duration (assumed)").size();
  EXPECT_GE(x, static_cast<int>(characters * 78 / 10)) << html.substr(open, 120);
  ExpectOnlySafeMarkup(html);
}

TEST(ReportHtml, FixCommandsAreCode) {
  CheckResult r = samlint::testing::XmlResult(
      "a.xml", {samlint::testing::Diag("lifetime-below-target", Severity::kError, "m")});
  r.diagnostics[0].fix = "Run `aws iam update-role --x <y>` then `b`; unpaired ` stays";
  std::string html = EmitReport(ReportFormat::kHtml, {r});
  EXPECT_NE(html.find("<td>Run <code class=\"cmd\">aws iam update-role --x &lt;y&gt;</code> then "
                      "<code class=\"cmd\">b</code>; unpaired ` stays</td>"),
            std::string::npos)
      << html;
  ExpectOnlySafeMarkup(html);
}

}  // namespace
}  // namespace samlint
