#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "samlint/diagnostic.h"
#include "samlint/rules.h"

namespace samlint {
namespace {

// Every rule id of cli-contract.md § Rule ids, plus cloud-undetected,
// issuer-mismatch, observed-lifetime-short, sts-call-failed, idp-value-unknown,
// config-invalid, suppression-invalid, suppression-unused, limit-exceeded,
// content-outside-assertion, namespace-prefix-rebound,
// signature-algorithm-unsupported and certificate-not-yet-valid, which this
// project adds. A rule may be added here; none may ever disappear.
constexpr std::array<std::string_view, 55> kContractRuleIds = {
    // Lifetime
    "lifetime-below-target",
    "duration-exceeds-role-max",
    "duration-out-of-range",
    "role-chaining-limit",
    "session-duration-out-of-range",
    "session-duration-exceeds-role-max",
    "session-expired",
    "role-max-out-of-range",
    "login-session-out-of-range",
    "permission-set-duration-out-of-range",
    "assumed-default",
    // Assertion
    "assertion-expired",
    "assertion-not-yet-valid",
    "redemption-window-exceeded",
    "status-not-success",
    "role-attribute-missing",
    "role-attribute-malformed",
    "role-session-name-missing",
    "role-session-name-invalid",
    "source-identity-invalid",
    "audience-mismatch",
    "recipient-mismatch",
    "destination-mismatch",
    "multiple-assertions",
    "duplicate-id",
    "input-unreadable",
    "xml-malformed",
    // Trust
    "signature-missing",
    "signature-invalid",
    "signature-not-covering-assertion",
    "signature-weak-algorithm",
    "signature-key-untrusted",
    "xml-doctype",
    "xml-comment-in-value",
    "encrypted-assertion-no-key",
    "certificate-expired",
    "signature-not-checked",
    "assertion-not-signed",
    // Inputs and declarations
    "role-not-in-assertion",
    "declaration-conflict",
    "declaration-unresolved",
    "option-ignored",
    // Added by samlint
    "cloud-undetected",
    "issuer-mismatch",
    "observed-lifetime-short",
    "sts-call-failed",
    "idp-value-unknown",
    "config-invalid",
    "suppression-invalid",
    "suppression-unused",
    "limit-exceeded",
    "content-outside-assertion",
    "namespace-prefix-rebound",
    "signature-algorithm-unsupported",
    "certificate-not-yet-valid",
};

const RuleInfo& Rule(std::string_view id) {
  const RuleInfo* rule = FindRule(id);
  if (rule == nullptr) {
    ADD_FAILURE() << "rule missing: " << id;
    std::abort();
  }
  return *rule;
}

TEST(RuleRegistry, SortedAndUnique) {
  const auto rules = AllRules();
  ASSERT_FALSE(rules.empty());
  for (std::size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1].id, rules[i].id) << "at index " << i;
  }
}

TEST(RuleRegistry, HoldsEveryContractRuleAndNothingElse) {
  for (std::string_view id : kContractRuleIds) {
    const RuleInfo* rule = FindRule(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_EQ(rule->id, id);
  }
  EXPECT_EQ(AllRules().size(), kContractRuleIds.size());
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

TEST(RuleRegistry, DefaultSeveritiesFollowTheContract) {
  EXPECT_EQ(Rule("lifetime-below-target").default_severity, Severity::kError);
  EXPECT_EQ(Rule("session-duration-exceeds-role-max").default_severity, Severity::kWarning);
  EXPECT_EQ(Rule("assumed-default").default_severity, Severity::kNote);
  EXPECT_EQ(Rule("option-ignored").default_severity, Severity::kNote);
  EXPECT_EQ(Rule("signature-missing").default_severity, Severity::kNote);
  EXPECT_EQ(Rule("signature-not-checked").default_severity, Severity::kNote);
  EXPECT_EQ(Rule("certificate-expired").default_severity, Severity::kWarning);
  EXPECT_EQ(Rule("destination-mismatch").default_severity, Severity::kWarning);
  EXPECT_EQ(Rule("signature-weak-algorithm").default_severity, Severity::kWarning);
  EXPECT_EQ(Rule("assertion-not-signed").default_severity, Severity::kWarning);
  EXPECT_EQ(Rule("session-duration-out-of-range").default_severity, Severity::kError);
  EXPECT_EQ(Rule("cloud-undetected").default_severity, Severity::kWarning);
}

TEST(RuleRegistry, RulesThatRejectOrBreakInputAreErrors) {
  // cli-contract.md § Decisions, Default severities: error.
  constexpr std::array<std::string_view, 30> kErrors = {
      "input-unreadable",
      "xml-malformed",
      "xml-doctype",
      // make an evaluation rejected
      "duration-out-of-range",
      "duration-exceeds-role-max",
      "role-chaining-limit",
      "permission-set-duration-out-of-range",
      "role-max-out-of-range",
      "login-session-out-of-range",
      "session-expired",
      "lifetime-below-target",
      "assertion-expired",
      "assertion-not-yet-valid",
      "redemption-window-exceeded",
      "status-not-success",
      "role-attribute-missing",
      "role-attribute-malformed",
      "role-session-name-missing",
      "role-session-name-invalid",
      "source-identity-invalid",
      "audience-mismatch",
      "recipient-mismatch",
      "multiple-assertions",
      "duplicate-id",
      // trust rules other than the two notes and the warnings
      "signature-invalid",
      "signature-not-covering-assertion",
      "signature-key-untrusted",
      "xml-comment-in-value",
      "encrypted-assertion-no-key",
      "session-duration-out-of-range",
  };
  for (std::string_view id : kErrors) {
    EXPECT_EQ(Rule(id).default_severity, Severity::kError) << id;
  }
}

TEST(RuleRegistry, CategoriesFollowTheContractGroups) {
  EXPECT_EQ(Rule("lifetime-below-target").category, RuleCategory::kLifetime);
  EXPECT_EQ(Rule("assumed-default").category, RuleCategory::kLifetime);
  EXPECT_EQ(Rule("assertion-expired").category, RuleCategory::kAssertion);
  EXPECT_EQ(Rule("destination-mismatch").category, RuleCategory::kAssertion);
  EXPECT_EQ(Rule("signature-missing").category, RuleCategory::kTrust);
  EXPECT_EQ(Rule("assertion-not-signed").category, RuleCategory::kTrust);
  EXPECT_EQ(Rule("xml-doctype").category, RuleCategory::kTrust);
  for (std::string_view id :
       {"input-unreadable", "xml-malformed", "role-not-in-assertion", "declaration-conflict",
        "declaration-unresolved", "option-ignored", "cloud-undetected", "idp-value-unknown"}) {
    EXPECT_EQ(Rule(id).category, RuleCategory::kInput) << id;
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
  EXPECT_NE(Rule("duration-exceeds-role-max")
                .rationale.find("The requested DurationSeconds exceeds the MaxSessionDuration set "
                                "for this role."),
            std::string_view::npos);
  EXPECT_NE(Rule("role-chaining-limit")
                .rationale.find("The requested DurationSeconds exceeds the 1 hour session limit "
                                "for roles assumed by role chaining."),
            std::string_view::npos);
  EXPECT_NE(Rule("redemption-window-exceeded")
                .rationale.find("Token must be redeemed within 5 minutes of issuance"),
            std::string_view::npos);
  EXPECT_NE(Rule("assertion-expired").rationale.find("Response has expired"),
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
