// saml:generic through the binary (issue #14 item 1; more-clouds.md § Generic
// SAML 2.0 service provider and worked example 5; cli-contract.md, "Decisions
// settled after the first implementation", Clouds and results): a response
// that names no cloud is checked in full and evaluated as saml:generic, never
// exit 2; --cloud generic, --scenario saml:generic and the SP options.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "e2e/e2e_util.h"
#include "support/generic_sp.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExample5 = "testdata/responses/generic-sp-2h.xml";
const std::vector<std::string> kRightSp = {"--sp-entity-id",
                                           "https://wiki.example.com/saml/metadata", "--sp-acs-url",
                                           "https://wiki.example.com/saml/acs"};

std::string Unbounded() {
  samlint::testing::SamlBuilder b = samlint::testing::GenericSpBuilder();
  b.session_not_on_or_after.reset();
  return b.Build();
}

std::set<std::string> Rules(const json& result) {
  std::set<std::string> out;
  for (const json& d : Get(result, "diagnostics")) out.insert(Get(d, "rule").get<std::string>());
  return out;
}

// 5. Generic SP, SessionNotOnOrAfter = t_use + 2 h, no sp_session_limit ->
//    effective 7200, binding session_not_on_or_after.
TEST(E2eGenericSp, WorkedExample5) {
  Checked c = Check({kExample5});
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << "cloud-undetected is a warning\n" << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "kind"), "saml-response");
  EXPECT_TRUE(IsNullField(r, "cloud")) << c.Dump();
  EXPECT_EQ(Get(Get(r, "signature"), "status"), "missing");
  EXPECT_EQ(Get(r, "roles"), json::array());
  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = Get(r, "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "saml:generic");
  EXPECT_TRUE(IsNullField(e, "role"));
  ExpectIssued(e, 7200, {"session_not_on_or_after"});
  ExpectFactors(e, {{"session_not_on_or_after", 7200, false}});
  const json& f = Factor(e, "session_not_on_or_after");
  EXPECT_EQ(Get(f, "signed"), false);
  EXPECT_EQ(Get(Get(f, "source"), "line"), LineIn(kExample5, "SessionNotOnOrAfter=\""));
  EXPECT_EQ(Get(e, "context"), json::array());
  std::vector<json> undetected = Diags(r, "cloud-undetected");
  ASSERT_EQ(undetected.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(undetected[0], "severity"), "warning");
  EXPECT_NE(Get(undetected[0], "fix").get<std::string>().find("--cloud"), std::string::npos);
  EXPECT_EQ(Rules(r), (std::set<std::string>{"cloud-undetected", "signature-missing"})) << c.Dump();
}

TEST(E2eGenericSp, WorkedExample5WithTheSpDeclared) {
  Checked c =
      Check(samlint::testing::With({kExample5, "--cloud", "generic", "--target", "1h"}, kRightSp));
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "generic");
  EXPECT_EQ(Rules(r), (std::set<std::string>{"signature-missing"})) << c.Dump();
  ExpectIssued(FindEval(r, "saml:generic"), 7200, {"session_not_on_or_after"});

  // A declared SP limit below SessionNotOnOrAfter binds.
  Checked limited = Check({kExample5, "--scenario", "saml:generic", "--sp-session-limit", "30m"});
  const json& e = FindEval(limited.Result(), "saml:generic");
  ExpectIssued(e, 1800, {"sp_session_limit"});
  ExpectFactors(e, {{"session_not_on_or_after", 7200, false}, {"sp_session_limit", 1800, false}});
  ExpectSignedNull(e, "sp_session_limit");
  EXPECT_EQ(Get(Factor(e, "sp_session_limit"), "declared_in"), "--sp-session-limit");
}

TEST(E2eGenericSp, RejectedWhenTheDeclaredSpOrTheWindowDoesNotMatch) {
  Checked c = Check({kExample5, "--sp-entity-id", "https://other.example.com", "--sp-acs-url",
                     "https://other.example.com/acs"});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  const json& e = FindEval(c.Result(), "saml:generic");
  ExpectRejected(e);
  // The JSON report has no rejected_by (the contract's shape); the findings say why.
  for (const char* rule : {"audience-mismatch", "recipient-mismatch"}) {
    std::vector<json> found = Diags(c.Result(), rule);
    ASSERT_EQ(found.size(), 1u) << rule << "\n" << c.Dump();
    EXPECT_EQ(Get(found[0], "severity"), "error") << rule;
  }

  Checked late = Check({kExample5, "--now", "2026-11-23T10:30:00Z"});
  EXPECT_EQ(late.run.exit_code, 1) << late.Dump();
  ExpectRejected(FindEval(late.Result(), "saml:generic"));
  EXPECT_EQ(Diags(late.Result(), "assertion-expired").size(), 2u) << late.Dump();
}

TEST(E2eGenericSp, UnboundedLifetimeIsNotANumber) {
  Checked c = Check({"-", "--target", "8h"}, Unbounded());
  EXPECT_EQ(c.run.exit_code, 0) << "a note and a warning only\n" << c.Dump();
  const json& e = FindEval(c.Result(), "saml:generic");
  EXPECT_EQ(Get(e, "outcome"), "issued");
  EXPECT_TRUE(IsNullField(e, "effective_seconds")) << c.Dump();
  EXPECT_EQ(Get(e, "factors"), json::array());
  EXPECT_EQ(Get(e, "binding"), json::array());
  EXPECT_EQ(Get(e, "clamps"), json::array());
  EXPECT_EQ(Get(e, "target_seconds"), 28800);
  std::vector<json> unbounded = Diags(c.Result(), "lifetime-unbounded");
  ASSERT_EQ(unbounded.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(unbounded[0], "severity"), "note");
  EXPECT_EQ(Get(unbounded[0], "scenario"), "saml:generic");

  CliRun text = RunCli({"check", "-", "--color", "never"}, Unbounded());
  EXPECT_NE(text.out.find("saml:generic\n    session not bounded by the assertion (the service "
                          "provider decides)\n"),
            std::string::npos)
      << text.out;
  CliRun html = RunCli({"check", "-", "--format", "html"}, Unbounded());
  EXPECT_NE(html.out.find("not bounded by the assertion"), std::string::npos);
  CliRun sarif = RunCli({"check", "-", "--format", "sarif"}, Unbounded());
  EXPECT_NE(sarif.out.find("\"ruleId\": \"lifetime-unbounded\""), std::string::npos) << sarif.out;
}

TEST(E2eGenericSp, RejectedTextSaysTheServiceProviderRefuses) {
  CliRun text = RunCli({"check", kExample5, "--color", "never", "--sp-acs-url", "https://x.test/"});
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_NE(text.out.find("rejected: the service provider refuses the response "
                          "(recipient-mismatch)"),
            std::string::npos)
      << text.out;
}

TEST(E2eGenericSp, SuccessWithoutAssertionIsAnError) {
  samlint::testing::SamlBuilder b = samlint::testing::GenericSpBuilder();
  b.assertion_count = 0;
  Checked c = Check({"-"}, b.Build());
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  std::vector<json> missing = Diags(c.Result(), "assertion-missing");
  ASSERT_EQ(missing.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(missing[0], "severity"), "error");
  EXPECT_EQ(Get(c.Result(), "evaluations"), json::array());
}

TEST(E2eGenericSp, OptionsAndUsageErrors) {
  CliRun bare = RunCli({"check", kExample5, "--sp-session-limit", "8"});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_NE(bare.err.find("--sp-session-limit 8: did you mean 8h?"), std::string::npos) << bare.err;
  CliRun cloud = RunCli({"check", kExample5, "--cloud", "gcp-typo"});
  EXPECT_EQ(cloud.exit_code, 2);
  EXPECT_NE(cloud.err.find("generic"), std::string::npos) << cloud.err;
  CliRun mixed = RunCli({"check", kExample5, "--cloud", "generic", "--scenario", "aws:saml-api"});
  EXPECT_EQ(mixed.exit_code, 2) << mixed.err;
  CliRun help = RunCli({"check", "--help"});
  EXPECT_NE(help.out.find("saml:generic"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--sp-session-limit"), std::string::npos) << help.out;
  CliRun rules = RunCli({"rules"});
  EXPECT_NE(rules.out.find("lifetime-unbounded"), std::string::npos);
  EXPECT_NE(rules.out.find("assertion-missing"), std::string::npos);
  // The SP options apply only to saml:generic.
  Checked aws = Check({"testdata/responses/aws-api.xml", "--sp-session-limit", "1h"});
  EXPECT_EQ(Diags(aws.Result(), "option-ignored").size(), 1u) << aws.Dump();
}

TEST(E2eGenericSp, ConfigDeclaresTheSp) {
  fs::path dir =
      fs::temp_directory_path() /
      ("samlint-e2e-generic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::create_directories(dir);
  fs::copy_file(std::string(SAMLINT_SOURCE_DIR) + "/" + kExample5, dir / "response.xml", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "samlint.toml")
      << "cloud = \"generic\"\nsp-session-limit = \"1h\"\n"
         "sp-entity-id = \"https://wiki.example.com/saml/metadata\"\n"
         "sp-acs-url = \"https://elsewhere.example.com/acs\"\n";
  Checked c = Check({(dir / "response.xml").string()});
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "generic") << c.Dump();
  const json& e = FindEval(r, "saml:generic");
  ExpectRejected(e);
  EXPECT_EQ(Diags(r, "recipient-mismatch").size(), 1u) << c.Dump();
  EXPECT_TRUE(Diags(r, "audience-mismatch").empty()) << c.Dump();
  EXPECT_EQ(Get(Factor(e, "sp_session_limit"), "seconds"), 3600);
  std::ofstream(dir / "samlint.toml") << "sp-session-limt = \"1h\"\n";
  CliRun typo = RunCli({"check", (dir / "response.xml").string()});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'sp-session-limit'"), std::string::npos) << typo.err;
  fs::remove_all(dir);
}

// cli-contract.md, #14 "Done when": every response in testdata/ runs without
// --cloud: no exit 2, each with its signature verdict and a saml:generic or
// cloud evaluation (a response with no assertion to read has none).
TEST(E2eGenericSp, EveryTestdataResponseWithoutCloud) {
  Checked c = Check({"--no-config", "--jobs", "2", "testdata"});
  ASSERT_NE(c.run.exit_code, 2) << c.run.err;
  ASSERT_TRUE(c.report.is_object()) << c.run.err;
  std::size_t responses = 0;
  std::size_t generic = 0;
  for (const json& r : c.Results()) {
    if (Get(r, "kind") != "saml-response") continue;
    ++responses;
    const std::string where = Get(r, "input").get<std::string>() +
                              (r.contains("part") ? "#" + Get(r, "part").get<std::string>() : "");
    EXPECT_TRUE(Get(r, "signature").is_object()) << where;
    const std::set<std::string> rules = Rules(r);
    const bool nothing_to_read = rules.count("encrypted-assertion-no-key") != 0 ||
                                 rules.count("assertion-missing") != 0 ||
                                 rules.count("status-not-success") != 0;
    if (!nothing_to_read) {
      EXPECT_FALSE(Get(r, "evaluations").empty()) << where;
    }
    for (const json& e : Get(r, "evaluations")) generic += Get(e, "scenario") == "saml:generic";
    if (rules.count("cloud-undetected") != 0) {
      EXPECT_FALSE(Get(r, "evaluations").empty()) << where;
      for (const json& e : Get(r, "evaluations")) EXPECT_EQ(Get(e, "scenario"), "saml:generic");
    }
  }
  EXPECT_GT(responses, 50u);
  EXPECT_GT(generic, 0u);
}

}  // namespace
}  // namespace samlint::e2e
