// Every row of testdata/trust/MANIFEST.tsv, end to end:
//   samlint check <file> <anchors...> --format json
// Expectations come from the manifest's columns and cli-contract.md
// (§ JSON report; § Decisions: Default severities, Signatures). The fixtures'
// attacker elements carry role/admin and SessionDuration 43200; the signed
// assertion carries role/ops and 28800 (tools/trust_fixtures.py), so a report
// that marks the attacker's values as signed is a signature-wrapping escape.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using ::testing::Contains;

const std::vector<ManifestRow>& Manifest() {
  static const std::vector<ManifestRow> rows = LoadManifest();
  return rows;
}

TEST(TrustManifestFile, HasAllRows) {
  // testdata/trust/README.md: one row per (file, trust anchors) case; 52 when written.
  EXPECT_EQ(Manifest().size(), 52u) << "testdata/trust/MANIFEST.tsv changed or is unreadable";
  for (const ManifestRow& row : Manifest()) {
    EXPECT_FALSE(row.description.empty()) << "MANIFEST.tsv:" << row.line << " has too few columns";
  }
}

class TrustManifest : public ::testing::TestWithParam<ManifestRow> {};

TEST_P(TrustManifest, MatchesManifestAndContract) {
  const ManifestRow& row = GetParam();
  SCOPED_TRACE(row.description);

  std::vector<std::string> args{TestData("trust/" + row.file)};
  for (const std::string& a : AnchorArgs(row.anchors)) args.push_back(a);
  const Checked c = Check(args);
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  const json& result = c.Result();

  // Exit status: 1 exactly when a finding is at error severity.
  EXPECT_EQ(c.run.exit_code, HasErrorDiagnostic(result) ? 1 : 0) << c.Dump();

  // Every rule of the rules column is reported, with the contract's severity.
  const std::string cloud =
      Get(result, "cloud").is_string() ? Get(result, "cloud").get<std::string>() : "";
  const bool anchor = HasTrustAnchor(row.anchors);
  for (const std::string& rule : ListColumn(row.rules)) {
    EXPECT_THAT(Rules(result), Contains(rule)) << "expected rule " << rule << "\n" << c.Dump();
    const std::optional<std::string> severity =
        ContractSeverity(rule, cloud, anchor, /*require_signature=*/false);
    if (severity) {
      for (const std::string& s : Severities(result, rule)) {
        EXPECT_EQ(s, *severity) << rule << " (cloud " << cloud << ")\n" << c.Dump();
      }
    }
  }

  if (row.status == "-") {
    // Refused before parsing: an unreadable result without a signature object.
    ExpectRefusedBeforeParsing(result, c);
    ExpectNoSignedEvilValues(result);
    return;
  }

  ASSERT_NO_FATAL_FAILURE(ExpectSignatureMatchesRow(result, row, c));
  const json& sig = Get(result, "signature");
  EXPECT_TRUE(Get(sig, "covers").is_array()) << c.Dump();
  if (row.status == "verified") {
    const json& key = Get(sig, "key");
    EXPECT_TRUE(key.is_string() && key.get<std::string>().size() == 7 + 64 &&
                key.get<std::string>().rfind("sha256:", 0) == 0 &&
                key.get<std::string>().find_first_not_of("0123456789abcdef", 7) ==
                    std::string::npos)
        << "key must be sha256: and 64 lower-case hex digits\n"
        << c.Dump();
  }

  // Privacy/binding: no value of the attacker's is ever reported as signed,
  // unless the user made the attacker's certificate the trust anchor (the
  // embedded-attacker-key-trusted control): then the attacker's assertion is
  // the validly signed one, and its values are signed.
  const bool attacker_trusted =
      !AnchorValues(row.anchors, "--cert").empty() &&
      AnchorValues(row.anchors, "--cert")[0].find("attacker-") != std::string::npos;
  if (!attacker_trusted) ExpectNoSignedEvilValues(result);
  if (row.status == "verified") {
    if (attacker_trusted) {
      ExpectSignedValues(result, kEvilDuration, kEvilRole);
    } else {
      ExpectSignedValues(result);
    }
  } else if (row.rules.find("signature-not-covering-assertion") != std::string::npos &&
             HasSignedValue(result)) {
    // Signature wrapping: the assertion the cloud reads is not covered, but a
    // validly signed one exists elsewhere. Its values (and only its values)
    // are used, and they are signed: a signed factor is one read from an
    // element a valid trusted signature covers (cli-contract.md, JSON report).
    ExpectSignedValues(result);
  } else {
    ExpectNothingSigned(result);
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, TrustManifest, ::testing::ValuesIn(Manifest()), TestDataName);

}  // namespace
}  // namespace samlint::trust_test
