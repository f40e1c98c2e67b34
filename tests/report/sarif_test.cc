// The SARIF report: golden files, the official schema, the rules[] table, locations,
// levels and fingerprints.
//
// Golden files live in testdata/report/*.sarif. They hold the CLI's output with the
// version, the %SRCROOT% base URI, rule indexes and the rules' prose (which the
// registry and docs/rules.md pin) normalised away, and only the rules that the
// results use. Regenerate them with
//   SAMLINT_UPDATE_GOLDEN=1 samlint_tests --gtest_filter='ReportSarif.Golden*'
//
// The schema test needs a copy of the SARIF 2.1.0 schema at $SAMLINT_SARIF_SCHEMA
// (see tests/report/validate_sarif.py) and skips without it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "samlint/check.h"
#include "samlint/report.h"
#include "samlint/rules.h"
#include "support/report_builders.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

using OJson = nlohmann::ordered_json;
using samlint::testing::CliRun;
using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::RunCli;
using samlint::testing::XmlResult;

constexpr std::string_view kDocsUrl =
    "https://github.com/example/samlint/blob/v0.1.0/docs/rules.md";

const std::vector<std::string> kAliyunArgs =
    samlint::testing::With(samlint::testing::kAliyunClampedArgs, {"--format", "sarif"});

// A declarations result (no input), a base64 input (positions in the decoded
// document) and a raw XML input with hostile values and a rejected evaluation.
const std::vector<std::string> kMixedArgs = {"check",
                                             "testdata/encoded/aws-api.b64",
                                             "testdata/report/hostile-values.xml",
                                             "--scenario",
                                             "aws:saml-api",
                                             "--scenario",
                                             "aws:assume-role",
                                             "--role-max-session",
                                             "1h",
                                             "--duration-seconds",
                                             "2h",
                                             "--role-chaining",
                                             "--jobs",
                                             "1",
                                             "--format",
                                             "sarif"};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string WriteTemp(const std::string& text) {
  std::string path = "/tmp/samlint-sarif-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd >= 0) close(fd);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

OJson Parse(const std::string& text) { return OJson::parse(text, nullptr, false); }

const OJson& Run0(const OJson& log) {
  static const OJson kNull;
  if (!log.is_object() || !log.contains("runs") || log["runs"].empty()) return kNull;
  return log["runs"][0];
}

// The golden form: volatile or registry-pinned values replaced by placeholders.
std::string Normalise(OJson log) {
  OJson& run = log["runs"][0];
  OJson& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["version"], std::string(Version()));
  EXPECT_EQ(driver["semanticVersion"], std::string(Version()));
  driver["version"] = "VERSION";
  driver["semanticVersion"] = "VERSION";
  std::string base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>();
  EXPECT_EQ(base.rfind("file:///", 0), 0u) << base;
  EXPECT_EQ(base.back(), '/') << base;
  run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/";
  // ruleIndex must point at the rule; the golden file keeps only the rules the
  // results use, so a rule added to the registry does not touch it.
  std::set<std::string> used;
  for (OJson& result : run["results"]) {
    std::string id = result["ruleId"].get<std::string>();
    used.insert(id);
    if (!result.contains("ruleIndex")) continue;
    std::size_t index = result["ruleIndex"].get<std::size_t>();
    EXPECT_LT(index, driver["rules"].size()) << id;
    if (index < driver["rules"].size()) {
      EXPECT_EQ(driver["rules"][index]["id"], id);
    }
    result["ruleIndex"] = "(index of " + id + ")";
  }
  OJson rules = OJson::array();
  for (OJson& rule : driver["rules"]) {
    if (!used.count(rule["id"].get<std::string>())) continue;
    rule["shortDescription"]["text"] = "(registry summary)";
    rule["fullDescription"]["text"] = "(registry rationale)";
    rule["help"]["text"] = "(registry fix, example, reference)";
    rule["help"]["markdown"] = "(registry fix, example, reference)";
    rules.push_back(std::move(rule));
  }
  driver["rules"] = std::move(rules);
  return log.dump(2) + "\n";
}

void ExpectGolden(const std::vector<std::string>& args, const std::string& golden) {
  CliRun run = RunCli(args);
  ASSERT_EQ(run.exit_code, 1) << run.err;
  OJson log = Parse(run.out);
  ASSERT_FALSE(log.is_discarded()) << run.out;
  std::string actual = Normalise(log);
  std::string path = std::string(SAMLINT_TESTDATA) + "/report/" + golden;
  if (std::getenv("SAMLINT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "cannot read " << path;
  EXPECT_EQ(actual, expected) << path
                              << " differs; if the change is intended, regenerate it with "
                                 "SAMLINT_UPDATE_GOLDEN=1";
}

// Runs the emitter on in-memory results, base directory /work/base.
OJson Emit(const std::vector<CheckResult>& results, std::string base = "/work/base") {
  ReportOptions options;
  options.base_directory = std::move(base);
  const std::string text = EmitReport(ReportFormat::kSarif, results, options);
  OJson log = Parse(text);
  EXPECT_FALSE(log.is_discarded()) << text;
  return log;
}

TEST(ReportSarif, GoldenAliyunConsoleClamped) {
  ExpectGolden(kAliyunArgs, "aliyun-console-clamped.sarif");
}

TEST(ReportSarif, GoldenMixedInputs) { ExpectGolden(kMixedArgs, "mixed-inputs.sarif"); }

TEST(ReportSarif, ValidatesAgainstTheSarifSchema) {
  const char* schema = std::getenv("SAMLINT_SARIF_SCHEMA");
  if (schema == nullptr || *schema == '\0') {
    GTEST_SKIP() << "SAMLINT_SARIF_SCHEMA is not set: run "
                    "`export SAMLINT_SARIF_SCHEMA=$(bash tools/fetch-test-assets.sh)` "
                    "(tools/test.sh does) to validate against the SARIF 2.1.0 schema";
  }
  // Set but wrong is a broken set-up, not a reason to skip.
  ASSERT_TRUE(std::filesystem::exists(schema))
      << "SAMLINT_SARIF_SCHEMA=" << schema << " does not exist";
  // The first Python that has jsonschema: python3 on PATH, else Debian's
  // (python3-jsonschema installs for /usr/bin/python3 only).
  std::string python;
  for (const char* candidate : {"python3", "/usr/bin/python3"}) {
    std::string probe = std::string(candidate) + " -c 'import jsonschema' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) {
      python = candidate;
      break;
    }
  }
  ASSERT_FALSE(python.empty())
      << "SAMLINT_SARIF_SCHEMA is set but no python3 has jsonschema (apt-get install "
         "python3-jsonschema)";
  std::vector<std::string> logs;
  logs.push_back(RunCli(kAliyunArgs).out);
  logs.push_back(RunCli(kMixedArgs).out);
  std::vector<std::string> with_docs = kAliyunArgs;
  with_docs.push_back("--docs-url=" + std::string(kDocsUrl));
  logs.push_back(RunCli(with_docs).out);
  CheckResult odd = XmlResult("/work/base/dir/a b#c:d%.xml",
                              {Diag("xml-malformed", Severity::kError, "bad", Location{3, 4})});
  CheckResult outside = XmlResult("/elsewhere/x.xml", {Diag("no-such-rule", Severity::kNote, "n")});
  logs.push_back(Emit({odd, outside}).dump(2));
  logs.push_back(Emit({}).dump(2));
  for (const std::string& log : logs) {
    std::string file = WriteTemp(log);
    std::string command = python + " '" + std::string(SAMLINT_SOURCE_DIR) +
                          "/tests/report/validate_sarif.py' '" + schema + "' '" + file + "' 2>&1";
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr) << command;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
    int status = pclose(pipe);
    std::remove(file.c_str());
    EXPECT_EQ(status, 0) << output << "\n" << log.substr(0, 2000);
  }
}

TEST(ReportSarif, HelpUriLinksEveryRuleToItsDocsOnlyWhenADocsUrlIsGiven) {
  std::vector<std::string> args = kAliyunArgs;
  args.push_back("--docs-url=" + std::string(kDocsUrl));
  CliRun run = RunCli(args);
  ASSERT_EQ(run.exit_code, 1) << run.err;
  OJson with = Parse(run.out);
  std::size_t rules = 0;
  for (const OJson& rule : Run0(with)["tool"]["driver"]["rules"]) {
    EXPECT_EQ(rule["helpUri"], std::string(kDocsUrl) + "#" + rule["id"].get<std::string>());
    ++rules;
  }
  EXPECT_EQ(rules, AllRules().size());
  // The log outlives the loop: a range-for over a member of a temporary would
  // read it after it is destroyed.
  OJson without = Parse(RunCli(kAliyunArgs).out);
  for (const OJson& rule : Run0(without)["tool"]["driver"]["rules"]) {
    EXPECT_FALSE(rule.contains("helpUri")) << rule["id"];
  }
  for (const char* bad : {"docs/rules.md", "ftp://example.com/rules.md", "https://",
                          "https://example.com/rules.md#x", "https://exa mple.com/"}) {
    CliRun refused = RunCli({"check", "--docs-url", bad, "--format", "sarif",
                             "testdata/examples/aliyun-console-clamped.xml"});
    EXPECT_EQ(refused.exit_code, 2) << bad;
    EXPECT_NE(refused.err.find("--docs-url"), std::string::npos) << refused.err;
  }
}

TEST(ReportSarif, RulesComeFromTheRegistry) {
  OJson log = Emit({});
  EXPECT_EQ(
      log["$schema"],
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const OJson& driver = Run0(log)["tool"]["driver"];
  EXPECT_EQ(driver["name"], "samlint");
  EXPECT_FALSE(driver.contains("informationUri"));
  const OJson& rules = driver["rules"];
  ASSERT_EQ(rules.size(), AllRules().size());
  std::size_t i = 0;
  for (const RuleInfo& info : AllRules()) {
    const OJson& rule = rules[i++];
    SCOPED_TRACE(std::string(info.id));
    EXPECT_EQ(rule["id"], std::string(info.id));
    EXPECT_EQ(rule["shortDescription"]["text"], std::string(info.summary));
    EXPECT_EQ(rule["fullDescription"]["text"], std::string(info.rationale));
    std::string help = rule["help"]["text"].get<std::string>();
    std::string markdown = rule["help"]["markdown"].get<std::string>();
    for (std::string_view part : {info.fix, info.example, info.reference}) {
      EXPECT_NE(help.find(part), std::string::npos) << part;
      EXPECT_NE(markdown.find(part), std::string::npos) << part;
    }
    EXPECT_NE(help.find("docs/rules.md#" + std::string(info.id)), std::string::npos);
    EXPECT_FALSE(rule.contains("helpUri"));
    EXPECT_EQ(rule["defaultConfiguration"]["level"],
              std::string(SeverityName(info.default_severity)));
    const OJson& props = rule["properties"];
    EXPECT_EQ(props["tags"][0], std::string(CategoryName(info.category)));
    EXPECT_TRUE(props["precision"] == "high" || props["precision"] == "very-high");
    bool trust = info.category == RuleCategory::kTrust;
    EXPECT_EQ(props.contains("security-severity"), trust);
    if (trust) {
      EXPECT_NE(std::find(props["tags"].begin(), props["tags"].end(), "security"),
                props["tags"].end());
      std::string score = props["security-severity"].get<std::string>();
      if (info.default_severity == Severity::kError) {
        EXPECT_EQ(score, "8.0");
      } else if (info.default_severity == Severity::kWarning) {
        EXPECT_EQ(score, "5.0");
      }
    }
  }
  EXPECT_EQ(rules[0]["name"], "AssertionExpired");
}

TEST(ReportSarif, LevelFollowsSeverityAndRuleIndexPointsAtTheRule) {
  CheckResult r =
      XmlResult("/work/base/a.xml", {Diag("lifetime-below-target", Severity::kError, "e"),
                                     Diag("signature-missing", Severity::kWarning, "w"),
                                     Diag("assumed-default", Severity::kNote, "n"),
                                     Diag("not-a-registry-rule", Severity::kNote, "x")});
  r.diagnostics[0].fix = "Raise it.";
  OJson log = Emit({r});
  const OJson& run = Run0(log);
  const OJson& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[2]["level"], "note");
  EXPECT_EQ(results[0]["message"]["text"], "e Fix: Raise it.");
  EXPECT_EQ(results[1]["message"]["text"], "w");
  for (std::size_t i = 0; i < 3; ++i) {
    std::size_t index = results[i]["ruleIndex"].get<std::size_t>();
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], results[i]["ruleId"]);
  }
  EXPECT_EQ(results[3]["ruleId"], "not-a-registry-rule");
  EXPECT_FALSE(results[3].contains("ruleIndex"));
}

TEST(ReportSarif, MessageTextNamesTheScenarioAndRoleSoRolesAreToldApart) {
  CheckResult r = XmlResult("/work/base/a.xml",
                            {Diag("lifetime-below-target", Severity::kError, "e"),
                             Diag("lifetime-below-target", Severity::kError, "e"),
                             Diag("assumed-default", Severity::kNote, "n")});
  r.diagnostics[0].scenario = "aws:saml-console";
  r.diagnostics[0].role = "arn:aws:iam::1:role/ReadOnly";
  r.diagnostics[1].scenario = "aws:saml-console";
  r.diagnostics[1].role = "arn:aws:iam::1:role/Admin";
  r.diagnostics[1].fix = "Raise it.";
  r.diagnostics[2].scenario = "aws:assume-role";
  OJson log = Emit({r});
  const OJson& results = Run0(log)["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["message"]["text"], "[aws:saml-console arn:aws:iam::1:role/ReadOnly] e");
  EXPECT_EQ(results[1]["message"]["text"],
            "[aws:saml-console arn:aws:iam::1:role/Admin] e Fix: Raise it.");
  EXPECT_EQ(results[2]["message"]["text"], "[aws:assume-role] n");
  EXPECT_EQ(results[0]["properties"]["role"], "arn:aws:iam::1:role/ReadOnly");
}

TEST(ReportSarif, LocationsAreRelativeToTheBaseAndPercentEncoded) {
  CheckResult inside = XmlResult("/work/base/dir/a b#c:d%.xml",
                                 {Diag("xml-malformed", Severity::kError, "m", Location{12, 7}),
                                  Diag("lifetime-below-target", Severity::kError, "no position")});
  inside.diagnostics[1].scenario = "aws:saml-api";
  inside.diagnostics[1].role = "arn:aws:iam::123456789012:role/ops";
  CheckResult outside =
      XmlResult("/elsewhere/x.xml", {Diag("xml-malformed", Severity::kError, "m")});
  CheckResult relative =
      XmlResult("sub/../rel.xml", {Diag("xml-malformed", Severity::kError, "m")});
  CheckResult stdin_result =
      XmlResult("-", {Diag("xml-malformed", Severity::kError, "m", Location{1, 1})});
  CheckResult declarations =
      samlint::testing::AssumeRoleDeclarationsResult("duration-out-of-range");
  CheckResult encoded = samlint::testing::Base64SignatureMissingResult();

  std::string cwd = std::filesystem::current_path().generic_string();
  OJson log = Emit({inside, outside, stdin_result, declarations, encoded}, "/work/base/");
  const OJson& run = Run0(log);
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/base/");
  const OJson& results = run["results"];
  ASSERT_EQ(results.size(), 6u);

  const OJson& first = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(first["artifactLocation"]["uri"], "dir/a%20b%23c%3Ad%25.xml");
  EXPECT_EQ(first["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(first["region"]["startLine"], 12);
  EXPECT_EQ(first["region"]["startColumn"], 7);
  const OJson& second = results[1]["locations"][0]["physicalLocation"];
  EXPECT_FALSE(second.contains("region"));
  EXPECT_EQ(results[1]["properties"]["scenario"], "aws:saml-api");
  EXPECT_EQ(results[1]["properties"]["role"], "arn:aws:iam::123456789012:role/ops");

  const OJson& out = results[2]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(out["uri"], "file:///elsewhere/x.xml");
  EXPECT_FALSE(out.contains("uriBaseId"));

  EXPECT_FALSE(results[3].contains("locations")) << "stdin has no artifact";
  EXPECT_FALSE(results[4].contains("locations")) << "declarations have no artifact";
  EXPECT_EQ(results[4]["properties"]["scenario"], "aws:assume-role");

  const OJson& enc = results[5];
  EXPECT_EQ(enc["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "r.b64");
  EXPECT_FALSE(enc["locations"][0]["physicalLocation"].contains("region"))
      << "a line of the decoded document is not a line of the base64 file";
  EXPECT_EQ(enc["properties"]["documentPosition"]["line"], 28);
  EXPECT_EQ(enc["properties"]["documentPosition"]["encoding"], "base64");

  // An empty base directory is the working directory.
  OJson here = Emit({relative}, "");
  EXPECT_EQ(Run0(here)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "rel.xml");
  std::string base_uri = Run0(here)["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>();
  EXPECT_EQ(base_uri.back(), '/');
  if (cwd.find_first_of(" #%?:") == std::string::npos) {
    EXPECT_EQ(base_uri, "file://" + cwd + "/");
  }
}

std::string Fingerprint(const OJson& result) {
  return result["partialFingerprints"]["samlint/v1"].get<std::string>();
}

const OJson* FindResult(const OJson& log, const std::string& rule) {
  for (const OJson& r : Run0(log)["results"]) {
    if (r["ruleId"] == rule) return &r;
  }
  return nullptr;
}

TEST(ReportSarif, FingerprintsAreStableAcrossRunsAndValues) {
  OJson a = Parse(RunCli(kAliyunArgs).out);
  OJson b = Parse(RunCli(kAliyunArgs).out);
  std::vector<std::string> longer = kAliyunArgs;
  longer[9] = "10h";  // --target: the message's numbers change, the finding does not
  ASSERT_EQ(kAliyunArgs[8], "--target");
  OJson c = Parse(RunCli(longer).out);
  const OJson* fa = FindResult(a, "lifetime-below-target");
  const OJson* fb = FindResult(b, "lifetime-below-target");
  const OJson* fc = FindResult(c, "lifetime-below-target");
  ASSERT_TRUE(fa && fb && fc);
  EXPECT_NE((*fa)["message"], (*fc)["message"]);
  EXPECT_EQ(Fingerprint(*fa), Fingerprint(*fb));
  EXPECT_EQ(Fingerprint(*fa), Fingerprint(*fc));
  EXPECT_EQ(Fingerprint(*fa).size(), 16u);
  EXPECT_EQ(Fingerprint(*fa).find_first_not_of("0123456789abcdef"), std::string::npos);
  const OJson* sig = FindResult(a, "signature-missing");
  ASSERT_NE(sig, nullptr);
  EXPECT_NE(Fingerprint(*sig), Fingerprint(*fa));
}

TEST(ReportSarif, EqualFindingsGetDistinctFingerprints) {
  CheckResult r =
      XmlResult("/work/base/a.xml", {Diag("xml-comment-in-value", Severity::kError, "same"),
                                     Diag("xml-comment-in-value", Severity::kError, "same"),
                                     Diag("xml-comment-in-value", Severity::kError, "other")});
  CheckResult other_file =
      XmlResult("/work/base/b.xml", {Diag("xml-comment-in-value", Severity::kError, "same")});
  OJson log = Emit({r, other_file});
  std::set<std::string> prints;
  for (const OJson& result : Run0(log)["results"]) prints.insert(Fingerprint(result));
  EXPECT_EQ(prints.size(), 4u);
}

TEST(ReportSarif, AnEmptyRunIsAValidLog) {
  OJson log = Emit({});
  ASSERT_TRUE(Run0(log)["results"].is_array());
  EXPECT_TRUE(Run0(log)["results"].empty());
}

}  // namespace
}  // namespace samlint
