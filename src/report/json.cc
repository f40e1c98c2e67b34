// The JSON report of cli-contract.md, streamed one result at a time.
#include <nlohmann/json.hpp>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "samlint/report.h"
#include "samlint/suppress.h"
#include "samlint/version.h"

namespace samlint {
namespace {

using Json = nlohmann::ordered_json;

Json LocationJson(const std::optional<Location>& loc) {
  if (!loc) return nullptr;
  return Json{{"line", loc->line}, {"column", loc->column}};
}

Json OptionalString(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return *s;
}

Json FactorJson(const Factor& f) {
  Json j;
  j["name"] = FactorKey(f.name);
  j["seconds"] = f.seconds;
  j["assumed"] = f.assumed();
  j["signed"] = f.is_signed ? Json(*f.is_signed) : Json(nullptr);
  if (f.source) j["source"] = LocationJson(f.source);
  // Where a declared value comes from: the option, or a declarations file's path:line.
  if (f.origin == FactorOrigin::kDeclared && !f.via.empty()) j["declared_in"] = f.via;
  if (f.inferred) j["inferred"] = true;
  if (!f.configured_by.empty()) j["configured_by"] = f.configured_by;
  return j;
}

Json EvaluationJson(const Evaluation& e) {
  Json j;
  j["scenario"] = GetScenario(e.scenario).name;
  j["role"] = OptionalString(e.role);
  j["provider"] = OptionalString(e.provider);
  j["outcome"] = e.outcome == Outcome::kIssued ? "issued" : "rejected";
  j["effective_seconds"] = e.effective_seconds ? Json(*e.effective_seconds) : Json(nullptr);
  j["target_seconds"] = e.target_seconds ? Json(*e.target_seconds) : Json(nullptr);
  Json binding = Json::array();
  for (FactorName f : e.binding) binding.push_back(FactorKey(f));
  j["binding"] = std::move(binding);
  Json clamps = Json::array();
  for (FactorName f : e.clamps) clamps.push_back(FactorKey(f));
  j["clamps"] = std::move(clamps);
  Json factors = Json::array();
  for (const Factor& f : e.factors) factors.push_back(FactorJson(f));
  j["factors"] = std::move(factors);
  Json context = Json::array();
  for (const Factor& f : e.context) context.push_back(FactorJson(f));
  j["context"] = std::move(context);
  if (e.observed_seconds) j["observed_seconds"] = *e.observed_seconds;
  return j;
}

Json DiagnosticJson(const Diagnostic& d, const std::string& fingerprint) {
  Json j;
  j["rule"] = d.rule;
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  if (!d.scenario.empty()) j["scenario"] = d.scenario;
  if (!d.role.empty()) j["role"] = d.role;
  j["location"] = LocationJson(d.location);
  j["fix"] = d.fix.empty() ? Json(nullptr) : Json(d.fix);
  // The identity --baseline matches on (the same definition as SARIF's samlint/v1).
  j["fingerprint"] = fingerprint;
  return j;
}

Json ResultJson(const CheckResult& r) {
  Json j;
  j["input"] = OptionalString(r.input);
  if (!r.part.empty()) j["part"] = r.part;
  j["kind"] = ResultKindName(r.kind);
  j["cloud"] = r.cloud ? Json(CloudName(*r.cloud)) : Json(nullptr);
  if (r.kind == ResultKind::kIdpConfig) {
    j["idp"] = r.idp;
    j["idp_client"] = r.idp_client;
  }
  if (r.signature) {
    const SignatureSummary& s = *r.signature;
    Json sig;
    sig["status"] = s.status;
    sig["covers"] = s.covers;
    sig["algorithm"] = OptionalString(s.algorithm);
    sig["digest"] = OptionalString(s.digest);
    sig["key"] = OptionalString(s.key);
    j["signature"] = std::move(sig);
  }
  if (r.kind == ResultKind::kSamlResponse || r.kind == ResultKind::kStsRequest ||
      r.kind == ResultKind::kIdpConfig) {
    Json roles = Json::array();
    for (const RolePair& p : r.roles) {
      roles.push_back(Json{{"role", p.role},
                           {"provider", p.provider},
                           {"signed", p.is_signed ? Json(*p.is_signed) : Json(nullptr)}});
    }
    j["roles"] = std::move(roles);
  }
  if (r.t_use) j["t_use"] = FormatDateTime(*r.t_use);
  if (!r.capture_url.empty() || !r.capture_time.empty()) {
    j["capture"] = Json{{"url", r.capture_url}, {"time", r.capture_time}};
  }
  Json evaluations = Json::array();
  for (const Evaluation& e : r.evaluations) evaluations.push_back(EvaluationJson(e));
  j["evaluations"] = std::move(evaluations);
  Json diagnostics = Json::array();
  std::vector<std::string> fingerprints = ResultFingerprints(r, r.input.value_or(""));
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    diagnostics.push_back(DiagnosticJson(r.diagnostics[i], fingerprints[i]));
  }
  j["diagnostics"] = std::move(diagnostics);
  if (r.suppressed > 0) j["suppressed"] = r.suppressed;
  return j;
}

class JsonEmitter final : public Emitter {
 public:
  explicit JsonEmitter(std::ostream& out) : out_(out) {}

  void Begin() override {
    Json tool{{"name", "samlint"}, {"version", std::string(Version())}};
    out_ << "{\n  \"tool\": " << tool.dump() << ",\n  \"results\": [";
  }

  void Result(const CheckResult& result) override {
    out_ << (first_ ? "\n" : ",\n");
    first_ = false;
    // Indent the result's lines under "results".
    std::string text = ResultJson(result).dump(2, ' ', false, Json::error_handler_t::replace);
    std::string indented = "    ";
    indented.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      indented += c;
      if (c == '\n') indented += "    ";
    }
    out_ << indented;
    out_.flush();
  }

  void End(const RunSummary& summary) override {
    Json counts{{"checked", summary.checked}, {"skipped", summary.skipped},
                {"errors", summary.errors},   {"warnings", summary.warnings},
                {"notes", summary.notes},     {"suppressed", summary.suppressed}};
    out_ << (first_ ? "],\n" : "\n  ],\n") << "  \"summary\": " << counts.dump() << "\n}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::string ResultToJson(const CheckResult& result, int indent) {
  return ResultJson(result).dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::unique_ptr<Emitter> MakeJsonEmitter(std::ostream& out) {
  return std::make_unique<JsonEmitter>(out);
}

}  // namespace samlint
