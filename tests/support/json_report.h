// Reading samlint's JSON report in tests without crashing on a missing key, so
// a wrong report fails an expectation instead of aborting the test binary;
// and one run of `samlint check ... --format json`. Header-only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_cli.h"

namespace samlint::testing {

using nlohmann::json;

/// j[key], or a null value when j is not an object or has no such key.
inline const json& Get(const json& j, std::string_view key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

/// j[i], or a null value when j is not an array that long.
inline const json& At(const json& j, std::size_t i) {
  static const json kNull;
  return j.is_array() && i < j.size() ? j[i] : kNull;
}

/// True when j is an object with `key` (whatever its value).
inline bool Has(const json& j, std::string_view key) { return j.is_object() && j.contains(key); }

/// True when j has `key` and its value is JSON null (a missing key is not null).
inline bool IsNullField(const json& j, std::string_view key) {
  return j.is_object() && j.contains(key) && j.find(key)->is_null();
}

/// The strings of a JSON array (anything else contributes "<non-string>").
inline std::vector<std::string> Strings(const json& arr) {
  std::vector<std::string> out;
  if (!arr.is_array()) return out;
  for (const json& v : arr) out.push_back(v.is_string() ? v.get<std::string>() : "<non-string>");
  return out;
}

/// `v` in ascending order.
inline std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

/// One run of `samlint check ARGS --format json`, with its parsed report.
struct Checked {
  CliRun run;
  json report;

  const json& Results() const { return Get(report, "results"); }
  /// The i-th result, or null.
  const json& Result(std::size_t i = 0) const { return At(Results(), i); }
  std::size_t ResultCount() const { return Results().is_array() ? Results().size() : 0; }
  /// Everything needed to understand a failure.
  std::string Dump() const {
    return "exit " + std::to_string(run.exit_code) + "\n--- stderr:\n" + run.err + "--- stdout:\n" +
           run.out;
  }
};

/// Runs `samlint check ARGS --format json` with `stdin_text` as standard input.
inline Checked Check(std::vector<std::string> args, const std::string& stdin_text = "") {
  args.insert(args.begin(), "check");
  args.emplace_back("--format");
  args.emplace_back("json");
  Checked c;
  c.run = RunCli(args, stdin_text);
  c.report = c.run.Json();
  return c;
}

/// The diagnostics of `result` with rule `rule`.
inline std::vector<json> Diags(const json& result, std::string_view rule) {
  std::vector<json> out;
  const json& ds = Get(result, "diagnostics");
  if (!ds.is_array()) return out;
  for (const json& d : ds) {
    if (Get(d, "rule") == json(std::string(rule))) out.push_back(d);
  }
  return out;
}

/// The rule of each diagnostic of `result`, in report order.
inline std::vector<std::string> Rules(const json& result) {
  std::vector<std::string> out;
  const json& ds = Get(result, "diagnostics");
  if (!ds.is_array()) return out;
  for (const json& d : ds) {
    const json& r = Get(d, "rule");
    out.push_back(r.is_string() ? r.get<std::string>() : "<no rule>");
  }
  return out;
}

/// True when any diagnostic of `result` has severity "error".
inline bool HasErrorDiagnostic(const json& result) {
  const json& ds = Get(result, "diagnostics");
  if (!ds.is_array()) return false;
  return std::any_of(ds.begin(), ds.end(),
                     [](const json& d) { return Get(d, "severity") == "error"; });
}

}  // namespace samlint::testing

/// The CLI runner and report readers most test utility headers use, for them
/// to bring into their own namespace with one using-directive.
namespace samlint::testing::report_api {
using nlohmann::json;
using samlint::testing::Check;
using samlint::testing::Checked;
using samlint::testing::CliRun;
using samlint::testing::Diags;
using samlint::testing::Get;
using samlint::testing::HasErrorDiagnostic;
using samlint::testing::Rules;
using samlint::testing::RunCli;
using samlint::testing::Sorted;
using samlint::testing::Strings;
}  // namespace samlint::testing::report_api
