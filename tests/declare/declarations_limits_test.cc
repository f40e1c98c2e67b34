// Work limits of the declarations reader: JSON/YAML values (json-nodes, with
// YAML aliases counted as what they stand for) and bytes (input-bytes).
// Hostile inputs are generated here; each test asserts the limit reached and
// the work done (values built, modules walked), never time.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>

#include "declare/declarations_file.h"
#include "samlint/declarations.h"
#include "samlint/limits.h"
#include "support/testdata.h"

namespace samlint {
namespace {

using samlint::testing::EndsWith;

std::string ReadFixture(const std::string& name) {
  return samlint::testing::ReadTestdata("declarations/" + name);
}

// A Terraform plan in YAML whose module m<i> lists m<i-1> `width` times as its
// child modules, through aliases: `levels` lines of text stand for width^levels
// modules, each with a role resource.
std::string AliasedModules(int levels, int width) {
  std::string text = "format_version: '1.2'\nterraform_version: 1.7.5\nmodules:\n";
  text +=
      "  - &m0\n    resources: &r\n      - {type: aws_iam_role, name: ops, values: {name: ops, "
      "max_session_duration: 3600}}\n";
  for (int i = 1; i <= levels; ++i) {
    std::string children;
    for (int w = 0; w < width; ++w) {
      children += (w == 0 ? "*m" : ", *m") + std::to_string(i - 1);
    }
    text += "  - &m" + std::to_string(i) + "\n    resources: *r\n    child_modules: [" + children +
            "]\n";
  }
  text += "planned_values:\n  root_module: *m" + std::to_string(levels) + "\n";
  return text;
}

struct Read {
  Declarations declarations;
  Status error;
  DeclarationsWork work;
};

Read ReadText(const std::string& text, const Limits& limits = {}) {
  Read r;
  r.error = ParseDeclarationsCounted(text, "plan.yaml", r.declarations, limits, &r.work);
  return r;
}

TEST(DeclarationsLimits, AliasedModulesStopAtJsonNodesAfterLinearWork) {
  // 958 bytes and 4.5 KB in the issue; these are the same shape and size.
  for (auto [levels, width, low, high] :
       {std::tuple{12, 3, 900u, 1000u}, std::tuple{47, 8, 4400u, 4700u}}) {
    const std::string text = AliasedModules(levels, width);
    ASSERT_GE(text.size(), low);
    ASSERT_LE(text.size(), high);
    const Limits limits;
    Read r = ReadText(text, limits);
    ASSERT_FALSE(r.error.ok()) << levels;
    EXPECT_TRUE(EndsWith(r.error.message(),
                         "the limit json-nodes=1000000 (raise it with --limit json-nodes=N)."))
        << r.error.message();
    ASSERT_EQ(r.declarations.limits_exceeded.size(), 1u);
    EXPECT_EQ(r.declarations.limits_exceeded[0], r.error.message());
    EXPECT_TRUE(r.declarations.roles.empty());
    // The work: each value of the text built once (fewer values than bytes),
    // and no module walked: the aliases were refused for what they stand for.
    EXPECT_LT(r.work.values_built, text.size());
    EXPECT_GT(r.work.values_charged, limits.json_nodes);
    EXPECT_EQ(r.work.modules_walked, 0u);
  }
}

TEST(DeclarationsLimits, AModuleReachedThroughManyAliasesIsWalkedOnce) {
  // 2^10 paths to m0, but 11 module nodes: 11 walks.
  const std::string text = AliasedModules(10, 2);
  Read r = ReadText(text);
  ASSERT_TRUE(r.error.ok()) << r.error.message();
  EXPECT_EQ(r.work.modules_walked, 11u);
  EXPECT_EQ(r.declarations.roles.size(), 11u);  // one per module node (no address to merge them)
  // Raised high enough, the 958-byte file (3^12 paths) is read; still one
  // walk per module node.
  Limits raised;
  raised.json_nodes = std::size_t{1} << 40;
  raised.input_bytes = std::size_t{1} << 40;
  Read big = ReadText(AliasedModules(12, 3), raised);
  ASSERT_TRUE(big.error.ok()) << big.error.message();
  EXPECT_EQ(big.work.modules_walked, 13u);
  EXPECT_EQ(big.declarations.roles.size(), 13u);
}

TEST(DeclarationsLimits, JsonNodesRaisedAndLoweredOnARealPlan) {
  const std::string text = ReadFixture("terraform-plan-pretty.json");
  Read normal = ReadText(text);
  ASSERT_TRUE(normal.error.ok()) << normal.error.message();
  ASSERT_FALSE(normal.declarations.roles.empty());
  Limits limits;
  limits.json_nodes = normal.work.values_charged;  // exactly what the plan holds
  Read read = ReadText(text, limits);
  ASSERT_TRUE(read.error.ok()) << read.error.message();
  EXPECT_EQ(read.declarations.roles.size(), normal.declarations.roles.size());
  limits.json_nodes = normal.work.values_charged - 1;
  Read refused = ReadText(text, limits);
  ASSERT_FALSE(refused.error.ok());
  EXPECT_TRUE(EndsWith(refused.error.message(), LimitHint(limits, "json-nodes") + "."))
      << refused.error.message();
  EXPECT_EQ(refused.declarations.limits_exceeded.size(), 1u);
}

TEST(DeclarationsLimits, AliasedScalarsCountTheirBytes) {
  // One 100 KB scalar named 200 times stands for 20 MB: over input-bytes.
  std::string text = "Role:\n  RoleName: &n " + std::string(100'000, 'a') + "\n  Tags: [";
  for (int i = 0; i < 200; ++i) text += i == 0 ? "*n" : ", *n";
  text += "]\n";
  Read r = ReadText(text);
  ASSERT_FALSE(r.error.ok());
  EXPECT_TRUE(EndsWith(r.error.message(),
                       "the limit input-bytes=16777216 (raise it with --limit "
                       "input-bytes=N)."))
      << r.error.message();
}

TEST(DeclarationsLimits, InputBytesRaisedAndLoweredNamesTheRealSize) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "samlint-declarations-limits.json";
  const std::string text = ReadFixture("aws-get-role.json");
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  Limits limits;
  limits.input_bytes = text.size();
  Declarations read;
  EXPECT_TRUE(LoadDeclarations(path.string(), read, limits).ok());
  EXPECT_EQ(read.roles.size(), 1u);
  limits.input_bytes = text.size() - 1;
  Declarations refused;
  Status error = LoadDeclarations(path.string(), refused, limits);
  std::filesystem::remove(path);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message(), path.string() + " is " + std::to_string(text.size()) +
                                 " bytes; samlint did not read it, because of " +
                                 LimitHint(limits, "input-bytes") + ".");
  EXPECT_EQ(refused.limits_exceeded.size(), 1u);
}

}  // namespace
}  // namespace samlint
