// Rule selection (--select, --extend-select, --ignore and their samlint.toml
// keys): ruff's layering, prefixes, specificity, and the rules that say an
// input was not checked.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "samlint/rules.h"
#include "samlint/suppress.h"

namespace samlint {
namespace {

RuleSelection Selection(const std::vector<RuleSelectors>& layers) {
  RuleSelection selection;
  for (const RuleSelectors& layer : layers) {
    Status applied = selection.Apply(layer);
    EXPECT_TRUE(applied.ok()) << applied.message();
  }
  return selection;
}

RuleSelectors Select(std::vector<std::string> ids) { return {std::move(ids), {}, {}}; }
RuleSelectors Extend(std::vector<std::string> ids) { return {std::nullopt, std::move(ids), {}}; }
RuleSelectors Ignore(std::vector<std::string> ids) { return {std::nullopt, {}, std::move(ids)}; }

TEST(RuleSelection, SelectsEveryRuleByDefault) {
  RuleSelection selection;
  for (const RuleInfo& rule : AllRules()) EXPECT_TRUE(selection.Selected(rule.id)) << rule.id;
  EXPECT_TRUE(selection.unselected().empty());
}

TEST(RuleSelection, SelectReplacesTheSetWithTheRulesAPrefixNames) {
  RuleSelection s = Selection({Select({"signature-"})});
  EXPECT_TRUE(s.Selected("signature-missing"));
  EXPECT_TRUE(s.Selected("signature-weak-algorithm"));
  EXPECT_FALSE(s.Selected("lifetime-below-target"));
  EXPECT_FALSE(s.Selected("assumed-default"));
}

TEST(RuleSelection, IgnoreRemovesAnExactIdOnly) {
  RuleSelection s = Selection({Ignore({"assumed-default"})});
  EXPECT_FALSE(s.Selected("assumed-default"));
  EXPECT_TRUE(s.Selected("assertion-expired"));
  EXPECT_EQ(s.unselected().size(), 1u);
}

TEST(RuleSelection, ExtendSelectAddsToTheLayersBefore) {
  RuleSelection s = Selection({Select({"lifetime-below-target"}), Extend({"signature-missing"})});
  EXPECT_TRUE(s.Selected("lifetime-below-target"));
  EXPECT_TRUE(s.Selected("signature-missing"));
  EXPECT_FALSE(s.Selected("signature-invalid"));
}

TEST(RuleSelection, TheMoreSpecificSelectorWinsWithinALayer) {
  // An ignored prefix with one of its rules selected by id: the id wins.
  RuleSelection keep = Selection({RuleSelectors{std::nullopt, {"signature-missing"}, {"signature-"}}});
  EXPECT_TRUE(keep.Selected("signature-missing"));
  EXPECT_FALSE(keep.Selected("signature-invalid"));
  // A selected prefix with one of its rules ignored by id: the id wins.
  RuleSelection drop =
      Selection({RuleSelectors{std::vector<std::string>{"signature-"}, {}, {"signature-missing"}}});
  EXPECT_FALSE(drop.Selected("signature-missing"));
  EXPECT_TRUE(drop.Selected("signature-invalid"));
}

TEST(RuleSelection, OnATieIgnoreWins) {
  RuleSelection s =
      Selection({RuleSelectors{std::vector<std::string>{"role-"}, {}, {"role-"}}});
  EXPECT_FALSE(s.Selected("role-chaining-limit"));
  RuleSelection all = Selection({Ignore({"ALL"})});
  EXPECT_FALSE(all.Selected("lifetime-below-target"));
}

TEST(RuleSelection, ALaterLayerOverridesAnEarlierOne) {
  // samlint.toml ignores assumed-default; --extend-select brings it back,
  // --select ALL brings back everything.
  RuleSelection back = Selection({Ignore({"assumed-default", "option-"}), Extend({"assumed-default"})});
  EXPECT_TRUE(back.Selected("assumed-default"));
  EXPECT_FALSE(back.Selected("option-ignored"));
  RuleSelection all = Selection({Ignore({"assumed-default"}), Select({"ALL"})});
  EXPECT_TRUE(all.unselected().empty());
  // An ignore prefix of the earlier layer loses nothing to a later layer that
  // does not name the rule.
  RuleSelection kept = Selection({Ignore({"signature-"}), Ignore({"assumed-default"})});
  EXPECT_FALSE(kept.Selected("signature-missing"));
  EXPECT_FALSE(kept.Selected("assumed-default"));
}

TEST(RuleSelection, RulesThatSayAnInputWasNotCheckedStayUnlessIgnoredByTheirId) {
  RuleSelection narrow = Selection({Select({"lifetime-below-target"})});
  EXPECT_TRUE(narrow.Selected("input-unreadable"));
  EXPECT_TRUE(narrow.Selected("xml-malformed"));
  EXPECT_TRUE(narrow.Selected("limit-exceeded"));
  EXPECT_TRUE(narrow.Selected("config-invalid"));
  EXPECT_FALSE(narrow.Selected("xml-doctype"));
  RuleSelection prefix = Selection({Ignore({"xml-", "ALL"})});
  EXPECT_TRUE(prefix.Selected("xml-malformed"));
  EXPECT_FALSE(prefix.Selected("xml-doctype"));
  RuleSelection named = Selection({Ignore({"xml-malformed"})});
  EXPECT_FALSE(named.Selected("xml-malformed"));
  RuleSelection again = Selection({Ignore({"xml-malformed"}), Extend({"xml-"})});
  EXPECT_TRUE(again.Selected("xml-malformed"));
}

TEST(RuleSelection, ASelectorThatNamesNoRuleFailsNamingTheOptionWithASuggestion) {
  RuleSelection s = Selection({Ignore({"assumed-default"})});
  Status typo = s.Apply(Select({"signatur-"}));
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.message(),
            "--select: 'signatur-' matches no rule (did you mean 'signature-'?); run 'samlint "
            "rules' for the list");
  Status id = s.Apply(Ignore({"lifetime-below-taget"}));
  ASSERT_FALSE(id.ok());
  EXPECT_NE(id.message().find("--ignore: 'lifetime-below-taget' matches no rule (did you mean "
                              "'lifetime-below-target'?)"),
            std::string::npos)
      << id.message();
  Status far = s.Apply(Extend({"zzzzzzzz"}));
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.message().find("--extend-select: 'zzzzzzzz' matches no rule;"), 0u)
      << far.message();
  // A failed layer changes nothing.
  EXPECT_FALSE(s.Selected("assumed-default"));
  EXPECT_EQ(s.unselected().size(), 1u);
}

TEST(RuleSelectors, SelectsAnyRuleTakesIdsPrefixesAndAll) {
  EXPECT_TRUE(SelectsAnyRule("ALL"));
  EXPECT_TRUE(SelectsAnyRule("signature-missing"));
  EXPECT_TRUE(SelectsAnyRule("signature-"));
  EXPECT_TRUE(SelectsAnyRule("sig"));
  EXPECT_FALSE(SelectsAnyRule(""));
  EXPECT_FALSE(SelectsAnyRule("all"));
  EXPECT_FALSE(SelectsAnyRule("signature-missingx"));
  EXPECT_FALSE(SelectsAnyRule("zzz"));
}

TEST(RuleSelectors, NamesForSuggestionsHoldIdsAndWordPrefixes) {
  std::vector<std::string> names = RuleSelectorNames();
  auto has = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  EXPECT_TRUE(has("ALL"));
  EXPECT_TRUE(has("signature-"));
  EXPECT_TRUE(has("role-session-"));
  EXPECT_TRUE(has("lifetime-below-target"));
  EXPECT_FALSE(has("lifetime-below-target-"));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(ApplyRuleSelection, DropsUnselectedFindingsWithoutCountingThemSuppressed) {
  CheckResult r;
  Diagnostic a;
  a.rule = "assumed-default";
  Diagnostic b;
  b.rule = "lifetime-below-target";
  r.diagnostics = {a, b, a};
  ApplyRuleSelection(r, Selection({Ignore({"assumed-"})}));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "lifetime-below-target");
  EXPECT_EQ(r.suppressed, 0);
}

}  // namespace
}  // namespace samlint
