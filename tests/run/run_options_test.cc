// run/run_options: the options of a run as values; a bad option fails with the
// usage error RunCheck reports, word for word.
#include "run/run_options.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "samlint/check.h"
#include "samlint/scenario.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

CheckOptions WithScenario(std::string_view name) {
  CheckOptions options;
  options.scenarios.push_back(FindScenario(name)->id);
  return options;
}

TEST(RunLimits, AppliesEveryAssignment) {
  RunRequest request;
  request.limits = {"input-bytes=1000", "json-nodes=20"};
  const Result<Limits> limits = RunLimits(request);
  ASSERT_TRUE(limits.ok()) << limits.error();
  EXPECT_EQ(limits->input_bytes, 1000u);
  EXPECT_EQ(limits->json_nodes, 20u);
}

TEST(RunLimits, FailsWithTheOptionName) {
  RunRequest request;
  request.limits = {"input-bytes=1000", "no-such-limit=3"};
  const Result<Limits> limits = RunLimits(request);
  ASSERT_FALSE(limits.ok());
  EXPECT_EQ(limits.error().rfind("--limit: ", 0), 0u) << limits.error();
  EXPECT_NE(limits.error().find("no-such-limit"), std::string::npos) << limits.error();
}

TEST(BuildOptions, TheCommandLineWinsOverTheConfig) {
  RunRequest request;
  request.scenarios = {"aliyun:saml-console", "aliyun:saml-console"};
  request.limits = {"json-nodes=20"};
  ProjectConfig config;
  config.cloud = "aliyun";
  config.scenarios = {"aws:saml-api"};
  config.role_max_session = 3600;
  const Result<CheckOptions> options = BuildOptions(request, &config, {}, {});
  ASSERT_TRUE(options.ok()) << options.error();
  EXPECT_EQ(options->cloud, Cloud::kAliyun);
  EXPECT_EQ(options->role_max_session, 3600);
  ASSERT_EQ(options->scenarios.size(), 1u);
  EXPECT_EQ(options->scenarios[0], FindScenario("aliyun:saml-console")->id);
  EXPECT_EQ(options->limits.json_nodes, 20u);
  EXPECT_EQ(options->trust_store, nullptr);
  EXPECT_EQ(options->declarations, nullptr);
}

TEST(BuildOptions, TheCommandLinesRuleSelectionIsALayerOverTheConfigs) {
  ProjectConfig config;
  config.select = std::vector<std::string>{"signature-", "assumed-default", "option-"};
  config.ignore = {"signature-weak-algorithm"};
  config.rules = {{"option-ignored", std::nullopt}, {"signature-missing", Severity::kError}};
  RunRequest request;
  request.extend_select = {"option-ignored"};
  request.ignore = {"assumed-"};
  const Result<CheckOptions> options = BuildOptions(request, &config, {}, {});
  ASSERT_TRUE(options.ok()) << options.error();
  const RuleSelection& s = options->rule_selection;
  EXPECT_TRUE(s.Selected("signature-missing"));
  EXPECT_FALSE(s.Selected("signature-weak-algorithm"));
  EXPECT_FALSE(s.Selected("lifetime-below-target"));
  EXPECT_FALSE(s.Selected("assumed-default"));  // --ignore over the config's select
  EXPECT_TRUE(s.Selected("option-ignored"));    // [rules] "off", then --extend-select
  // "off" became a selection; the severity override stays a setting.
  ASSERT_EQ(options->rule_settings.size(), 1u);
  EXPECT_EQ(options->rule_settings[0].rule, "signature-missing");

  RunRequest replace;
  replace.select = {"ALL"};
  const Result<CheckOptions> all = BuildOptions(replace, &config, {}, {});
  ASSERT_TRUE(all.ok()) << all.error();
  EXPECT_TRUE(all->rule_selection.unselected().empty());

  RunRequest typo;
  typo.ignore = {"asumed-default"};
  const Result<CheckOptions> failed = BuildOptions(typo, &config, {}, {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().rfind("--ignore: 'asumed-default' matches no rule (did you mean "
                                 "'assumed-default'?)",
                                 0),
            0u)
      << failed.error();
}

TEST(BuildOptions, FailsWithTheFirstBadOption) {
  RunRequest request;
  request.scenarios = {"aws:nothing"};
  request.limits = {"no-such-limit=3"};
  ProjectConfig config;
  config.cloud = "azure";
  const Result<CheckOptions> cloud = BuildOptions(request, &config, {}, {});
  ASSERT_FALSE(cloud.ok());
  EXPECT_EQ(cloud.error(), "--cloud: unknown cloud 'azure' (use aws, aliyun, gcp or generic)");

  const Result<CheckOptions> scenario = BuildOptions(request, nullptr, {}, {});
  ASSERT_FALSE(scenario.ok());
  EXPECT_EQ(scenario.error().rfind("--scenario: unknown scenario 'aws:nothing' (one of aws:", 0),
            0u)
      << scenario.error();
}

TEST(BuildOptions, AConfigsBadCertificateNamesTheConfigAndKey) {
  RunRequest request;
  ProjectConfig config;
  config.path = "samlint.toml";
  config.certs = {testing::TestData("trust/keys/idp-rsa2048.key.pem")};
  const Result<CheckOptions> options = BuildOptions(request, &config, {}, {});
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.error().rfind("samlint.toml: certs: no certificate or public key in ", 0), 0u)
      << options.error();
}

TEST(ConfigsFor, NoConfigIsNoneAndABrokenConfigFails) {
  RunRequest request;
  request.no_config = true;
  Configs none(request, {});
  const Result<const ProjectConfig*> nothing = none.For(".");
  ASSERT_TRUE(nothing.ok()) << nothing.error();
  EXPECT_EQ(*nothing, nullptr);

  const std::filesystem::path directory =
      std::filesystem::path(::testing::TempDir()) / ("run-options-" + std::to_string(getpid()));
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "samlint.toml").string();
  std::ofstream(path) << "cloud = \n";
  const RunRequest found;
  Configs broken(found, {});
  const Result<const ProjectConfig*> config = broken.For(directory.string());
  std::filesystem::remove_all(directory);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().rfind("config: " + path + ":1:", 0), 0u) << config.error();
}

TEST(ValidateOptions, AcceptsAScenarioOfTheCloud) {
  CheckOptions options = WithScenario("aliyun:saml-console");
  options.cloud = Cloud::kAliyun;
  EXPECT_TRUE(ValidateOptions(options, true).ok());
  EXPECT_TRUE(ValidateOptions(WithScenario("aws:assume-role"), false).ok());
}

TEST(ValidateOptions, FailsWithTheUsageError) {
  CheckOptions other_cloud = WithScenario("aliyun:saml-console");
  other_cloud.cloud = Cloud::kAws;
  const Status mismatch = ValidateOptions(other_cloud, true);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.message(), "--scenario aliyun:saml-console is not a scenario of --cloud aws");
  const Status no_input = ValidateOptions(CheckOptions(), false);
  ASSERT_FALSE(no_input.ok());
  EXPECT_EQ(no_input.message(),
            "no INPUT given: name a file, a directory or - for stdin, or choose a scenario that "
            "needs no SAML response with --scenario (e.g. aws:assume-role)");
}

}  // namespace
}  // namespace samlint
