#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "samlint/diagnostic.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "support/contract_rule_ids.h"

namespace samlint {
namespace {

using testing::kContractRules;

const RuleInfo& RuleById(std::string_view id) {
  const RuleInfo* rule = FindRule(id);
  if (rule == nullptr) {
    ADD_FAILURE() << "rule missing: " << id;
    std::abort();
  }
  return *rule;
}

// Only Rule's constants make a RuleId, so MakeDiagnostic cannot be given a
// misspelt id: a string does not convert.
static_assert(!std::is_constructible_v<RuleId, const char*>);
static_assert(!std::is_constructible_v<RuleId, std::string_view>);
static_assert(!std::is_convertible_v<std::string, RuleId>);
static_assert(Rule::kXmlMalformed == Rule::kXmlMalformed);
static_assert(!(Rule::kXmlMalformed == Rule::kXmlDoctype));

TEST(RuleRegistry, RuleIdComparesWithIdsReadBack) {
  const std::string read_back = "session-expired";
  EXPECT_EQ(Rule::kSessionExpired.name(), "session-expired");
  EXPECT_TRUE(read_back == Rule::kSessionExpired);
  EXPECT_TRUE(Rule::kSessionExpired == std::string_view(read_back));
  EXPECT_TRUE(read_back != Rule::kSessionDurationExceedsRoleMax);
  EXPECT_FALSE(std::string_view("session-expire") == Rule::kSessionExpired);
}

TEST(RuleRegistry, SortedAndUnique) {
  const auto rules = AllRules();
  ASSERT_FALSE(rules.empty());
  for (std::size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1].id, rules[i].id) << "at index " << i;
  }
}

TEST(RuleRegistry, HoldsEveryContractRule) {
  for (const testing::ContractRule& contract : kContractRules) {
    const RuleInfo* rule = FindRule(contract.id);
    ASSERT_NE(rule, nullptr) << contract.id;
    EXPECT_EQ(rule->id, contract.id);
  }
  EXPECT_GE(AllRules().size(), kContractRules.size());
}

TEST(RuleRegistry, FindRuleFindsEveryTableEntry) {
  for (const RuleInfo& rule : AllRules()) {
    EXPECT_EQ(FindRule(rule.id), &rule) << rule.id;
  }
}

TEST(RuleRegistry, FindRuleUnknownIsNull) {
  EXPECT_EQ(FindRule("no-such-rule"), nullptr);
  EXPECT_EQ(FindRule(""), nullptr);
  EXPECT_EQ(FindRule("assertion"), nullptr);       // a prefix of real ids
  EXPECT_EQ(FindRule("xml-malformed "), nullptr);  // trailing space
  EXPECT_EQ(FindRule("XML-MALFORMED"), nullptr);   // ids are case-sensitive
  EXPECT_EQ(FindRule("zzz"), nullptr);             // past the last entry
  EXPECT_EQ(FindRule("a"), nullptr);               // before the first entry
}

// cli-contract.md § Decisions, Default severities and Rule ids added; among
// the errors, every rule that rejects an evaluation or breaks the input.
TEST(RuleRegistry, DefaultSeveritiesFollowTheContract) {
  int checked = 0;
  for (const testing::ContractRule& contract : kContractRules) {
    if (!contract.default_severity) continue;
    EXPECT_EQ(RuleById(contract.id).default_severity, *contract.default_severity) << contract.id;
    ++checked;
  }
  EXPECT_GE(checked, 40);
}

TEST(RuleRegistry, CategoriesFollowTheContractGroups) {
  EXPECT_EQ(RuleById("lifetime-below-target").category, RuleCategory::kLifetime);
  EXPECT_EQ(RuleById("assumed-default").category, RuleCategory::kLifetime);
  EXPECT_EQ(RuleById("assertion-expired").category, RuleCategory::kAssertion);
  EXPECT_EQ(RuleById("destination-mismatch").category, RuleCategory::kAssertion);
  EXPECT_EQ(RuleById("signature-missing").category, RuleCategory::kTrust);
  EXPECT_EQ(RuleById("assertion-not-signed").category, RuleCategory::kTrust);
  EXPECT_EQ(RuleById("xml-doctype").category, RuleCategory::kTrust);
  for (std::string_view id :
       {"input-unreadable", "xml-malformed", "role-not-in-assertion", "declaration-conflict",
        "declaration-unresolved", "option-ignored", "cloud-undetected", "idp-value-unknown"}) {
    EXPECT_EQ(RuleById(id).category, RuleCategory::kInput) << id;
  }
}

TEST(RuleRegistry, EveryFieldIsFilledWithoutTrailingWhitespace) {
  for (const RuleInfo& rule : AllRules()) {
    for (std::string_view field :
         {rule.summary, rule.rationale, rule.example, rule.fix, rule.reference}) {
      ASSERT_FALSE(field.empty()) << rule.id;
      EXPECT_NE(field.back(), '\n') << rule.id;
      EXPECT_NE(field.back(), ' ') << rule.id;
      EXPECT_NE(field.front(), ' ') << rule.id;
      EXPECT_EQ(field.find("  "), std::string_view::npos) << rule.id << ": " << field;
    }
  }
}

TEST(RuleRegistry, QuotesTheVendorErrorTexts) {
  EXPECT_NE(RuleById("duration-exceeds-role-max")
                .rationale.find("The requested DurationSeconds exceeds the MaxSessionDuration set "
                                "for this role."),
            std::string_view::npos);
  EXPECT_NE(RuleById("role-chaining-limit")
                .rationale.find("The requested DurationSeconds exceeds the 1 hour session limit "
                                "for roles assumed by role chaining."),
            std::string_view::npos);
  EXPECT_NE(RuleById("redemption-window-exceeded")
                .rationale.find("Token must be redeemed within 5 minutes of issuance"),
            std::string_view::npos);
  EXPECT_NE(RuleById("assertion-expired").rationale.find("Response has expired"),
            std::string_view::npos);
}

TEST(RuleRegistry, Names) {
  EXPECT_EQ(SeverityName(Severity::kNote), "note");
  EXPECT_EQ(SeverityName(Severity::kWarning), "warning");
  EXPECT_EQ(SeverityName(Severity::kError), "error");
  EXPECT_EQ(CategoryName(RuleCategory::kLifetime), "lifetime");
  EXPECT_EQ(CategoryName(RuleCategory::kAssertion), "assertion");
  EXPECT_EQ(CategoryName(RuleCategory::kTrust), "trust");
  EXPECT_EQ(CategoryName(RuleCategory::kInput), "input");
}

// Rule pages cite vendor documents by URL and the project's own docs, never a
// file outside the repository (the specs and seeds the project started from).
TEST(RuleRegistry, ReferencesStayInTheRepository) {
  static const std::regex kMarkdown(R"(([A-Za-z0-9_./-]+\.md)\b)");
  for (const RuleInfo& rule : AllRules()) {
    for (std::string_view field :
         {rule.summary, rule.rationale, rule.example, rule.fix, rule.reference}) {
      const std::string text(field);
      for (const char* outside : {"/work/", "shared/", "spec/", "seeds/", "lifetime-rules.md",
                                  "cli-contract.md", "more-clouds.md", "style.md"}) {
        EXPECT_EQ(text.find(outside), std::string::npos)
            << rule.id << " cites \"" << outside << "\": " << text;
      }
      // A relative path up out of the tree ("../shared/..."); ".../saml/acs" is no path.
      for (std::size_t at = text.find("../"); at != std::string::npos;
           at = text.find("../", at + 1)) {
        EXPECT_TRUE(at > 0 && text[at - 1] == '.')
            << rule.id << " cites a path outside the repository: " << text.substr(at, 80);
      }
#ifdef SAMLINT_SOURCE_DIR
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kMarkdown);
           it != std::sregex_iterator(); ++it) {
        const std::string file = (*it)[1].str();
        EXPECT_TRUE(std::filesystem::is_regular_file(std::string(SAMLINT_SOURCE_DIR) + "/" + file))
            << rule.id << " cites " << file << ", which is not in the repository";
      }
#endif
    }
    EXPECT_FALSE(rule.reference.empty()) << rule.id;
  }
}

// docs/rules.md is the table rendered as Markdown. Regenerate it with
// SAMLINT_UPDATE_DOCS=1 samlint_tests --gtest_filter=RuleRegistry.DocsMatchTable
std::string RenderRulesMarkdown() {
  std::ostringstream out;
  out << "# samlint rules\n\n"
      << "Generated from the rule registry (`src/rules/registry.cc`); do not edit by hand.\n"
      << "Regenerate with `SAMLINT_UPDATE_DOCS=1 samlint_tests "
         "--gtest_filter=RuleRegistry.DocsMatchTable`.\n"
      << "`samlint rules RULE` prints the same text.\n";
  for (const RuleInfo& rule : AllRules()) {
    out << "\n## " << rule.id << "\n\n"
        << "- Severity: " << SeverityName(rule.default_severity) << "\n"
        << "- Category: " << CategoryName(rule.category) << "\n\n"
        << "**Summary.** " << rule.summary << "\n\n"
        << "**Rationale.** " << rule.rationale << "\n\n"
        << "**Example.** " << rule.example << "\n\n"
        << "**Fix.** " << rule.fix << "\n\n"
        << "**Reference.** " << rule.reference << "\n";
  }
  return out.str();
}

TEST(RuleRegistry, DocsMatchTable) {
  const std::string expected = RenderRulesMarkdown();
  ASSERT_NE(expected.find("\n## xml-malformed\n"), std::string::npos);
#ifdef SAMLINT_TESTDATA
  const std::string path = std::string(SAMLINT_TESTDATA) + "/../docs/rules.md";
  if (std::getenv("SAMLINT_UPDATE_DOCS") != nullptr) {
    std::ofstream(path, std::ios::binary) << expected;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "cannot read " << path;
  const std::string actual{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(actual, expected) << path << " is stale; regenerate it with SAMLINT_UPDATE_DOCS=1";
#else
  GTEST_SKIP() << "SAMLINT_TESTDATA is not defined";
#endif
}

}  // namespace
}  // namespace samlint
