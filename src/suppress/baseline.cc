// Baselines: a previous report's findings are accepted, so only new ones count.
// Findings are matched by the same fingerprint SARIF publishes, which ignores
// line numbers and values (see FindingFingerprint), so an unrelated edit does
// not resurrect an accepted finding.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "identity/finding_identity.h"
#include "samlint/suppress.h"

namespace samlint {

namespace {

std::string StringAt(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Deeper JSON than this is refused before parsing: a real report nests about 8 levels.
bool TooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > 64) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

Status Baseline::Parse(std::string_view text) {
  if (TooDeep(text)) {
    return Status::Error("is nested more than 64 levels deep: not a samlint report");
  }
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::Error("is not JSON: give a samlint report made with --format json (or sarif)");
  }
  if (auto results = doc.find("results"); results != doc.end() && results->is_array()) {
    // A samlint JSON report: fingerprints are recomputed from the fields, so
    // a hand-trimmed baseline still works.
    for (const nlohmann::json& r : *results) {
      if (!r.is_object()) continue;
      auto diagnostics = r.find("diagnostics");
      if (diagnostics == r.end() || !diagnostics->is_array()) continue;
      std::string input = StringAt(r, "input");
      std::string part = StringAt(r, "part");
      FingerprintSequence sequence;
      for (const nlohmann::json& d : *diagnostics) {
        if (!d.is_object()) continue;
        std::string rule = StringAt(d, "rule"), scenario = StringAt(d, "scenario"),
                    role = StringAt(d, "role"), message = StringAt(d, "message");
        ++remaining_[sequence.Next(rule, input, part, scenario, role, message)];
        ++total_;
      }
    }
    return Status();
  }
  if (auto runs = doc.find("runs"); runs != doc.end() && runs->is_array()) {
    sarif_ = true;
    for (const nlohmann::json& run : *runs) {
      if (!run.is_object()) continue;
      auto results = run.find("results");
      if (results == run.end() || !results->is_array()) continue;
      for (const nlohmann::json& r : *results) {
        if (!r.is_object()) continue;
        auto fp = r.find("partialFingerprints");
        if (fp == r.end() || !fp->is_object()) continue;
        std::string value = StringAt(*fp, "samlint/v1");
        if (value.empty()) continue;
        ++remaining_[value];
        ++total_;
      }
    }
    return Status();
  }
  return Status::Error("is neither a samlint JSON report (no \"results\") nor SARIF (no \"runs\")");
}

void Baseline::Apply(CheckResult& result, std::string_view base_directory) {
  if (remaining_.empty() || result.diagnostics.empty()) return;
  std::string artifact = result.input.value_or("");
  if (sarif_ && result.input && *result.input != "-") {
    artifact = SarifArtifactUri(*result.input, AbsoluteBase(base_directory));
  }
  std::vector<std::string> fingerprints = ResultFingerprints(result, artifact);
  std::vector<Diagnostic> kept;
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    auto it = remaining_.find(fingerprints[i]);
    if (it != remaining_.end() && it->second > 0) {
      --it->second;
      ++result.suppressed;
      continue;
    }
    kept.push_back(std::move(result.diagnostics[i]));
  }
  result.diagnostics = std::move(kept);
}

Status LoadBaseline(const std::string& path, Baseline& out) {
  Result<LimitedBytes> read = ReadFileUpTo(path, kMaxBaselineBytes);
  if (!read.ok()) return Status::Error(path + ": cannot be read: " + read.error());
  if (read->Exceeds(kMaxBaselineBytes)) return Status::Error(path + ": is larger than 64 MiB");
  if (Status parsed = out.Parse(read->bytes); !parsed.ok()) {
    return Status::Error(path + ": " + parsed.message());
  }
  return Status();
}

void ApplyRuleSettings(CheckResult& result, const std::vector<RuleSetting>& settings) {
  if (settings.empty()) return;
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : result.diagnostics) {
    auto it = std::find_if(settings.rbegin(), settings.rend(),
                           [&](const RuleSetting& s) { return s.rule == d.rule; });
    if (it != settings.rend()) {
      if (!it->severity) continue;
      d.severity = *it->severity;
    }
    kept.push_back(std::move(d));
  }
  result.diagnostics = std::move(kept);
}

}  // namespace samlint
