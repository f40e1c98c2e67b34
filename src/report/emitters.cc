// The format names and the emitter factory; helpers shared by the emitters
// that point at files (SARIF, GitHub annotations).
#include "report/emitters.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "samlint/report.h"

namespace samlint {

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "sarif") return ReportFormat::kSarif;
  if (name == "github") return ReportFormat::kGithub;
  if (name == "html") return ReportFormat::kHtml;
  return std::nullopt;
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
    case ReportFormat::kText:
      break;
  }
  return MakeTextEmitter(out, std::move(options));
}

namespace report_paths {

// Declared where used (sarif.cc, github.cc): emitters.h is shared with the rest
// of the report layer and these are internal to the file-pointing emitters.
std::string AbsoluteBase(std::string_view base_directory) {
  std::error_code ec;
  std::filesystem::path base = base_directory.empty() ? std::filesystem::current_path(ec)
                                                      : std::filesystem::path(base_directory);
  if (ec) base = ".";
  base = std::filesystem::absolute(base, ec).lexically_normal();
  std::string s = base.generic_string();
  if (s.empty() || s.back() != '/') s.push_back('/');
  return s;
}

// `input` relative to `base` (an AbsoluteBase) with forward slashes, or the
// absolute path when the input lies outside it. Never touches the disk beyond
// resolving the current directory, so it works for inputs that do not exist.
std::string RelativeInputPath(std::string_view input, std::string_view base, bool* inside) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(std::filesystem::path(input), ec);
  if (ec) abs = std::filesystem::path(input);
  abs = abs.lexically_normal();
  std::string_view trimmed = base;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);
  std::filesystem::path rel = abs.lexically_relative(std::filesystem::path(trimmed));
  bool is_inside = !rel.empty() && *rel.begin() != "." && *rel.begin() != "..";
  std::string rel_text = rel.generic_string();
  if (inside != nullptr) *inside = is_inside;
  return is_inside ? rel_text : abs.generic_string();
}

// A diagnostic's line:column counts in the document samlint parsed. That is the
// input file itself only for a raw XML input that is not one part of a bigger
// capture (HAR, audit log); for base64, form-encoded, decrypted or embedded
// responses it is a position in the decoded document.
bool PositionsAreInFile(const CheckResult& result) {
  // An IdP configuration's positions are in the file itself, whatever its part.
  return (result.part.empty() && result.encoding == "xml") || result.kind == ResultKind::kIdpConfig;
}

}  // namespace report_paths
}  // namespace samlint
