// The format names and the emitter factory.
#include "report/emitters.h"

#include <string>
#include <string_view>

#include "samlint/report.h"

namespace samlint {

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "sarif") return ReportFormat::kSarif;
  if (name == "github") return ReportFormat::kGithub;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "concise") return ReportFormat::kConcise;
  if (name == "junit") return ReportFormat::kJunit;
  if (name == "gitlab") return ReportFormat::kGitlab;
  return std::nullopt;
}

std::string DiagnosticScope(const Diagnostic& d) {
  if (d.scenario.empty() || d.role.empty()) return d.scenario + d.role;
  return d.scenario + " " + d.role;
}

bool IsDocsUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0)
    rest = url.substr(8);
  else if (url.rfind("http://", 0) == 0)
    rest = url.substr(7);
  else
    return false;
  if (rest.empty() || rest.front() == '/') return false;  // a host is required
  for (char ch : rest) {
    auto c = static_cast<unsigned char>(ch);
    bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   std::string_view("-._~:/?[]@!$&'()*+,;=%").find(ch) != std::string_view::npos;
    if (!allowed) return false;  // '#' too: the rule id is the fragment
  }
  return true;
}

std::unique_ptr<Emitter> MakeEmitter(ReportFormat format, std::ostream& out,
                                     ReportOptions options) {
  switch (format) {
    case ReportFormat::kJson:
      return MakeJsonEmitter(out);
    case ReportFormat::kSarif:
      return MakeSarifEmitter(out, std::move(options));
    case ReportFormat::kGithub:
      return MakeGithubEmitter(out, std::move(options));
    case ReportFormat::kHtml:
      return MakeHtmlEmitter(out, std::move(options));
    case ReportFormat::kConcise:
      return MakeConciseEmitter(out, std::move(options));
    case ReportFormat::kJunit:
      return MakeJunitEmitter(out, std::move(options));
    case ReportFormat::kGitlab:
      return MakeGitlabEmitter(out, std::move(options));
    case ReportFormat::kText:
      break;
  }
  return MakeTextEmitter(out, std::move(options));
}

}  // namespace samlint
