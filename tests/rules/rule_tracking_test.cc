// One rule = registry entry + constant + docs section + tests. Every
// registered rule must have all of them, so a rule cannot be added
// (tools/add-rule) or kept without its documentation and its cases.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/rules.h"

namespace samlint {
namespace {

namespace fs = std::filesystem;

/// The text of `relative` under the source tree; empty (and a failure) when unreadable.
std::string ReadSource(const std::string& relative) {
  const fs::path path = fs::path(SAMLINT_SOURCE_DIR) / relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// "lifetime-below-target" -> "LifetimeBelowTarget": the test suite of a
/// rule's cases and the name of its `Rule::k...` constant.
std::string PascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

/// "tests/rules/lifetime_below_target_test.cc".
std::string TestFileOf(std::string_view id) {
  std::string stem(id);
  for (char& c : stem) {
    if (c == '-') c = '_';
  }
  return "tests/rules/" + stem + "_test.cc";
}

TEST(RuleTracking, PascalCaseAndTestFileFollowTheId) {
  EXPECT_EQ(PascalCase("lifetime-below-target"), "LifetimeBelowTarget");
  EXPECT_EQ(PascalCase("xml-doctype"), "XmlDoctype");
  EXPECT_EQ(TestFileOf("xml-doctype"), "tests/rules/xml_doctype_test.cc");
}

TEST(RuleTracking, EveryRuleHasAConstantAndEveryConstantARule) {
  const std::string header = ReadSource("include/samlint/rule_id.h");
  const std::regex constant(R"re(static constexpr RuleId (k\w+)\{"([a-z0-9-]+)"\};)re");
  std::set<std::string, std::less<>> ids;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), constant);
       it != std::sregex_iterator(); ++it) {
    const std::string id = (*it)[2];
    EXPECT_EQ((*it)[1], "k" + PascalCase(id)) << id;
    EXPECT_NE(FindRule(id), nullptr) << "Rule::" << (*it)[1] << " has no registry entry";
    ids.insert(id);
  }
  for (const RuleInfo& rule : AllRules()) {
    EXPECT_TRUE(ids.contains(rule.id)) << rule.id << " has no constant in rule_id.h";
  }
}

TEST(RuleTracking, EveryRuleHasItsDocsSection) {
  const std::string docs = ReadSource("docs/rules.md");
  for (const RuleInfo& rule : AllRules()) {
    EXPECT_NE(docs.find("\n## " + std::string(rule.id) + "\n"), std::string::npos)
        << rule.id << " has no section in docs/rules.md; regenerate it with SAMLINT_UPDATE_DOCS=1 "
        << "samlint_tests --gtest_filter=RuleRegistry.DocsMatchTable";
  }
}

TEST(RuleTracking, EveryRuleHasItsTestFile) {
  for (const RuleInfo& rule : AllRules()) {
    EXPECT_TRUE(fs::exists(fs::path(SAMLINT_SOURCE_DIR) / TestFileOf(rule.id)))
        << rule.id << " has no " << TestFileOf(rule.id) << " (tools/add-rule writes one)";
  }
}

TEST(RuleTracking, EveryRuleTestFileBelongsToARule) {
  const std::set<std::string> not_rules = {"registry_test.cc", "rule_tracking_test.cc"};
  std::set<std::string> expected;
  for (const RuleInfo& rule : AllRules()) expected.insert(TestFileOf(rule.id));
  for (const auto& entry : fs::directory_iterator(fs::path(SAMLINT_SOURCE_DIR) / "tests/rules")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with("_test.cc") || not_rules.contains(name)) continue;
    EXPECT_TRUE(expected.contains("tests/rules/" + name)) << name << " names no registered rule";
  }
}

/// `line` up to a // comment that starts outside a string or character literal.
std::string_view CodeOf(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (line.substr(i, 2) == "//") {
      return line.substr(0, i);
    }
  }
  return line;
}

TEST(RuleTracking, CodeOfDropsCommentsButNotUrls) {
  EXPECT_EQ(CodeOf(R"(f("x"); // "y")"), R"(f("x"); )");
  EXPECT_EQ(CodeOf(R"(f("https://a"); // b)"), R"(f("https://a"); )");
  EXPECT_EQ(CodeOf(R"(c = '"'; // "y")"), R"(c = '"'; )");
}

// Code names a rule by its Rule:: constant (a misspelling does not compile);
// only the rules layer spells the ids out. rules-replace.sh rewrites literals.
TEST(RuleTracking, NoRuleIdLiteralOutsideTheRulesLayer) {
  const fs::path root(SAMLINT_SOURCE_DIR);
  std::vector<std::string> literals;
  for (const RuleInfo& rule : AllRules()) literals.push_back("\"" + std::string(rule.id) + "\"");
  std::size_t files = 0;
  for (const char* dir : {"src", "cli", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string relative = fs::relative(entry.path(), root).generic_string();
      if (!entry.is_regular_file() || relative.starts_with("src/rules/") ||
          relative == "include/samlint/rule_id.h" ||
          !(relative.ends_with(".cc") || relative.ends_with(".h"))) {
        continue;
      }
      ++files;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string line;
      for (int number = 1; std::getline(in, line); ++number) {
        const std::string_view code = CodeOf(line);
        for (const std::string& literal : literals) {
          EXPECT_EQ(code.find(literal), std::string_view::npos)
              << relative << ":" << number << ": " << literal << " instead of its Rule:: constant";
        }
      }
    }
  }
  EXPECT_GT(files, 10u);
}

// The cases of rule `x-y` are TEST(XY, Fires...) and TEST(XY, DoesNotFire...)
// in tests/rules/x_y_test.cc, as gtest registered them in this binary.
TEST(RuleTracking, EveryRuleHasAFiringAndANonFiringCase) {
  struct Cases {
    std::string_view id;
    bool fires = false;
    bool does_not_fire = false;
  };
  std::map<std::string, Cases, std::less<>> by_suite;
  for (const RuleInfo& rule : AllRules()) by_suite[PascalCase(rule.id)].id = rule.id;
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit.total_test_suite_count(); ++i) {
    const ::testing::TestSuite& suite = *unit.GetTestSuite(i);
    const auto it = by_suite.find(std::string_view(suite.name()));
    if (it == by_suite.end()) continue;
    Cases& cases = it->second;
    for (int j = 0; j < suite.total_test_count(); ++j) {
      const ::testing::TestInfo& test = *suite.GetTestInfo(j);
      if (!std::string_view(test.file()).ends_with(TestFileOf(cases.id))) continue;
      const std::string_view name = test.name();
      if (name.starts_with("Fires")) cases.fires = true;
      if (name.starts_with("DoesNotFire")) cases.does_not_fire = true;
    }
  }
  for (const auto& [suite, cases] : by_suite) {
    EXPECT_TRUE(cases.fires) << cases.id << ": no TEST(" << suite << ", Fires...) in "
                             << TestFileOf(cases.id);
    EXPECT_TRUE(cases.does_not_fire)
        << cases.id << ": no TEST(" << suite << ", DoesNotFire...) in " << TestFileOf(cases.id);
  }
}

}  // namespace
}  // namespace samlint
