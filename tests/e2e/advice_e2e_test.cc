// Advice that holds: each fix samlint gives is applied (the option or the
// input it names is changed, and samlint runs again), and the finding must
// be gone without a new error or warning in its place. Also: rule pages cite
// nothing outside the repository, and a baseline hint never names a file that
// exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "e2e/e2e_util.h"
#include "samlint/rules.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;
using samlint::testing::With;

constexpr const char* kAwsApi = "testdata/responses/aws-api.xml";

// The fix of the one `rule` finding of the first result ("" when not exactly one).
std::string FixOf(const Checked& c, const std::string& rule) {
  std::vector<json> found = Diags(c.Result(), rule);
  EXPECT_EQ(found.size(), 1u) << rule << "\n" << c.Dump();
  if (found.size() != 1 || !Get(found[0], "fix").is_string()) return "";
  return Get(found[0], "fix").get<std::string>();
}

std::string MessageOf(const Checked& c, const std::string& rule) {
  std::vector<json> found = Diags(c.Result(), rule);
  EXPECT_EQ(found.size(), 1u) << rule << "\n" << c.Dump();
  if (found.size() != 1 || !Get(found[0], "message").is_string()) return "";
  return Get(found[0], "message").get<std::string>();
}

// The first number the fix writes after `before` (regex), as a string; fails when none.
std::string NumberAfter(const std::string& fix, const std::string& before) {
  std::smatch m;
  if (!std::regex_search(fix, m, std::regex(before + "([0-9]+)"))) {
    ADD_FAILURE() << "no number after /" << before << "/ in: " << fix;
    return "0";
  }
  return m[1].str();
}

// Error and warning rules of the first result.
std::set<std::string> Serious(const Checked& c) {
  std::set<std::string> out;
  const json& ds = Get(c.Result(), "diagnostics");
  if (!ds.is_array()) return out;
  for (const json& d : ds) {
    if (Get(d, "severity") == "error" || Get(d, "severity") == "warning") {
      out.insert(Get(d, "rule").get<std::string>());
    }
  }
  return out;
}

// `after` (the fix applied) no longer has `rule`, and holds no error or
// warning that `before` did not have.
void ExpectFixHolds(const Checked& before, const Checked& after, const std::string& rule) {
  EXPECT_TRUE(Diags(after.Result(), rule).empty()) << rule << " is still there\n" << after.Dump();
  std::set<std::string> had = Serious(before);
  for (const std::string& r : Serious(after)) {
    EXPECT_TRUE(had.count(r) == 1 && r != rule)
        << "applying the fix for " << rule << " led to " << r << "\n"
        << after.Dump();
  }
}

// ---------------------------------------------------------------- lifetime fixes

TEST(E2eAdvice, DurationAboveRoleMaxWhileChainingSaysLowerOrStopChaining) {
  const std::vector<std::string> base = {"--scenario", "aws:assume-role", "--role-max-session",
                                         "1h", "--role-chaining"};
  Checked before = Check(With(base, {"--duration-seconds", "2h"}));
  const std::string fix = FixOf(before, "duration-exceeds-role-max");
  EXPECT_NE(fix.find("Request at most 3600 seconds"), std::string::npos) << fix;
  EXPECT_NE(fix.find("stop chaining"), std::string::npos) << fix;

  // The first alternative: a lower DurationSeconds, still chaining.
  Checked lowered = Check(With(base, {"--duration-seconds", NumberAfter(fix, "Request at most ")}));
  ExpectFixHolds(before, lowered, "duration-exceeds-role-max");
  EXPECT_TRUE(Diags(lowered.Result(), "role-chaining-limit").empty()) << lowered.Dump();

  // The second: stop chaining and raise the role maximum the command names.
  Checked direct = Check({"--scenario", "aws:assume-role", "--duration-seconds", "2h",
                          "--role-max-session", NumberAfter(fix, "--max-session-duration ")});
  ExpectFixHolds(before, direct, "duration-exceeds-role-max");
  EXPECT_TRUE(Diags(direct.Result(), "role-chaining-limit").empty()) << direct.Dump();

  // What the old advice led to: the role maximum raised while still chaining.
  Checked raised_only = Check({"--scenario", "aws:assume-role", "--role-chaining",
                               "--duration-seconds", "2h", "--role-max-session", "2h"});
  EXPECT_EQ(Diags(raised_only.Result(), "role-chaining-limit").size(), 1u) << raised_only.Dump();
}

TEST(E2eAdvice, DurationAboveRoleMaxEitherAlternativeClearsIt) {
  const std::vector<std::string> base = {kAwsApi, "--scenario", "aws:saml-api"};
  Checked before = Check(With(base, {"--duration-seconds", "12h", "--role-max-session", "1h"}));
  const std::string fix = FixOf(before, "duration-exceeds-role-max");
  Checked lowered = Check(With(base, {"--duration-seconds", NumberAfter(fix, "Request at most "),
                                      "--role-max-session", "1h"}));
  ExpectFixHolds(before, lowered, "duration-exceeds-role-max");
  Checked raised = Check(With(base, {"--duration-seconds", "12h", "--role-max-session",
                                     NumberAfter(fix, "--max-session-duration ")}));
  ExpectFixHolds(before, raised, "duration-exceeds-role-max");
}

TEST(E2eAdvice, DurationOutOfRangeNamesAValueEveryLaterCheckAccepts) {
  // Above the API's 43200 with a role maximum of 2 h: "up to 43200" would
  // lead straight to duration-exceeds-role-max.
  const std::vector<std::string> base = {kAwsApi, "--scenario", "aws:saml-api",
                                         "--role-max-session", "2h"};
  Checked before = Check(With(base, {"--duration-seconds", "50000"}));
  const std::string fix = FixOf(before, "duration-out-of-range");
  EXPECT_NE(fix.find("from 900 to 7200 seconds (the role maximum)"), std::string::npos) << fix;
  Checked after = Check(With(base, {"--duration-seconds", NumberAfter(fix, "from 900 to ")}));
  ExpectFixHolds(before, after, "duration-out-of-range");

  // While chaining, the cap on chaining is the bound.
  const std::vector<std::string> chained = {"--scenario", "aws:assume-role", "--role-max-session",
                                            "12h", "--role-chaining"};
  Checked chained_before = Check(With(chained, {"--duration-seconds", "50000"}));
  const std::string chained_fix = FixOf(chained_before, "duration-out-of-range");
  EXPECT_NE(chained_fix.find("from 900 to 3600 seconds (the cap on role chaining)"),
            std::string::npos)
      << chained_fix;
  Checked chained_after =
      Check(With(chained, {"--duration-seconds", NumberAfter(chained_fix, "from 900 to ")}));
  ExpectFixHolds(chained_before, chained_after, "duration-out-of-range");
}

TEST(E2eAdvice, BelowTargetWhileChainingStopsChainingAndRaisesTheRoleMax) {
  Checked before = Check({"--scenario", "aws:assume-role", "--role-chaining", "--role-max-session",
                          "1h", "--duration-seconds", "1h", "--target", "8h"});
  const std::string fix = FixOf(before, "lifetime-below-target");
  EXPECT_NE(fix.find("Stop chaining"), std::string::npos) << fix;
  Checked after = Check({"--scenario", "aws:assume-role", "--target", "8h", "--duration-seconds",
                         NumberAfter(fix, "DurationSeconds="), "--role-max-session",
                         NumberAfter(fix, "--max-session-duration ")});
  ExpectFixHolds(before, after, "lifetime-below-target");
}

TEST(E2eAdvice, BelowTargetOnTheAwsApiRaisesTheRoleMaxWithTheRequest) {
  // DurationSeconds omitted (3600) binds below a 2 h target; the role maximum
  // is 1 h, so a longer request alone would be refused.
  const std::vector<std::string> base = {kAwsApi, "--scenario", "aws:saml-api", "--target", "2h"};
  Checked before = Check(With(base, {"--role-max-session", "1h"}));
  const std::string fix = FixOf(before, "lifetime-below-target");
  Checked after =
      Check(With(base, {"--duration-seconds", NumberAfter(fix, "DurationSeconds="),
                        "--role-max-session", NumberAfter(fix, "--max-session-duration ")}));
  ExpectFixHolds(before, after, "lifetime-below-target");
  EXPECT_TRUE(Diags(after.Result(), "duration-exceeds-role-max").empty()) << after.Dump();
}

TEST(E2eAdvice, SessionDurationAboveRoleMaxUnderATargetRaisesTheRoleMax) {
  // SessionDuration 7200 above a 1 h role maximum, target 2 h: lowering the
  // attribute would put the session below the target, so only the raise is offered.
  const std::vector<std::string> base = {kAwsApi, "--scenario", "aws:saml-console", "--target",
                                         "2h"};
  Checked before = Check(With(base, {"--role-max-session", "1h"}));
  const std::string fix = FixOf(before, "session-duration-exceeds-role-max");
  EXPECT_EQ(fix.find("Lower"), std::string::npos) << fix;
  Checked after =
      Check(With(base, {"--role-max-session", NumberAfter(fix, "--max-session-duration ")}));
  ExpectFixHolds(before, after, "session-duration-exceeds-role-max");
}

TEST(E2eAdvice, LoginSessionOutOfRangeSuggestsEnoughForTheTarget) {
  const std::vector<std::string> base = {"--scenario", "aliyun:ram-user-logon", "--target", "20h"};
  Checked before = Check(With(base, {"--login-session", "30h"}));
  const std::string fix = FixOf(before, "login-session-out-of-range");
  Checked after =
      Check(With(base, {"--login-session", NumberAfter(fix, "--LoginSessionDuration ") + "h"}));
  ExpectFixHolds(before, after, "login-session-out-of-range");
}

TEST(E2eAdvice, PermissionSetOutOfRangeSuggestsEnoughForTheTarget) {
  const std::vector<std::string> base = {"--scenario", "aws:identity-center", "--target", "10h"};
  Checked before = Check(With(base, {"--permission-set-session", "PT13H"}));
  const std::string fix = FixOf(before, "permission-set-duration-out-of-range");
  Checked after = Check(With(
      base, {"--permission-set-session", "PT" + NumberAfter(fix, "--session-duration PT") + "H"}));
  ExpectFixHolds(before, after, "permission-set-duration-out-of-range");
}

// ---------------------------------------------------------------- signature-missing

TEST(E2eAdvice, SignatureMissingOnAwsSpeaksOfAwsAndSigningTheAssertionClearsIt) {
  Checked note = Check({"testdata/trust/valid/aws-unsigned.xml"});
  const std::string message = MessageOf(note, "signature-missing");
  const std::string fix = FixOf(note, "signature-missing");
  EXPECT_NE(message.find("AWS"), std::string::npos) << message;
  EXPECT_EQ(message.find("Alibaba"), std::string::npos) << message;
  EXPECT_EQ(fix.find("Alibaba"), std::string::npos) << fix;
  EXPECT_NE(message.find("a note only because no trust anchor was given"), std::string::npos)
      << message;

  const std::string cert = "testdata/trust/keys/idp-rsa2048.cert.pem";
  Checked error = Check({"testdata/trust/valid/aws-unsigned.xml", "--cert", cert});
  const std::string error_message = MessageOf(error, "signature-missing");
  EXPECT_EQ(Get(At(Diags(error.Result(), "signature-missing"), 0), "severity"), "error");
  EXPECT_EQ(error_message.find("note"), std::string::npos) << error_message;

  // The fix applied: the same response with its Assertion signed.
  Checked signed_assertion =
      Check({"testdata/trust/valid/aws-assertion-signed-sha256-exc.xml", "--cert", cert});
  ExpectFixHolds(error, signed_assertion, "signature-missing");
  EXPECT_TRUE(Diags(signed_assertion.Result(), "assertion-not-signed").empty())
      << signed_assertion.Dump();
}

TEST(E2eAdvice, SignatureMissingOnAlibabaCloudNamesItsRuleAndSigningTheAssertionClearsIt) {
  Checked before = Check({"testdata/examples/aliyun-console-clamped.xml", "--require-signature"});
  const std::string message = MessageOf(before, "signature-missing");
  EXPECT_NE(message.find("Alibaba Cloud requires the whole saml2:Assertion"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("AWS"), std::string::npos) << message;
  EXPECT_NE(FixOf(before, "signature-missing").find("whole Assertion"), std::string::npos);
  Checked after = Check({"testdata/trust/valid/aliyun-assertion-signed.xml", "--cert",
                         "testdata/trust/keys/idp-rsa2048.cert.pem"});
  EXPECT_TRUE(Diags(after.Result(), "signature-missing").empty()) << after.Dump();
  EXPECT_TRUE(Diags(after.Result(), "assertion-not-signed").empty()) << after.Dump();
}

TEST(E2eAdvice, SignatureMissingWithoutACloudIsGeneric) {
  std::string xml = ReadSource("testdata/trust/valid/aws-unsigned.xml");
  for (auto [from, to] : {std::pair<std::string, std::string>{"aws.amazon.com", "sp.example.com"},
                          {"urn:amazon:webservices", "urn:example:sp"}}) {
    for (std::size_t at = xml.find(from); at != std::string::npos; at = xml.find(from, at)) {
      xml.replace(at, from.size(), to);
      at += to.size();
    }
  }
  Checked c = Check({"-"}, xml);
  ASSERT_EQ(Diags(c.Result(), "cloud-undetected").size(), 1u) << c.Dump();
  const std::string message = MessageOf(c, "signature-missing");
  const std::string fix = FixOf(c, "signature-missing");
  EXPECT_EQ(message.find("AWS"), std::string::npos) << message;
  EXPECT_EQ(message.find("Alibaba"), std::string::npos) << message;
  EXPECT_NE(fix.find("--cloud"), std::string::npos) << fix;
}

// ---------------------------------------------------------------- baseline hint

TEST(E2eAdvice, BaselineHintNeverOverwritesAFile) {
  const fs::path dir =
      fs::temp_directory_path() /
      ("samlint-advice-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::create_directories(dir);
  const std::string response = (dir / "response.xml").string();
  const std::string original = ReadSource(kAwsApi);
  std::ofstream(response, std::ios::binary) << original;

  // A response given as the baseline: the hint names a new file beside it.
  CliRun wrong = RunCli({"check", response, "--baseline", response});
  EXPECT_EQ(wrong.exit_code, 2) << wrong.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(wrong.err, m, std::regex("--format json > ([^,)]+)"))) << wrong.err;
  const std::string suggested = m[1].str();
  EXPECT_NE(suggested, response);
  EXPECT_FALSE(fs::exists(suggested)) << suggested;
  EXPECT_NE(wrong.err.find("then pass " + suggested), std::string::npos) << wrong.err;

  // Following it: the report is written there, the baseline works, the response is untouched.
  CliRun report = RunCli({"check", response, "--format", "json"});
  std::ofstream(suggested, std::ios::binary) << report.out;
  CliRun with_baseline = RunCli({"check", response, "--baseline", suggested});
  EXPECT_EQ(with_baseline.exit_code, 0) << with_baseline.err << with_baseline.out;
  std::ifstream in(response, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), original);

  // A baseline that does not exist yet: the hint names it.
  const std::string fresh = (dir / "fresh.json").string();
  CliRun missing = RunCli({"check", response, "--baseline", fresh});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--format json > " + fresh + ")"), std::string::npos) << missing.err;
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- rule pages

// What a rule page must not cite: files outside the repository.
void ExpectOnlyRepositoryPaths(const std::string& id, const std::string& page) {
  for (const char* outside : {"/work/", "shared/", "spec/", "seeds/", "seed ", "lifetime-rules.md",
                              "cli-contract.md", "more-clouds.md", "style.md"}) {
    EXPECT_EQ(page.find(outside), std::string::npos)
        << "samlint rules " << id << " cites \"" << outside << "\":\n"
        << page;
  }
  // A relative path up out of the tree ("../shared/..."); "…/saml/acs" in a URL is no path.
  for (std::size_t at = page.find("../"); at != std::string::npos; at = page.find("../", at + 1)) {
    EXPECT_TRUE(at > 0 && page[at - 1] == '.')
        << "samlint rules " << id << " cites a path outside the repository:\n"
        << page.substr(at, 80);
  }
  // Every Markdown file it names is one of the repository's.
  static const std::regex kMarkdown(R"(([A-Za-z0-9_./-]+\.md)\b)");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), kMarkdown);
       it != std::sregex_iterator(); ++it) {
    const std::string file = (*it)[1].str();
    EXPECT_TRUE(fs::is_regular_file(fs::path(SAMLINT_SOURCE_DIR) / file))
        << "samlint rules " << id << " cites " << file << ", which is not in the repository";
  }
}

TEST(E2eAdvice, RulePagesCiteOnlyVendorUrlsAndTheRepository) {
  for (const RuleInfo& rule : AllRules()) {
    CliRun run = RunCli({"rules", std::string(rule.id)});
    ASSERT_EQ(run.exit_code, 0) << rule.id << "\n" << run.err;
    ExpectOnlyRepositoryPaths(std::string(rule.id), run.out);
    const std::string reference =
        run.out.substr(std::min(run.out.find("\nReference\n"), run.out.size()));
    EXPECT_TRUE(reference.find("https://") != std::string::npos ||
                reference.find("README.md") != std::string::npos ||
                reference.find("docs/") != std::string::npos)
        << "samlint rules " << rule.id
        << " cites neither a document by URL nor the project's docs:\n"
        << run.out;
  }
  ExpectOnlyRepositoryPaths("(docs/rules.md)", ReadSource("docs/rules.md"));
}

}  // namespace
}  // namespace samlint::e2e
