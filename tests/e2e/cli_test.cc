// The command line of cli-contract.md: help and version, every input form
// giving the same answer, directories, usage errors, exit status, the text
// report, colour and identity redaction.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/e2e_util.h"
#include "samlint/rules.h"

namespace samlint::e2e {
namespace {

using samlint::testing::SamlBuilder;

constexpr const char* kExample1 = "testdata/examples/aliyun-console-clamped.xml";
constexpr const char* kExample4 = "testdata/responses/aws-console-no-duration.xml";
constexpr const char* kAwsApi = "testdata/responses/aws-api.xml";

const std::vector<std::string> kExample1Options = {"--scenario",         "aliyun:saml-console",
                                                   "--login-session",    "6h",
                                                   "--role-max-session", "1h",
                                                   "--target",           "8h"};

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// stderr holds exactly one line (one newline, at the end, and text before it).
bool IsOneLine(const std::string& s) {
  auto nl = s.find('\n');
  return !s.empty() && nl != std::string::npos && nl == s.size() - 1 && nl > 0;
}

/// The last non-empty line of a text.
std::string LastLine(const std::string& s) {
  std::string t = s;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  auto nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

// ---------------------------------------------------------------------------
// --help, --version

TEST(E2eCli, VersionExitsZero) {
  CliRun run = RunCli({"--version"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("samlint"), std::string::npos) << run.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(run.out, m, std::regex(R"((\d+\.\d+\.\d+))"))) << run.out;
  // The JSON report's tool.version is the same version.
  Checked c = Check({kExample4});
  EXPECT_EQ(Get(Get(c.report, "tool"), "version"), m[1].str()) << c.Dump();
  EXPECT_EQ(Get(Get(c.report, "tool"), "name"), "samlint");
}

TEST(E2eCli, HelpExitsZero) {
  CliRun run = RunCli({"--help"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("check"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("rules"), std::string::npos) << run.out;

  CliRun check = RunCli({"check", "--help"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  for (const char* option : {"--scenario", "--target", "--role-max-session", "--duration-seconds",
                             "--login-session", "--format", "--show-identities"}) {
    EXPECT_NE(check.out.find(option), std::string::npos) << option << "\n" << check.out;
  }
}

TEST(E2eCli, ShortVersionFlagAndVersionCommandPrintTheVersion) {
  CliRun long_flag = RunCli({"--version"});
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"-V"}, {"version"}}) {
    CliRun run = RunCli(args);
    EXPECT_EQ(run.exit_code, 0) << args[0] << ": " << run.err;
    EXPECT_EQ(run.out, long_flag.out) << args[0];
  }
}

TEST(E2eCli, CheckHelpExplainsDurationsScenariosInputsAndExitCodes) {
  CliRun check = RunCli({"check", "--help"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  for (const char* text :
       {"DURATION:", "1h30m", "PT8H", "whose bare number is hours", "aws:saml-console",
        "aliyun:assume-role", "HAR", "CloudTrail", "Exit status: 0"}) {
    EXPECT_NE(check.out.find(text), std::string::npos) << text << "\n" << check.out;
  }
}

TEST(E2eCli, RulesAsJsonForScripts) {
  CliRun all = RunCli({"rules", "--format", "json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const nlohmann::json rules = all.Json();
  ASSERT_TRUE(rules.is_array()) << all.out;
  CliRun text = RunCli({"rules"});
  EXPECT_EQ(rules.size(),
            static_cast<std::size_t>(std::count(text.out.begin(), text.out.end(), '\n')));
  const nlohmann::json* below = nullptr;
  for (const nlohmann::json& r : rules) {
    if (r.value("id", "") == "lifetime-below-target") below = &r;
  }
  ASSERT_NE(below, nullptr) << all.out;
  EXPECT_EQ((*below)["severity"], "error");
  EXPECT_EQ((*below)["category"], "lifetime");
  for (const char* key : {"summary", "rationale", "example", "fix", "reference"}) {
    EXPECT_FALSE((*below)[key].get<std::string>().empty()) << key;
  }

  CliRun one = RunCli({"rules", "lifetime-below-target", "--format", "json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.Json(), *below);

  CliRun bad = RunCli({"rules", "--format", "yaml"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(IsOneLine(bad.err)) << bad.err;
}

// A typo gets one line on stderr, exit 2, and the name it probably meant.
TEST(E2eCli, TyposAreUsageErrorsThatSuggestTheIntendedName) {
  struct Typo {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Typo> typos = {
      {{"chek", "x.xml"}, "unknown command 'chek' (did you mean 'check'?)"},
      {{"--verison"}, "unknown option '--verison' (did you mean '--version'?)"},
      {{"check", "--taget", "8h", "x.xml"}, "unknown option '--taget' (did you mean '--target'?)"},
      {{"check", "--formt=json", "x.xml"}, "unknown option '--formt' (did you mean '--format'?)"},
      {{"rules", "lifetime-below-targt"}, "(did you mean 'lifetime-below-target'?)"},
      {{"check", "--scenario", "aws:saml-consle", "x.xml"},
       "--scenario: unknown scenario 'aws:saml-consle' (did you mean 'aws:saml-console'?)"},
  };
  for (const Typo& typo : typos) {
    CliRun run = RunCli(typo.args);
    EXPECT_EQ(run.exit_code, 2) << typo.args[0];
    EXPECT_TRUE(IsOneLine(run.err)) << "stderr: [" << run.err << "]";
    EXPECT_NE(run.err.find(typo.expected), std::string::npos) << run.err;
  }
  // Nothing close: no guess.
  CliRun far = RunCli({"frobnicate"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  EXPECT_NE(far.err.find("unknown command 'frobnicate'"), std::string::npos) << far.err;
}

TEST(E2eCli, RulesListsEveryStableRuleId) {
  // Every registered rule; RuleRegistry.HoldsEveryContractRule checks that the
  // registry holds the "Rule ids (stable; more may be added)" of cli-contract.md.
  std::vector<std::string> ids;
  for (const RuleInfo& rule : AllRules()) ids.emplace_back(rule.id);
  ASSERT_FALSE(ids.empty());
  CliRun list = RunCli({"rules"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  for (const std::string& id : ids) {
    EXPECT_TRUE(std::regex_search(list.out, std::regex("(^|\\n)" + id + "\\b"))) << id;
    CliRun one = RunCli({"rules", id});
    EXPECT_EQ(one.exit_code, 0) << id << ": " << one.err;
    EXPECT_NE(one.out.find(id), std::string::npos) << one.out;
  }
  CliRun unknown = RunCli({"rules", "no-such-rule"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(IsOneLine(unknown.err)) << "stderr: [" << unknown.err << "]";
}

// ---------------------------------------------------------------------------
// Inputs: every form of the same response gives the same answer.

struct Form {
  std::string input;   ///< path on the command line, or "-"
  std::string stdin_;  ///< fed to stdin when input is "-"
};

std::vector<Form> SameResponseForms() {
  return {
      {"testdata/responses/aws-api.xml", ""},
      {"testdata/encoded/aws-api.b64", ""},          // base64, 76-char CRLF lines
      {"testdata/encoded/aws-api-urlsafe.b64", ""},  // URL-safe, no padding
      {"testdata/encoded/aws-api.form.txt", ""},     // SAMLResponse=...&RelayState=...
      {"-", ReadSource("testdata/responses/aws-api.xml")},
      {"-", ReadSource("testdata/encoded/aws-api.b64")},
      {"-", ReadSource("testdata/encoded/aws-api.form.txt")},
      {"testdata/responses/aws-default-ns.xml", ""},    // assertion in the default namespace
      {"testdata/responses/aws-odd-prefixes.xml", ""},  // p: and a:
      {"testdata/responses/aws-saml-prefix.xml", ""},   // saml: and samlp:
  };
}

TEST(E2eCli, EveryInputFormGivesTheSameApiLifetime) {
  for (const Form& f : SameResponseForms()) {
    SCOPED_TRACE(f.input + (f.stdin_.empty() ? "" : " <- " + f.stdin_.substr(0, 40)));
    Checked c = Check({f.input, "--scenario", "aws:saml-api", "--duration-seconds", "3h",
                       "--role-max-session", "12h"},
                      f.stdin_);
    ASSERT_TRUE(c.report.is_object()) << c.Dump();
    ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
    const json& r = c.Result();
    EXPECT_EQ(Get(r, "input"), f.input);
    EXPECT_EQ(Get(r, "kind"), "saml-response") << c.Dump();
    EXPECT_EQ(Get(r, "cloud"), "aws") << "detected from the content\n" << c.Dump();
    const json& e = FindEval(r, "aws:saml-api");
    ExpectFactors(e, {{"duration_seconds", 10800, false},
                      {"session_not_on_or_after", 14400, false},
                      {"session_duration_attribute", 7200, false}});
    ExpectIssued(e, 7200, {"session_duration_attribute"});
    EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  }
}

TEST(E2eCli, EveryInputFormGivesTheSameConsoleLifetime) {
  for (const Form& f : SameResponseForms()) {
    SCOPED_TRACE(f.input + (f.stdin_.empty() ? "" : " <- " + f.stdin_.substr(0, 40)));
    Checked c = Check({f.input, "--scenario", "aws:saml-console"}, f.stdin_);
    ASSERT_TRUE(c.report.is_object()) << c.Dump();
    const json& e = FindEval(c.Result(), "aws:saml-console");
    ExpectFactors(e, {{"session_duration_attribute", 7200, false},
                      {"session_not_on_or_after", 14400, false}});
    ExpectIssued(e, 7200, {"session_duration_attribute"});
  }
}

TEST(E2eCli, OptionsMayComeBeforeTheInput) {
  // The contract's synopsis: samlint check [OPTIONS] INPUT...
  Checked c;
  c.run = RunCli({"check", "--scenario", "aws:saml-console", "--format", "json", kExample4});
  c.report = c.run.Json();
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "input"), kExample4);
  ExpectIssued(FindEval(c.Result(), "aws:saml-console"), 3600, {"session_duration_attribute"});
}

TEST(E2eCli, SeveralInputsGiveOneResultEachInOrder) {
  Checked c = Check({kExample4, kAwsApi, "--scenario", "aws:saml-console"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.Results().size(), 2u) << c.Dump();
  EXPECT_EQ(Get(c.Result(0), "input"), kExample4);
  EXPECT_EQ(Get(c.Result(1), "input"), kAwsApi);
  EXPECT_EQ(Get(FindEval(c.Result(0), "aws:saml-console"), "effective_seconds"), 3600);
  EXPECT_EQ(Get(FindEval(c.Result(1), "aws:saml-console"), "effective_seconds"), 7200);
}

// ---------------------------------------------------------------------------
// Directories

TEST(E2eCli, DirectoryWithABrokenFile) {
  Checked c = Check({"testdata/batch"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << "the broken file is an error-severity finding\n" << c.Dump();
  // Dot-files and unread extensions (notes.md) are skipped; the rest, in
  // sorted order, each named directory + "/" + relative path.
  std::vector<std::string> inputs;
  for (const json& r : c.Results()) {
    inputs.push_back(Get(r, "input").is_string() ? Get(r, "input").get<std::string>() : "<null>");
  }
  EXPECT_EQ(inputs, (std::vector<std::string>{"testdata/batch/aws-console.xml",
                                              "testdata/batch/broken-truncated.xml",
                                              "testdata/batch/nested/aliyun-console.xml"}))
      << c.Dump();
  ASSERT_EQ(c.Results().size(), 3u);

  const json& good_aws = c.Result(0);
  EXPECT_EQ(Get(good_aws, "kind"), "saml-response");
  EXPECT_EQ(Get(good_aws, "cloud"), "aws");
  EXPECT_EQ(Get(FindEval(good_aws, "aws:saml-console"), "effective_seconds"), 14400);
  EXPECT_EQ(Get(FindEval(good_aws, "aws:saml-api"), "effective_seconds"), 3600);
  EXPECT_FALSE(HasErrorDiagnostic(good_aws)) << good_aws.dump(2);

  const json& broken = c.Result(1);
  EXPECT_EQ(Get(broken, "kind"), "unreadable");
  EXPECT_EQ(Get(broken, "evaluations"), json::array()) << broken.dump(2);
  std::vector<json> malformed = Diags(broken, "xml-malformed");
  ASSERT_EQ(malformed.size(), 1u) << broken.dump(2);
  EXPECT_EQ(Get(malformed[0], "severity"), "error");

  const json& good_aliyun = c.Result(2);
  EXPECT_EQ(Get(good_aliyun, "kind"), "saml-response");
  EXPECT_EQ(Get(good_aliyun, "cloud"), "aliyun");
  EXPECT_EQ(Get(FindEval(good_aliyun, "aliyun:saml-console"), "effective_seconds"), 3600);
  EXPECT_FALSE(HasErrorDiagnostic(good_aliyun)) << good_aliyun.dump(2);
}

TEST(E2eCli, DirectoryTextSummaryCountsCheckedAndSkipped) {
  CliRun run = RunCli({"check", "testdata/batch"});
  EXPECT_EQ(run.exit_code, 1) << run.err << run.out;
  std::string last = LastLine(run.out);
  // "The text report ends with how many files were checked and skipped."
  EXPECT_TRUE(std::regex_search(last, std::regex(R"(\b3\b[^,;:]*checked)"))) << last;
  EXPECT_TRUE(std::regex_search(last, std::regex(R"(\b2\b[^,;:]*skipped)"))) << last;
  EXPECT_EQ(run.out.find(".hidden.xml"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("notes.md"), std::string::npos) << run.out;
}

TEST(E2eCli, ADotFileNamedOnTheCommandLineIsChecked) {
  Checked c = Check({"testdata/batch/.hidden.xml", "--scenario", "aws:saml-console"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "kind"), "saml-response");
  EXPECT_EQ(Get(FindEval(c.Result(), "aws:saml-console"), "role"),
            "arn:aws:iam::123456789012:role/hidden");
}

TEST(E2eCli, ABrokenFileAloneExitsOne) {
  Checked c = Check({"testdata/batch/broken-truncated.xml"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "kind"), "unreadable");
  EXPECT_EQ(Get(c.Result(), "input"), "testdata/batch/broken-truncated.xml");
  EXPECT_EQ(Diags(c.Result(), "xml-malformed").size(), 1u) << c.Dump();
}

TEST(E2eCli, AMissingFileIsUnreadableAndTheOthersAreStillChecked) {
  Checked c =
      Check({"testdata/responses/no-such-file.xml", kExample4, "--scenario", "aws:saml-console"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.Results().size(), 2u) << c.Dump();
  EXPECT_EQ(Get(c.Result(0), "kind"), "unreadable");
  EXPECT_EQ(Diags(c.Result(0), "input-unreadable").size(), 1u) << c.Dump();
  EXPECT_EQ(Get(FindEval(c.Result(1), "aws:saml-console"), "effective_seconds"), 3600);
}

// ---------------------------------------------------------------------------
// Usage errors: exit 2, exactly one line on stderr naming the option.

TEST(E2eCli, MalformedOptionValuesAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string option;
  };
  const std::vector<Case> cases = {
      {{"--target", "abc"}, "--target"},
      {{"--duration-seconds", "1x"}, "--duration-seconds"},
      {{"--role-max-session", "eight hours"}, "--role-max-session"},
      {{"--login-session", "abc"}, "--login-session"},
      {{"--permission-set-session", "PTxH"}, "--permission-set-session"},
      {{"--clock-skew", "soon"}, "--clock-skew"},
      {{"--now", "yesterday"}, "--now"},
      {{"--scenario", "nope"}, "--scenario"},
      {{"--cloud", "azure"}, "--cloud"},
      {{"--format", "yaml"}, "--format"},
      {{"--frobnicate"}, "--frobnicate"},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.option);
    CliRun run = RunCli(Concat({"check", kExample1}, k.args));
    EXPECT_EQ(run.exit_code, 2) << run.err << run.out;
    EXPECT_TRUE(IsOneLine(run.err)) << "stderr: [" << run.err << "]";
    EXPECT_NE(run.err.find(k.option), std::string::npos) << "stderr: [" << run.err << "]";
  }
}

TEST(E2eCli, NoInputAndNoDeclarationScenarioIsAUsageError) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check"}, std::vector<std::string>{"check", "--target", "8h"},
        std::vector<std::string>{"check", "--role-max-session", "1h", "--format", "json"}}) {
    SCOPED_TRACE(args.back());
    // stdin is read only when "-" is given: a response on stdin changes nothing.
    CliRun run = RunCli(args, ReadSource(kExample4));
    EXPECT_EQ(run.exit_code, 2) << run.err << run.out;
    EXPECT_TRUE(IsOneLine(run.err)) << "stderr: [" << run.err << "]";
  }
}

TEST(E2eCli, SamlScenarioWithoutInputIsAUsageError) {
  for (const char* scenario :
       {"aws:saml-console", "aws:saml-api", "aliyun:saml-console", "aliyun:saml-api"}) {
    SCOPED_TRACE(scenario);
    CliRun run = RunCli({"check", "--scenario", scenario, "--role-max-session", "8h"},
                        ReadSource(kExample4));
    EXPECT_EQ(run.exit_code, 2) << run.err << run.out;
    EXPECT_TRUE(IsOneLine(run.err)) << "stderr: [" << run.err << "]";
  }
}

// ---------------------------------------------------------------------------
// Exit status

TEST(E2eCli, ExitZeroWithoutErrorSeverityFindings) {
  // Worked example 4 without --target: an assumed default and an unsigned
  // response are notes only.
  Checked c = Check({kExample4, "--scenario", "aws:saml-console"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_FALSE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  // Text format: same exit status.
  EXPECT_EQ(RunCli({"check", kExample4, "--scenario", "aws:saml-console"}).exit_code, 0);
}

TEST(E2eCli, ExitOneWithAnErrorSeverityFinding) {
  Checked c = Check(Concat({kExample1}, kExample1Options));
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_TRUE(HasErrorDiagnostic(c.Result())) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
}

TEST(E2eCli, ExitOneForAnExpiredAssertion) {
  // t_use an hour after the assertion's NotOnOrAfter: assertion-expired (error).
  Checked c = Check({kExample4, "--scenario", "aws:saml-console", "--now", "2026-11-23T11:05:00Z"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  ASSERT_FALSE(Diags(c.Result(), "assertion-expired").empty()) << c.Dump();
  EXPECT_EQ(Get(Diags(c.Result(), "assertion-expired")[0], "severity"), "error");
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
}

// ---------------------------------------------------------------------------
// Text report

TEST(E2eCli, TextReportForExample1) {
  CliRun run = RunCli(Concat({"check", kExample1}, kExample1Options));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("1h 00m"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("aliyun ram UpdateRole"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("lifetime-below-target"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("role_max_session_duration"), std::string::npos) << run.out;
}

TEST(E2eCli, NoColorIsRespected) {
  // RunCli sets NO_COLOR=1.
  for (const std::vector<std::string>& args :
       {Concat({"check", kExample1}, kExample1Options),
        std::vector<std::string>{"check", "testdata/batch"},
        std::vector<std::string>{"check", kExample1, "--target", "abc"}}) {
    CliRun run = RunCli(args);
    EXPECT_EQ(run.out.find("\x1b["), std::string::npos) << run.out;
    EXPECT_EQ(run.err.find("\x1b["), std::string::npos) << run.err;
  }
}

// ---------------------------------------------------------------------------
// Identities are redacted unless --show-identities.

TEST(E2eCli, IdentitiesAreRedactedByDefault) {
  // alice@example.com is both the NameID and the RoleSessionName of these.
  for (const char* input : {kExample1, kExample4, "testdata/responses/aws-three-roles.xml"}) {
    SCOPED_TRACE(input);
    CliRun json_run = RunCli({"check", input, "--format", "json"});
    EXPECT_EQ(json_run.out.find("alice"), std::string::npos) << json_run.out;
    CliRun text_run = RunCli({"check", input});
    EXPECT_EQ(text_run.out.find("alice"), std::string::npos) << text_run.out;
    EXPECT_EQ(text_run.err.find("alice"), std::string::npos) << text_run.err;
  }
}

TEST(E2eCli, AnInvalidRoleSessionNameIsReportedWithoutBeingPrinted) {
  // ':' and the space are outside AWS's RoleSessionName characters: an error
  // about the value, which must still not be printed.
  SamlBuilder b;
  b.role_session_names = {"carol danvers:admin"};
  b.name_id = "carol.danvers@corp.example";
  const std::string xml = b.Build();
  Checked c = Check({"-", "--scenario", "aws:saml-console"}, xml);
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_FALSE(Diags(c.Result(), "role-session-name-invalid").empty()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  EXPECT_EQ(c.run.out.find("carol"), std::string::npos) << c.run.out;
  CliRun text = RunCli({"check", "-", "--scenario", "aws:saml-console"}, xml);
  EXPECT_EQ(text.out.find("carol"), std::string::npos) << text.out;
}

TEST(E2eCli, ShowIdentitiesIsAccepted) {
  Checked c = Check({kExample4, "--scenario", "aws:saml-console", "--show-identities"});
  ASSERT_TRUE(c.report.is_object()) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  EXPECT_EQ(Get(FindEval(c.Result(), "aws:saml-console"), "effective_seconds"), 3600);
}

// cli-contract.md § Declarations: a bare number is in the unit of the API that
// sets the value (seconds; hours for --login-session), and one that would mean
// less than 900 s is a usage error that suggests the unit.
TEST(E2eCli, BareNumbersAreInTheApisUnit) {
  CliRun target = RunCli({"check", "--scenario", "aws:assume-role", "--target", "8"});
  EXPECT_EQ(target.exit_code, 2) << target.out;
  EXPECT_TRUE(IsOneLine(target.err)) << target.err;
  EXPECT_NE(target.err.find("--target 8: did you mean 8h?"), std::string::npos) << target.err;

  CliRun duration = RunCli({"check", "--scenario", "aws:assume-role", "--duration-seconds", "600"});
  EXPECT_EQ(duration.exit_code, 2);
  EXPECT_NE(duration.err.find("--duration-seconds 600: did you mean"), std::string::npos)
      << duration.err;

  // --login-session 6 is six hours, as SetSecurityPreference takes it.
  CliRun hours = RunCli(
      {"check", "--scenario", "aliyun:ram-user-logon", "--login-session", "6", "--format", "json"});
  EXPECT_EQ(hours.exit_code, 0) << hours.err;
  EXPECT_NE(hours.out.find("\"seconds\": 21600"), std::string::npos) << hours.out;
  CliRun zero = RunCli({"check", "--scenario", "aliyun:ram-user-logon", "--login-session", "0"});
  EXPECT_EQ(zero.exit_code, 2);

  // Units and ISO 8601 are read as written; 3600 is seconds.
  CliRun ok = RunCli({"check", "--scenario", "aws:assume-role", "--target", "1h",
                      "--duration-seconds", "3600", "--role-max-session", "PT1H"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err << ok.out;
}

}  // namespace
}  // namespace samlint::e2e
