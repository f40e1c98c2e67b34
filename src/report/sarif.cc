// The SARIF 2.1.0 report (--format sarif): one run whose driver lists every rule
// of the registry, then one result per diagnostic, streamed as inputs finish.
//
// Choices a SARIF consumer can rely on:
// - helpUri only with --docs-url (ReportOptions::docs_url): SARIF wants an
//   absolute URI there and samlint has no canonical public host to name (the
//   GitHub Action passes the URL of the docs/rules.md it runs from). Each
//   rule's help text also says where its documentation is
//   (docs/rules.md#<rule-id>, `samlint rules <rule-id>`).
// - Artifact URIs are relative to %SRCROOT% (ReportOptions::base_directory, or
//   the working directory), percent-encoded, with forward slashes; an input
//   outside it gets an absolute file: URI. Declarations and stdin have no
//   location.
// - A region is given only when the line and column point into the file's own
//   bytes (a raw XML input). For base64, form-encoded, decrypted or
//   multi-response inputs the position refers to the decoded document, so it
//   goes in the result's properties as "documentPosition" instead.
// - Columns count bytes, which equals SARIF's default (UTF-16 code units) on
//   ASCII lines; SAML markup is ASCII in practice.
// - partialFingerprints["samlint/v1"] is FNV-1a 64 over the rule id, the
//   artifact URI, the part, the scenario, the role and the message with every
//   digit run replaced by 0, plus an occurrence number among equal keys in
//   one result. It ignores line numbers and values, so an edit elsewhere in
//   the file or a changed duration keeps the alert's identity.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "samlint/report.h"
#include "samlint/rules.h"
#include "samlint/suppress.h"
#include "samlint/version.h"

namespace samlint {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "samlint/v1";

// The one mapping from a samlint severity to a SARIF level.
std::string_view SarifLevel(Severity severity) {
  return BySeverity<std::string_view>(severity, "error", "warning", "note");
}

// "lifetime-below-target" -> "LifetimeBelowTarget" (reportingDescriptor.name).
std::string PascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

// GitHub code scanning ranks security alerts by this CVSS-like score; only the
// trust rules (signatures, XML tricks) are security findings.
std::optional<std::string> SecuritySeverity(const RuleInfo& rule) {
  if (rule.category != RuleCategory::kTrust) return std::nullopt;
  return std::string(BySeverity<std::string_view>(rule.default_severity, "8.0", "5.0", "3.0"));
}

// Every rule reads facts that are in the document or declared, so none is a
// heuristic; lifetime rules still depend on declarations and documented
// defaults that may differ from the real account, hence one step lower.
std::string_view Precision(const RuleInfo& rule) {
  return rule.category == RuleCategory::kLifetime ? "high" : "very-high";
}

Json RuleJson(const RuleInfo& rule, const std::string& docs_url) {
  std::string id(rule.id);
  std::string docs = "docs/rules.md#" + id;
  Json j;
  j["id"] = id;
  if (!docs_url.empty()) j["helpUri"] = docs_url + "#" + id;
  j["name"] = PascalCase(rule.id);
  j["shortDescription"] = Json{{"text", std::string(rule.summary)}};
  j["fullDescription"] = Json{{"text", std::string(rule.rationale)}};
  j["help"] = Json{
      {"text", "Fix: " + std::string(rule.fix) + "\n\nExample: " + std::string(rule.example) +
                   "\n\nReference: " + std::string(rule.reference) + "\n\nDocumentation: " + docs +
                   " in the samlint sources, or `samlint rules " + id + "`."},
      {"markdown", "**Fix.** " + std::string(rule.fix) + "\n\n**Example.** " +
                       std::string(rule.example) + "\n\n**Reference.** " +
                       std::string(rule.reference) + "\n\nDocumentation: `" + docs +
                       "` in the samlint sources, or `samlint rules " + id + "`."}};
  j["defaultConfiguration"] = Json{{"level", SarifLevel(rule.default_severity)}};
  Json tags = Json::array({CategoryName(rule.category), "saml"});
  if (rule.category == RuleCategory::kTrust) tags.push_back("security");
  Json properties;
  properties["tags"] = std::move(tags);
  properties["precision"] = Precision(rule);
  if (auto score = SecuritySeverity(rule)) properties["security-severity"] = *score;
  j["properties"] = std::move(properties);
  return j;
}

class SarifEmitter final : public Emitter {
 public:
  SarifEmitter(std::ostream& out, ReportOptions options)
      : out_(out),
        base_(AbsoluteBase(options.base_directory)),
        docs_url_(IsDocsUrl(options.docs_url) ? options.docs_url : std::string()) {
    std::size_t index = 0;
    for (const RuleInfo& rule : AllRules()) rule_index_.emplace(std::string(rule.id), index++);
  }

  void Begin() override {
    Json driver;
    driver["name"] = "samlint";
    driver["version"] = std::string(Version());
    driver["semanticVersion"] = std::string(Version());
    Json rules = Json::array();
    for (const RuleInfo& rule : AllRules()) rules.push_back(RuleJson(rule, docs_url_));
    driver["rules"] = std::move(rules);
    Json tool{{"driver", std::move(driver)}};
    Json bases{{kSrcRoot, Json{{"uri", FileUri(base_)}}}};

    out_ << "{\n  \"$schema\": " << Json(kSchemaUri).dump() << ",\n  \"version\": \"2.1.0\",\n"
         << "  \"runs\": [\n    {\n      \"tool\": " << Indented(tool, 6) << ",\n"
         << "      \"originalUriBaseIds\": " << Indented(bases, 6) << ",\n"
         << "      \"results\": [";
  }

  void Result(const CheckResult& r) override {
    std::string artifact = !r.input          ? std::string()
                           : *r.input == "-" ? std::string("-")
                                             : SarifArtifactUri(*r.input, base_);
    std::vector<std::string> fingerprints = ResultFingerprints(r, artifact);
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      Json result = ResultJson(r, d, fingerprints[i]);
      out_ << (first_ ? "\n" : ",\n") << "        " << Indented(result, 8);
      first_ = false;
    }
  }

  void End(const RunSummary& summary) override {
    (void)summary;
    out_ << (first_ ? "]\n" : "\n      ]\n") << "    }\n  ]\n}\n";
    out_.flush();
  }

 private:
  static std::string Indented(const Json& j, int spaces) {
    std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
      out.push_back(c);
      if (c == '\n') out.append(static_cast<std::size_t>(spaces), ' ');
    }
    return out;
  }

  Json ResultJson(const CheckResult& r, const Diagnostic& d, const std::string& fingerprint) {
    Json j;
    j["ruleId"] = d.rule;
    if (auto it = rule_index_.find(d.rule); it != rule_index_.end()) j["ruleIndex"] = it->second;
    j["level"] = SarifLevel(d.severity);
    // Findings about one evaluation name it, as the text report does: with
    // several roles, the alerts would otherwise read the same.
    std::string text = DiagnosticScope(d);
    if (!text.empty()) text = "[" + text + "] ";
    text += d.message;
    if (!d.fix.empty()) text += " Fix: " + d.fix;
    j["message"] = Json{{"text", std::move(text)}};

    std::string uri;
    bool positions_in_file = PositionsAreInFile(r);
    if (r.input && *r.input != "-") {
      bool inside = false;
      std::string path = RelativeInputPath(*r.input, base_, &inside);
      Json artifact;
      if (inside) {
        uri = PercentEncodePath(path);
        artifact["uri"] = uri;
        artifact["uriBaseId"] = kSrcRoot;
      } else {
        uri = FileUri(path);
        artifact["uri"] = uri;
      }
      Json physical{{"artifactLocation", std::move(artifact)}};
      if (d.location && positions_in_file && d.location->line > 0) {
        Json region{{"startLine", d.location->line}};
        if (d.location->column > 0) region["startColumn"] = d.location->column;
        physical["region"] = std::move(region);
      }
      j["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
    } else if (r.input) {
      uri = "-";
    }

    j["partialFingerprints"] = Json{{kFingerprintKey, fingerprint}};

    Json properties = Json::object();
    if (!d.scenario.empty()) properties["scenario"] = d.scenario;
    if (!d.role.empty()) properties["role"] = d.role;
    if (!r.part.empty()) properties["part"] = r.part;
    if (d.location && !positions_in_file) {
      properties["documentPosition"] = Json{
          {"line", d.location->line}, {"column", d.location->column}, {"encoding", r.encoding}};
    }
    if (!properties.empty()) j["properties"] = std::move(properties);
    return j;
  }

  std::ostream& out_;
  std::string base_;
  std::string docs_url_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Emitter> MakeSarifEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<SarifEmitter>(out, std::move(options));
}

}  // namespace samlint
