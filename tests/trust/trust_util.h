// Helpers shared by the trust tests in tests/trust/*_test.cc: the
// testdata/trust/MANIFEST.tsv reader, `samlint check ... --format json` runs,
// a JSON walker that never throws on a missing key, and the checks of the
// "signed" flags (cli-contract.md § JSON report and § Decisions, Signatures).
// Header-only; every function is inline.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/json_report.h"
#include "support/run_cli.h"

extern char** environ;

namespace samlint::trust_test {

using namespace samlint::testing::report_api;
using samlint::testing::Has;
using samlint::testing::TestData;

// ------------------------------------------------------------------ manifest

/// One row of testdata/trust/MANIFEST.tsv (see testdata/trust/README.md).
struct ManifestRow {
  std::string file;       // relative to testdata/trust
  std::string case_name;  // arrangement or attack
  std::string anchors;    // samlint options, paths relative to testdata/trust; "-" for none
  std::string status;     // verified | invalid | missing | not-checked | "-"
  std::string covers;     // comma-separated; "-" = empty
  std::string algorithm;  // "algorithm/digest"; "*" = not specified
  std::string rules;      // comma-separated; "-" = none
  std::string xmlsec1;    // OK | FAIL | ERROR | "-"
  std::string xmlsec1_detail;
  std::string description;
  std::size_t line = 0;  // 1-based line in MANIFEST.tsv
  std::string name;      // GoogleTest parameter name
};

inline void PrintTo(const ManifestRow& row, std::ostream* os) {
  *os << "MANIFEST.tsv:" << row.line << " " << row.file << " [" << row.case_name << "] "
      << row.anchors;
}

inline std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

/// "-" → {}, otherwise the comma-separated items.
inline std::vector<std::string> ListColumn(const std::string& column) {
  if (column.empty() || column == "-") return {};
  std::vector<std::string> out;
  for (const std::string& item : Split(column, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

/// "valid/aws-assertion-signed-sha1.xml" → "AwsAssertionSignedSha1".
inline std::string Camel(std::string_view text) {
  std::string out;
  bool upper = true;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      out.push_back(upper ? static_cast<char>(std::toupper(u)) : c);
      upper = false;
    } else {
      upper = true;
    }
  }
  return out;
}

inline std::string Stem(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  const std::size_t dot = base.rfind(".xml");
  if (dot != std::string::npos) base.resize(dot);
  return base;
}

/// The rows of testdata/trust/MANIFEST.tsv (or of another manifest in its
/// format, `relative` to testdata/), each with a unique readable name (file
/// stem, then the case when it differs from the stem). Empty when the file
/// cannot be read (TrustManifestFile.HasAllRows then fails).
inline std::vector<ManifestRow> LoadManifest(const std::string& relative = "trust/MANIFEST.tsv") {
  std::vector<ManifestRow> rows;
  std::ifstream in(std::string(SAMLINT_TESTDATA) + "/" + relative);
  std::string line;
  std::size_t number = 0;
  std::set<std::string> names;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("file\t", 0) == 0) continue;
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() < 10) cols.resize(10);
    ManifestRow row{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5],
                    cols[6], cols[7], cols[8], cols[9], number,  {}};
    std::string name = Camel(Stem(row.file));
    if (Camel(row.case_name) != name) name += "_" + Camel(row.case_name);
    std::string unique = name;
    for (int i = 2; names.count(unique) != 0; ++i) unique = name + "_" + std::to_string(i);
    names.insert(unique);
    row.name = unique;
    rows.push_back(row);
  }
  return rows;
}

/// The anchors column as samlint arguments, with paths made absolute.
inline std::vector<std::string> AnchorArgs(const std::string& anchors) {
  std::vector<std::string> out;
  if (anchors.empty() || anchors == "-") return out;
  for (const std::string& token : Split(anchors, ' ')) {
    if (token.empty()) continue;
    out.push_back(token.rfind("--", 0) == 0 ? token : TestData("trust/" + token));
  }
  return out;
}

/// The paths given with `option` in the anchors column (relative to testdata/trust).
inline std::vector<std::string> AnchorValues(const std::string& anchors, std::string_view option) {
  std::vector<std::string> out;
  const std::vector<std::string> tokens = Split(anchors, ' ');
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i] == option) out.push_back(tokens[i + 1]);
  }
  return out;
}

/// True when the anchors column gives a trust anchor (--cert or --idp-metadata).
inline bool HasTrustAnchor(const std::string& anchors) {
  return !AnchorValues(anchors, "--cert").empty() ||
         !AnchorValues(anchors, "--idp-metadata").empty();
}

inline std::string TestDataName(const ::testing::TestParamInfo<ManifestRow>& info) {
  return info.param.name;
}

// --------------------------------------------------------------- json access

/// The severities `rule` is reported with in `result` (one entry per diagnostic).
inline std::vector<std::string> Severities(const json& result, std::string_view rule) {
  std::vector<std::string> out;
  for (const json& d : Diags(result, rule)) {
    const json& s = Get(d, "severity");
    out.push_back(s.is_string() ? s.get<std::string>() : "<none>");
  }
  return out;
}

/// The default severity cli-contract.md fixes for a trust or structure rule,
/// or nullopt when the contract leaves it open.
inline std::optional<std::string> ContractSeverity(std::string_view rule, std::string_view cloud,
                                                   bool trust_anchor, bool require_signature) {
  if (rule == "signature-weak-algorithm" || rule == "certificate-expired") return "warning";
  if (rule == "assertion-not-signed") {
    if (cloud == "aws") return "warning";
    if (cloud == "aliyun") return "error";
    return std::nullopt;
  }
  if (rule == "signature-missing" || rule == "signature-not-checked") {
    return trust_anchor || require_signature ? "error" : "note";
  }
  static const std::set<std::string, std::less<>> kErrors = {
      "signature-invalid", "signature-not-covering-assertion", "signature-key-untrusted",
      "xml-doctype", "xml-comment-in-value", "encrypted-assertion-no-key", "multiple-assertions",
      "duplicate-id", "xml-malformed", "input-unreadable",
      // Not in cli-contract.md yet; a trust rule, and trust rules other than
      // certificate-expired and signature-weak-algorithm are errors.
      "issuer-mismatch"};
  if (kErrors.count(rule) != 0) return "error";
  return std::nullopt;
}

// ------------------------------------------------------------------- factors

constexpr std::int64_t kSignedDuration = 28800;
constexpr std::int64_t kEvilDuration = 43200;
constexpr std::string_view kEvilRole = "role/admin";

/// Calls fn(factor, where) for every factor and context entry of every evaluation.
template <typename Fn>
void ForEachFactor(const json& result, Fn fn) {
  const json& evals = Get(result, "evaluations");
  if (!evals.is_array()) return;
  for (std::size_t i = 0; i < evals.size(); ++i) {
    for (const char* array : {"factors", "context"}) {
      const json& arr = Get(evals[i], array);
      if (!arr.is_array()) continue;
      for (const json& f : arr) {
        std::string scenario = Get(evals[i], "scenario").is_string()
                                   ? Get(evals[i], "scenario").get<std::string>()
                                   : "?";
        fn(f, "evaluations[" + std::to_string(i) + "] (" + scenario + ")." + array);
      }
    }
  }
}

/// A factor read from the document: its "signed" is a boolean (declared and
/// default factors have null).
inline bool IsDocumentFactor(const json& f) { return Get(f, "signed").is_boolean(); }

inline bool IsEvilFactor(const json& f) {
  return Get(f, "name") == "session_duration_attribute" && Get(f, "seconds") == kEvilDuration;
}

inline bool IsEvilRole(const json& role_entry) {
  const json& r = Get(role_entry, "role");
  return r.is_string() && r.get<std::string>().find(kEvilRole) != std::string::npos;
}

/// No factor, context entry or role marked "signed": true carries the
/// attacker's values (role/admin, SessionDuration 43200).
inline void ExpectNoSignedEvilValues(const json& result) {
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    EXPECT_FALSE(IsEvilFactor(f) && Get(f, "signed") == true)
        << where << ": the attacker's SessionDuration 43200 is reported as signed: " << f.dump();
  });
  const json& roles = Get(result, "roles");
  if (roles.is_array()) {
    for (const json& r : roles) {
      EXPECT_FALSE(IsEvilRole(r) && Get(r, "signed") == true)
          << "the attacker's role/admin is reported as signed: " << r.dump();
    }
  }
}

/// True when any factor, context entry or role is "signed": true.
inline bool HasSignedValue(const json& result) {
  bool any = false;
  ForEachFactor(result, [&](const json& f, const std::string&) {
    if (Get(f, "signed") == true) any = true;
  });
  const json& roles = Get(result, "roles");
  if (roles.is_array()) {
    for (const json& r : roles) {
      if (Get(r, "signed") == true) any = true;
    }
  }
  return any;
}

/// Every document factor (and role) has "signed": false.
inline void ExpectNothingSigned(const json& result) {
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (IsDocumentFactor(f)) {
      EXPECT_EQ(Get(f, "signed"), false)
          << where << ": status is not verified, yet a factor is signed: " << f.dump();
    }
  });
  const json& roles = Get(result, "roles");
  if (roles.is_array()) {
    for (const json& r : roles) {
      EXPECT_EQ(Get(r, "signed"), false)
          << "status is not verified, yet a role is signed: " << r.dump();
    }
  }
}

/// The values of the signed assertion, all "signed": true: SessionDuration
/// `duration` wherever session_duration_attribute appears, and every role
/// (and every evaluation's role) containing `role_fragment`. By default the
/// IdP's values, 28800 and role/ops.
inline void ExpectSignedValues(const json& result, std::int64_t duration = kSignedDuration,
                               std::string_view role_fragment = "role/ops") {
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (Get(f, "name") != "session_duration_attribute") return;
    EXPECT_EQ(Get(f, "seconds"), duration) << where << ": " << f.dump();
    EXPECT_EQ(Get(f, "signed"), true) << where << ": " << f.dump();
  });
  const auto has_fragment = [&](const json& role) {
    return role.is_string() && role.get<std::string>().find(role_fragment) != std::string::npos;
  };
  const json& roles = Get(result, "roles");
  EXPECT_TRUE(roles.is_array() && !roles.empty()) << "no roles: " << result.dump(2);
  if (roles.is_array()) {
    for (const json& r : roles) {
      EXPECT_EQ(Get(r, "signed"), true) << r.dump();
      EXPECT_TRUE(has_fragment(Get(r, "role")))
          << "the role read is not the signed one (" << role_fragment << "): " << r.dump();
    }
  }
  const json& evals = Get(result, "evaluations");
  if (evals.is_array()) {
    for (const json& e : evals) {
      if (!Has(e, "role")) continue;
      EXPECT_TRUE(has_fragment(Get(e, "role")))
          << "an evaluation for a role that is not the signed one (" << role_fragment
          << "): " << e.dump();
    }
  }
}

/// How many document factors the result's evaluations carry.
inline int CountDocumentFactors(const json& result) {
  int n = 0;
  ForEachFactor(result, [&](const json& f, const std::string&) {
    if (IsDocumentFactor(f) || Has(f, "source")) ++n;
  });
  return n;
}

// ---------------------------------------------------------------- manifest rows

/// A row refused before parsing (status "-"): an unreadable result without a
/// signature object or evaluations.
inline void ExpectRefusedBeforeParsing(const json& result, const Checked& c) {
  EXPECT_EQ(Get(result, "kind"), "unreadable") << c.Dump();
  EXPECT_FALSE(Has(result, "signature")) << c.Dump();
  const json& evals = Get(result, "evaluations");
  EXPECT_TRUE(evals.is_null() || evals == json::array()) << c.Dump();
}

/// A SAML response whose signature object has the row's status, covers and
/// (unless "*") algorithm/digest. A fatal failure when the signature object is
/// absent or the algorithm column is malformed (wrap in ASSERT_NO_FATAL_FAILURE).
inline void ExpectSignatureMatchesRow(const json& result, const ManifestRow& row,
                                      const Checked& c) {
  EXPECT_EQ(Get(result, "kind"), "saml-response") << c.Dump();
  ASSERT_TRUE(Has(result, "signature")) << c.Dump();
  const json& sig = Get(result, "signature");
  EXPECT_EQ(Get(sig, "status"), row.status) << c.Dump();
  EXPECT_EQ(Sorted(Strings(Get(sig, "covers"))), Sorted(ListColumn(row.covers))) << "covers\n"
                                                                                 << c.Dump();
  if (row.algorithm != "*") {
    const std::size_t slash = row.algorithm.find('/');
    ASSERT_NE(slash, std::string::npos) << row.algorithm;
    EXPECT_EQ(Get(sig, "algorithm"), row.algorithm.substr(0, slash)) << c.Dump();
    EXPECT_EQ(Get(sig, "digest"), row.algorithm.substr(slash + 1)) << c.Dump();
  }
}

// ------------------------------------------------------------------- process

struct ProcessRun {
  int exit_code = -1;  // -1: could not be started
  std::string output;  // stdout and stderr
};

/// Runs argv[0] (an absolute path) with stdout and stderr captured together.
inline ProcessRun RunProcess(const std::vector<std::string>& args) {
  ProcessRun result;
  std::string out_path = "/tmp/samlint-trust-proc-XXXXXX";
  const int fd = mkstemp(out_path.data());
  if (fd < 0) return result;
  close(fd);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<std::string> storage = args;
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  std::ifstream in(out_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  result.output = ss.str();
  std::remove(out_path.c_str());
  return result;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace samlint::trust_test
