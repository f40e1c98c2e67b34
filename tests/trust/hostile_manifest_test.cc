// Every row of testdata/trust/hostile/MANIFEST.tsv, end to end:
//   samlint check <file> <anchors...> --format json
// The files are the Trust issue's attack classes (tools/make-hostile-fixtures.py):
// encoding differentials, illegal namespace declarations, SAML content outside
// the read Assertion, rebound prefixes, signatures over the wrong element.
// Every one is an error (exit 1) unless its rules column is "-", and none may report an attacker
// value (role/admin, SessionDuration 43200, SessionNotOnOrAfter + 12 h; in the files whose signed
// SessionNotOnOrAfter is IssueInstant + 1 h, any other length) as signed. The bounded-work cases
// are in hostile_work_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/rules.h"
#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using ::testing::Contains;
using ::testing::Not;

const std::vector<ManifestRow>& Manifest() {
  static const std::vector<ManifestRow> rows = LoadManifest("trust/hostile/MANIFEST.tsv");
  return rows;
}

// tools/make-hostile-fixtures.py: the files of class B are signed with this
// SessionNotOnOrAfter (IssueInstant + 1 h); a reader that loses their
// AuthnStatement reports a longer session than was signed.
constexpr std::string_view kOneHourMarker = "SessionNotOnOrAfter=\"2026-11-23T11:00:00Z\"";
constexpr std::int64_t kOneHour = 3600;
constexpr std::int64_t kEvilSessionEnd = 12 * 3600;  // IssueInstant + 12 h

TEST(HostileManifestFile, HasAllRows) {
  // One row per (file, trust anchors) case.
  EXPECT_EQ(Manifest().size(), 27u)
      << "testdata/trust/hostile/MANIFEST.tsv changed or is unreadable";
  for (const ManifestRow& row : Manifest()) {
    EXPECT_FALSE(row.description.empty()) << "MANIFEST.tsv:" << row.line << " has too few columns";
  }
}

/// The severity a rule is reported with by default: its registry entry's.
std::string DefaultSeverity(const std::string& rule) {
  const RuleInfo* info = FindRule(rule);
  return info == nullptr ? "<not in the registry>"
                         : std::string(SeverityName(info->default_severity));
}

/// No session_not_on_or_after reported as signed that the IdP did not sign:
/// never IssueInstant + 12 h, and only 1 h in the files signed with 1 h.
void ExpectNoSignedEvilSessionEnd(const json& result, bool signed_one_hour) {
  ForEachFactor(result, [&](const json& f, const std::string& where) {
    if (Get(f, "name") != "session_not_on_or_after" || Get(f, "signed") != true) return;
    EXPECT_NE(Get(f, "seconds"), kEvilSessionEnd)
        << where
        << ": the attacker's SessionNotOnOrAfter (+12 h) is reported as signed: " << f.dump();
    if (signed_one_hour) {
      EXPECT_EQ(Get(f, "seconds"), kOneHour)
          << where << ": the signed SessionNotOnOrAfter is IssueInstant + 1 h: " << f.dump();
    }
  });
  if (!signed_one_hour) return;
  // Losing the signed AuthnStatement is as bad as replacing it: whatever is
  // evaluated must still be capped by the signed hour.
  const json& evals = Get(result, "evaluations");
  if (!evals.is_array()) return;
  for (const json& e : evals) {
    bool capped = false;
    for (const char* array : {"factors", "context"}) {
      const json& arr = Get(e, array);
      if (!arr.is_array()) continue;
      for (const json& f : arr) {
        if (Get(f, "name") == "session_not_on_or_after" && Get(f, "seconds") == kOneHour)
          capped = true;
      }
    }
    EXPECT_TRUE(capped) << "the signed 1-hour SessionNotOnOrAfter was lost: " << e.dump();
  }
}

class HostileManifest : public ::testing::TestWithParam<ManifestRow> {};

TEST_P(HostileManifest, RefusedOrFlagged) {
  const ManifestRow& row = GetParam();
  SCOPED_TRACE(row.description);

  const std::string path = TestData("trust/" + row.file);
  std::vector<std::string> args{path};
  for (const std::string& a : AnchorArgs(row.anchors)) args.push_back(a);
  const Checked c = Check(args);
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  const json& result = c.Result();

  // Every hostile input is an error, except a row whose rules column is "-"
  // (detached-sig-on-response: a legitimate arrangement, expected clean).
  const std::vector<std::string> rules = ListColumn(row.rules);
  const bool error_expected =
      row.status == "-" || std::any_of(rules.begin(), rules.end(), [](const std::string& r) {
        return DefaultSeverity(r) == "error";
      });
  if (error_expected) {
    EXPECT_TRUE(HasErrorDiagnostic(result)) << c.Dump();
    EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  } else {
    EXPECT_EQ(c.run.exit_code, HasErrorDiagnostic(result) ? 1 : 0) << c.Dump();
  }

  for (const std::string& rule : ListColumn(row.rules)) {
    EXPECT_THAT(Rules(result), Contains(rule)) << "expected rule " << rule << "\n" << c.Dump();
    for (const std::string& s : Severities(result, rule)) {
      EXPECT_EQ(s, DefaultSeverity(rule)) << rule << "\n" << c.Dump();
    }
  }

  // No attacker value is ever reported as signed.
  ExpectNoSignedEvilValues(result);
  ExpectNoSignedEvilSessionEnd(result, ReadFile(path).find(kOneHourMarker) != std::string::npos);

  if (row.status == "-") {
    // Refused before parsing: an unreadable result without a signature object.
    ExpectRefusedBeforeParsing(result, c);
    EXPECT_FALSE(HasSignedValue(result)) << c.Dump();
    return;
  }

  ASSERT_NO_FATAL_FAILURE(ExpectSignatureMatchesRow(result, row, c));
  const json& sig = Get(result, "signature");
  // Coverage follows what a signature references, not where it sits: a
  // covered Assertion is never "not signed".
  const std::vector<std::string> covers = Strings(Get(sig, "covers"));
  if (std::find(covers.begin(), covers.end(), "assertion") != covers.end()) {
    EXPECT_THAT(Rules(result), Not(Contains("assertion-not-signed"))) << c.Dump();
  }

  if (row.status == "verified") {
    ExpectSignedValues(result);  // role/ops and 28800, from the signed Assertion
  } else {
    ExpectNothingSigned(result);
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, HostileManifest, ::testing::ValuesIn(Manifest()), TestDataName);

}  // namespace
}  // namespace samlint::trust_test
