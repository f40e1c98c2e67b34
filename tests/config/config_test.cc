// samlint.toml: every key, problems with line:column and suggestions, discovery,
// excludes and per-role targets (docs/config.md).
#include "samlint/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "samlint/rules.h"

namespace samlint {
namespace {

namespace fs = std::filesystem;

ConfigParse Parse(const std::string& text, const std::string& path = "/proj/samlint.toml") {
  return ParseConfig(text, path);
}

std::string Problems(const ConfigParse& p) {
  std::string out;
  for (const ConfigProblem& c : p.problems) {
    out += std::to_string(c.line) + ":" + std::to_string(c.column) + " " + c.message + "\n";
  }
  return out;
}

TEST(Config, EveryKey) {
  ConfigParse p = Parse(R"(
cloud = "aws"
scenarios = ["aws:saml-api", "aws:saml-console"]
target = "8h"
role-max-session = 43200
duration-seconds = "PT2H"
login-session = "6h"
permission-set-session = "PT4H"
clock-skew = "5m"
role-chaining = true
require-signature = true
fail-on = "warning"
baseline = ".samlint-baseline.json"
declarations = ["roles/get-role.json", "/abs/plan.json"]
certs = "idp.pem"
idp-metadata = ["meta/idp.xml"]
exclude = ["fixtures/**", "*.b64"]

[[targets]]
role = "arn:aws:iam::*:role/breakglass"
target = "1h"

[[targets]]
role = "ops-*"
target = 14400

[rules]
"destination-mismatch" = "error"
"assumed-default" = "off"
)");
  ASSERT_TRUE(p.problems.empty()) << Problems(p);
  const ProjectConfig& c = p.config;
  EXPECT_EQ(c.directory, "/proj");
  EXPECT_EQ(c.cloud, "aws");
  EXPECT_EQ(c.scenarios, (std::vector<std::string>{"aws:saml-api", "aws:saml-console"}));
  EXPECT_EQ(c.target, 28800);
  EXPECT_EQ(c.role_max_session, 43200);
  EXPECT_EQ(c.duration_seconds, 7200);
  EXPECT_EQ(c.login_session, 21600);
  EXPECT_EQ(c.permission_set_session, 14400);
  EXPECT_EQ(c.clock_skew, 300);
  EXPECT_EQ(c.role_chaining, true);
  EXPECT_EQ(c.require_signature, true);
  EXPECT_EQ(c.fail_on, "warning");
  EXPECT_EQ(c.baseline, "/proj/.samlint-baseline.json");
  EXPECT_EQ(c.declarations,
            (std::vector<std::string>{"/proj/roles/get-role.json", "/abs/plan.json"}));
  EXPECT_EQ(c.certs, (std::vector<std::string>{"/proj/idp.pem"}));
  EXPECT_EQ(c.idp_metadata, (std::vector<std::string>{"/proj/meta/idp.xml"}));
  ASSERT_TRUE(c.exclude.has_value());
  EXPECT_EQ(*c.exclude, (std::vector<std::string>{"fixtures/**", "*.b64"}));
  ASSERT_EQ(c.targets.size(), 2u);
  EXPECT_EQ(c.targets[0].pattern, "arn:aws:iam::*:role/breakglass");
  EXPECT_EQ(c.targets[0].seconds, 3600);
  EXPECT_EQ(c.targets[1].seconds, 14400);
  ASSERT_EQ(c.rules.size(), 2u);  // in key order
  EXPECT_EQ(c.rules[0].rule, "assumed-default");
  EXPECT_FALSE(c.rules[0].severity.has_value());
  EXPECT_EQ(c.rules[1].rule, "destination-mismatch");
  EXPECT_EQ(c.rules[1].severity, Severity::kError);
}

TEST(Config, UnknownKeySuggestsTheNearestWithLineAndColumn) {
  ConfigParse p = Parse("cloud = \"aws\"\n\ntagret = \"8h\"\n");
  ASSERT_EQ(p.problems.size(), 1u) << Problems(p);
  EXPECT_EQ(p.problems[0].line, 3);
  EXPECT_EQ(p.problems[0].column, 1);
  EXPECT_EQ(p.problems[0].message, "unknown key 'tagret' (did you mean 'target'?)");
  EXPECT_FALSE(p.config.target.has_value());
  EXPECT_EQ(p.config.cloud, "aws");
}

TEST(Config, UnknownKeyFarFromEveryKeyHasNoSuggestion) {
  ConfigParse p = Parse("verbosity = 3\n");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].message, "unknown key 'verbosity'");
}

TEST(Config, UnknownRuleSuggestsARegistryId) {
  ConfigParse p = Parse("[rules]\naudience-mismatc = \"off\"\n");
  ASSERT_EQ(p.problems.size(), 1u) << Problems(p);
  EXPECT_EQ(p.problems[0].line, 2);
  EXPECT_EQ(p.problems[0].message,
            "unknown rule 'audience-mismatc' (did you mean 'audience-mismatch'?)");
}

TEST(Config, RuleSelectionKeysTakeIdsPrefixesAndAll) {
  ConfigParse p = Parse(
      "select = [\"signature-\", \"lifetime-below-target\"]\nextend-select = \"ALL\"\n"
      "ignore = [\"assumed-default\"]\n");
  ASSERT_TRUE(p.problems.empty()) << Problems(p);
  ASSERT_TRUE(p.config.select.has_value());
  EXPECT_EQ(*p.config.select, (std::vector<std::string>{"signature-", "lifetime-below-target"}));
  EXPECT_EQ(p.config.extend_select, std::vector<std::string>{"ALL"});
  EXPECT_EQ(p.config.ignore, std::vector<std::string>{"assumed-default"});
  EXPECT_FALSE(Parse("ignore = []\n").config.select.has_value());
}

TEST(Config, ARuleSelectorThatNamesNoRuleIsAProblemWithASuggestion) {
  ConfigParse p = Parse("target = \"8h\"\nignore = [\"asumed-default\", \"signature-\"]\n");
  ASSERT_EQ(p.problems.size(), 1u) << Problems(p);
  EXPECT_EQ(p.problems[0].line, 2);
  EXPECT_EQ(p.problems[0].message,
            "'ignore': 'asumed-default' matches no rule (did you mean 'assumed-default'?)");
  EXPECT_EQ(p.config.ignore, std::vector<std::string>{"signature-"});
  ConfigParse prefix = Parse("select = \"signatur-\"\n");
  ASSERT_EQ(prefix.problems.size(), 1u) << Problems(prefix);
  EXPECT_EQ(prefix.problems[0].message,
            "'select': 'signatur-' matches no rule (did you mean 'signature-'?)");
  ConfigParse typo = Parse("selet = \"signature-\"\n");
  ASSERT_EQ(typo.problems.size(), 1u) << Problems(typo);
  EXPECT_EQ(typo.problems[0].message, "unknown key 'selet' (did you mean 'select'?)");
}

// cli-contract.md § Declarations: "the same holds in samlint.toml".
TEST(Config, BareNumbersAreInTheApisUnit) {
  ConfigParse ok = Parse("target = 28800\nlogin-session = 6\nrole-max-session = \"3600\"\n");
  ASSERT_TRUE(ok.problems.empty()) << Problems(ok);
  EXPECT_EQ(ok.config.target, 28800);
  EXPECT_EQ(ok.config.login_session, 6 * 3600);
  EXPECT_EQ(ok.config.role_max_session, 3600);

  ConfigParse bad = Parse("target = 8\n");
  ASSERT_EQ(bad.problems.size(), 1u) << Problems(bad);
  EXPECT_EQ(bad.problems[0].line, 1);
  EXPECT_NE(bad.problems[0].message.find("did you mean 8h?"), std::string::npos)
      << bad.problems[0].message;
}

TEST(Config, BadValues) {
  ConfigParse p = Parse(R"(cloud = "azure"
target = "8 hours"
fail-on = "fatal"
require-signature = "yes"
scenarios = ["aws:saml-apii"]
certs = [1]
[rules]
"xml-malformed" = "eror"
)");
  std::string all = Problems(p);
  ASSERT_EQ(p.problems.size(), 7u) << all;
  EXPECT_EQ(p.problems[0].line, 1);
  EXPECT_EQ(p.problems[0].message, "'cloud' must be \"aws\", \"aliyun\", \"gcp\" or \"generic\", not \"azure\"");
  EXPECT_EQ(p.problems[1].line, 2);
  EXPECT_NE(p.problems[1].message.find("invalid duration \"8 hours\""), std::string::npos);
  EXPECT_EQ(p.problems[2].line, 3);
  EXPECT_EQ(p.problems[3].message, "'require-signature' must be true or false");
  EXPECT_EQ(p.problems[4].message,
            "unknown scenario 'aws:saml-apii' (did you mean 'aws:saml-api'?)");
  EXPECT_EQ(p.problems[5].message, "'certs' entries must be strings");
  EXPECT_EQ(p.problems[6].line, 8);
  EXPECT_EQ(
      p.problems[6].message,
      "rule 'xml-malformed' must be \"error\", \"warning\", \"note\" or \"off\" (did you mean "
      "'error'?)");
}

TEST(Config, SyntaxErrorHasAPosition) {
  ConfigParse p = Parse("cloud = \"aws\"\ntarget = \n");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].line, 2);
  EXPECT_NE(p.problems[0].message.find("is not valid TOML"), std::string::npos);
}

TEST(Config, TargetsNeedRoleAndTarget) {
  ConfigParse p =
      Parse("[[targets]]\nrole = \"ops\"\n[[targets]]\nrole = \"x\"\ntraget = \"1h\"\n");
  std::string all = Problems(p);
  EXPECT_NE(all.find("a [[targets]] entry needs both 'role' and 'target'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("unknown key 'traget' in [[targets]] (did you mean 'target'?)"),
            std::string::npos)
      << all;
  EXPECT_TRUE(p.config.targets.empty());
}

TEST(Config, HostileInputNeverCrashes) {
  EXPECT_FALSE(Parse(std::string(2 * 1024 * 1024, 'a')).problems.empty());
  EXPECT_FALSE(Parse(std::string(5000, '[')).problems.empty());
  EXPECT_FALSE(Parse("a = " + std::string(5000, '[')).problems.empty());
  EXPECT_FALSE(Parse("\xff\xfe = 1").problems.empty());
  ConfigParse p = Parse("exclude = [\"" + std::string(2000, '*') + "\"]\n");
  EXPECT_FALSE(p.problems.empty());
}

TEST(Config, NearestWord) {
  EXPECT_EQ(NearestWord("taget", {"target", "targets", "cloud"}), "target");
  EXPECT_EQ(NearestWord("zzzzzz", {"target", "cloud"}), "");
  EXPECT_EQ(NearestWord("cloud", {"cloud"}), "");  // an exact match is not a suggestion
}

TEST(Config, GlobMatch) {
  EXPECT_TRUE(GlobMatch("*.xml", "a.xml"));
  EXPECT_FALSE(GlobMatch("*.xml", "dir/a.xml"));
  EXPECT_TRUE(GlobMatch("**/*.xml", "dir/sub/a.xml"));
  EXPECT_TRUE(GlobMatch("**/*.xml", "a.xml"));
  EXPECT_TRUE(GlobMatch("fixtures/**", "fixtures/a/b.xml"));
  EXPECT_TRUE(GlobMatch("a/**/b.xml", "a/b.xml"));
  EXPECT_TRUE(GlobMatch("a/**/b.xml", "a/x/y/b.xml"));
  EXPECT_TRUE(GlobMatch("?.b64", "x.b64"));
  EXPECT_FALSE(GlobMatch("?.b64", "xy.b64"));
  // No backtracking blow-up.
  EXPECT_FALSE(GlobMatch(std::string(500, '*') + "b", std::string(2000, 'a')));
  // Each star is one sweep of the text, not one per reachable position: the
  // largest pattern on the largest text GlobMatch accepts.
  std::string stars = "*";
  for (int i = 0; i < 511; ++i) stars += "a*";
  EXPECT_FALSE(GlobMatch(stars + "b", std::string(4000, 'a')));
  EXPECT_TRUE(GlobMatch(stars + "b", std::string(4000, 'a') + "b"));
}

TEST(Config, ExcludeMatchesNamesAndRelativePaths) {
  const std::vector<std::string> p = {"*.b64", "fixtures/old", "generated/**/*.xml"};
  auto match = [&](const std::string& path, bool folders) {
    return MatchExclude(p, "/proj", path, folders).value_or("");
  };
  EXPECT_EQ(match("/proj/x/y.b64", false), "*.b64");
  EXPECT_EQ(match("/proj/fixtures/old", false), "fixtures/old") << "the folder itself";
  EXPECT_EQ(match("/proj/fixtures/old/a.xml", false), "fixtures/old") << "below the folder";
  EXPECT_EQ(match("/proj/generated/a/b.xml", false), "generated/**/*.xml");
  EXPECT_EQ(match("/proj/fixtures/new/a.xml", true), "");
  EXPECT_EQ(match("/proj/x/y.xml", true), "");
  EXPECT_EQ(match("/elsewhere/fixtures/old/a.xml", true), "") << "outside the base";
  EXPECT_EQ(match("/elsewhere/y.b64", false), "*.b64") << "a name matches anywhere";
}

TEST(Config, ExcludeNamesMatchFoldersBelowTheBaseOnlyWhenAsked) {
  const std::vector<std::string> p = {"node_modules"};
  EXPECT_EQ(MatchExclude(p, "/proj", "/proj/node_modules", false), "node_modules");
  EXPECT_EQ(MatchExclude(p, "/proj", "/proj/node_modules/x/a.json", true), "node_modules");
  EXPECT_EQ(MatchExclude(p, "/proj", "/proj/node_modules/x/a.json", false), std::nullopt)
      << "a walk has already pruned the folder: only the name is matched";
  EXPECT_EQ(MatchExclude(p, "/proj/node_modules", "/proj/node_modules/a.json", true), std::nullopt)
      << "folders above the base are not looked at";
  EXPECT_EQ(MatchExclude({"", "/"}, "/proj", "/proj/a.json", true), std::nullopt)
      << "an empty pattern matches nothing";
}

TEST(Config, DefaultExcludesNameDependencyBuildAndVendorFolders) {
  for (const char* folder : {"node_modules", "build", "dist", "vendor", "target", "venv",
                             "__pycache__", "bazel-out"}) {
    EXPECT_TRUE(MatchExclude(DefaultExcludes(), "/p", std::string("/p/") + folder, false))
        << folder;
  }
  EXPECT_FALSE(MatchExclude(DefaultExcludes(), "/p", "/p/idp", false));
  EXPECT_FALSE(MatchExclude(DefaultExcludes(), "/p", "/p/idp/response.xml", true));
}

TEST(Config, ExtendExcludeIsItsOwnList) {
  ConfigParse parsed = ParseConfig("extend-exclude = [\"old\"]\n", "/proj/samlint.toml");
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front().message;
  EXPECT_FALSE(parsed.config.exclude.has_value()) << "the defaults stay";
  EXPECT_EQ(parsed.config.extend_exclude, (std::vector<std::string>{"old"}));
  ConfigParse cleared = ParseConfig("exclude = []\n", "/proj/samlint.toml");
  ASSERT_TRUE(cleared.config.exclude.has_value()) << "exclude = [] replaces the defaults";
  EXPECT_TRUE(cleared.config.exclude->empty());
}

TEST(Config, TargetForRoleFirstMatchWins) {
  std::vector<RoleTarget> targets = {
      {"arn:aws:iam::*:role/breakglass", 3600}, {"ops-*", 14400}, {"**", 28800}};
  EXPECT_EQ(TargetForRole(targets, "arn:aws:iam::123456789012:role/breakglass"), 3600);
  EXPECT_EQ(TargetForRole(targets, "arn:aws:iam::123456789012:role/ops-admin"), 14400);
  EXPECT_EQ(TargetForRole(targets, "acs:ram::1234567890123456:role/dev"), 28800);
  EXPECT_EQ(TargetForRole({}, "arn:aws:iam::1:role/x"), std::nullopt);
  EXPECT_EQ(TargetForRole(targets, ""), std::nullopt);
}

class ConfigDiscovery : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("samlint-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "a" / "b" / "c");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  fs::path root_;
};

TEST_F(ConfigDiscovery, WalksUpAndFirstHitWins) {
  Write(root_ / "samlint.toml", "target = \"1h\"\n");
  Write(root_ / "a" / ".samlint.toml", "target = \"2h\"\n");
  auto found = FindConfig((root_ / "a" / "b" / "c").string());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(fs::path(*found), root_ / "a" / ".samlint.toml");
  found = FindConfig(root_.string());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(fs::path(*found), root_ / "samlint.toml");
}

TEST_F(ConfigDiscovery, PlainNameWinsOverDotNameInOneDirectory) {
  Write(root_ / "a" / "samlint.toml", "");
  Write(root_ / "a" / ".samlint.toml", "");
  EXPECT_EQ(fs::path(FindConfig((root_ / "a").string()).value_or("")),
            root_ / "a" / "samlint.toml");
}

TEST_F(ConfigDiscovery, LoadResolvesPathsAgainstTheConfigDirectory) {
  Write(root_ / "a" / "samlint.toml", "declarations = \"roles.json\"\n");
  ConfigParse p = LoadConfig((root_ / "a" / "samlint.toml").string());
  ASSERT_TRUE(p.problems.empty()) << Problems(p);
  EXPECT_EQ(fs::path(p.config.declarations.at(0)), root_ / "a" / "roles.json");
}

TEST_F(ConfigDiscovery, MissingFileIsOneProblem) {
  ConfigParse p = LoadConfig((root_ / "nope.toml").string());
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_NE(p.problems[0].message.find("cannot be read"), std::string::npos);
}

TEST(Config, LooksLikeConfig) {
  EXPECT_TRUE(LooksLikeConfig("dir/samlint.toml", "broken = ["));
  EXPECT_TRUE(LooksLikeConfig("x.toml", "target = \"8h\"\ncloud = \"aws\"\n"));
  EXPECT_FALSE(LooksLikeConfig("pyproject.toml", "[project]\nname = \"x\"\n"));
  EXPECT_FALSE(LooksLikeConfig("r.xml", "<samlp:Response/>"));
  EXPECT_FALSE(LooksLikeConfig("r.json", "{\"Role\": {}}"));
}

// Google Cloud (more-clouds.md): cloud "gcp" and the workforce pool's sessionDuration.
TEST(Config, GoogleCloudAndWorkforcePoolSession) {
  ConfigParse p = Parse("cloud = \"gcp\"\nworkforce-pool-session = \"12h\"\n");
  ASSERT_TRUE(p.problems.empty()) << Problems(p);
  EXPECT_EQ(p.config.cloud, "gcp");
  EXPECT_EQ(p.config.workforce_pool_session, std::optional<std::int64_t>(43200));

  ConfigParse bare = Parse("workforce-pool-session = 900\n");
  ASSERT_TRUE(bare.problems.empty()) << Problems(bare);
  EXPECT_EQ(bare.config.workforce_pool_session, std::optional<std::int64_t>(900))
      << "a bare number is seconds, as --session-duration takes them";

  ConfigParse typo = Parse("workforce-pool-sesion = \"1h\"\n");
  ASSERT_EQ(typo.problems.size(), 1u);
  EXPECT_EQ(typo.problems[0].message,
            "unknown key 'workforce-pool-sesion' (did you mean 'workforce-pool-session'?)");
}

}  // namespace
}  // namespace samlint
