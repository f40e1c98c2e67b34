// Helpers shared by the end-to-end tests: run `samlint check ... --format json`
// and read the report without crashing on a missing key, so a wrong report
// fails an expectation instead of aborting the test binary.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "support/json_report.h"
#include "support/run_cli.h"
#include "support/saml_builder.h"

namespace samlint::e2e {

using namespace samlint::testing::report_api;
using samlint::testing::At;
using samlint::testing::IsNullField;

/// The "name" of each object of an array (factors, context).
inline std::vector<std::string> Names(const json& arr) {
  std::vector<std::string> out;
  if (!arr.is_array()) return out;
  for (const json& v : arr) {
    const json& n = Get(v, "name");
    out.push_back(n.is_string() ? n.get<std::string>() : "<no name>");
  }
  return out;
}

/// A file of the source tree, read as bytes.
inline std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(SAMLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// 1-based line of the first occurrence of `needle` in the source file.
inline int LineIn(const std::string& relative, const std::string& needle) {
  return samlint::testing::LineOf(ReadSource(relative), needle);
}

/// The evaluation of `result` for `scenario` (and `role`, when given); null if
/// there is none. Fails the test when there are several matches.
inline const json& FindEval(const json& result, std::string_view scenario,
                            std::string_view role = {}) {
  static const json kNull;
  const json* found = nullptr;
  int matches = 0;
  const json& evals = Get(result, "evaluations");
  if (evals.is_array()) {
    for (const json& e : evals) {
      if (Get(e, "scenario") != json(std::string(scenario))) continue;
      if (!role.empty() && Get(e, "role") != json(std::string(role))) continue;
      found = &e;
      ++matches;
    }
  }
  EXPECT_LE(matches, 1) << "several evaluations for " << scenario << " " << role;
  EXPECT_EQ(matches >= 1, true) << "no evaluation for " << scenario << " " << role << " in\n"
                                << result.dump(2);
  return found ? *found : kNull;
}

/// The element of `eval[array]` named `name`, or null.
inline const json& FindNamed(const json& eval, std::string_view array, std::string_view name) {
  static const json kNull;
  const json& arr = Get(eval, array);
  if (arr.is_array()) {
    for (const json& f : arr) {
      if (Get(f, "name") == json(std::string(name))) return f;
    }
  }
  return kNull;
}

inline const json& Factor(const json& eval, std::string_view name) {
  return FindNamed(eval, "factors", name);
}

/// "message" and "fix" of a diagnostic, joined: where it names an option.
inline std::string Wording(const json& diag) {
  std::string s;
  if (Get(diag, "message").is_string()) s += Get(diag, "message").get<std::string>();
  s += "\n";
  if (Get(diag, "fix").is_string()) s += Get(diag, "fix").get<std::string>();
  return s;
}

/// One expected factor: name, seconds, and whether it is an assumed default.
struct F {
  std::string name;
  std::int64_t seconds;
  bool assumed;
};

/// eval's factors are exactly `want`, in that order, with those seconds and
/// "assumed" flags.
inline void ExpectFactors(const json& eval, const std::vector<F>& want) {
  std::vector<std::string> names;
  for (const F& f : want) names.push_back(f.name);
  const json& factors = Get(eval, "factors");
  ASSERT_EQ(Names(factors), names) << eval.dump(2);
  for (std::size_t i = 0; i < want.size(); ++i) {
    const json& f = factors[i];
    EXPECT_EQ(Get(f, "seconds"), want[i].seconds) << want[i].name << "\n" << eval.dump(2);
    EXPECT_EQ(Get(f, "assumed"), want[i].assumed) << want[i].name << "\n" << eval.dump(2);
  }
}

/// Declared, default and fixed factors carry "signed": null.
inline void ExpectSignedNull(const json& eval, std::string_view name) {
  const json& f = Factor(eval, name);
  EXPECT_TRUE(IsNullField(f, "signed")) << name << "\n" << eval.dump(2);
}

/// An issued evaluation with this minimum and these binding factors (compared
/// as a set: the spec does not order ties).
inline void ExpectIssued(const json& eval, std::int64_t effective,
                         const std::vector<std::string>& binding) {
  EXPECT_EQ(Get(eval, "outcome"), "issued") << eval.dump(2);
  EXPECT_EQ(Get(eval, "effective_seconds"), effective) << eval.dump(2);
  EXPECT_EQ(Sorted(Strings(Get(eval, "binding"))), Sorted(binding)) << eval.dump(2);
}

/// A rejected evaluation: no lifetime, nothing binds, nothing clamps.
inline void ExpectRejected(const json& eval) {
  EXPECT_EQ(Get(eval, "outcome"), "rejected") << eval.dump(2);
  EXPECT_TRUE(IsNullField(eval, "effective_seconds")) << eval.dump(2);
  EXPECT_EQ(Get(eval, "binding"), json::array()) << eval.dump(2);
  EXPECT_EQ(Get(eval, "clamps"), json::array()) << eval.dump(2);
}

}  // namespace samlint::e2e
