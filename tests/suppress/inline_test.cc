// suppress/inline: `<!-- samlint-disable RULE: reason -->` comments applied to
// a result's diagnostics by byte offset.
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "samlint/suppress.h"
#include "support/check_result.h"

namespace samlint {
namespace {

using samlint::testing::RuleIdsOf;

constexpr const char* kRule = "role-session-name-missing";

Diagnostic At(std::optional<std::size_t> offset, const std::string& rule = kRule) {
  Diagnostic d;
  d.rule = rule;
  d.message = "m";
  d.offset = offset;
  return d;
}

const std::string kScoped =
    "<r>\n"
    "  <!-- samlint-disable role-session-name-missing: the IdP sets it later -->\n"
    "  <a><b/></a>\n"
    "  <c/>\n"
    "</r>\n";

TEST(InlineSuppressions, AScopedCommentCoversTheNextElementAndItsSubtree) {
  for (const char* inside : {"<a>", "<b/>", "</a>"}) {
    CheckResult result;
    result.diagnostics = {At(kScoped.find(inside))};
    ApplyInlineSuppressions(kScoped, result);
    EXPECT_TRUE(result.diagnostics.empty()) << inside;
    EXPECT_EQ(result.suppressed, 1) << inside;
  }
}

TEST(InlineSuppressions, WhatFollowsTheElementIsNotCoveredAndTheCommentIsUnused) {
  for (std::optional<std::size_t> outside :
       {std::optional<std::size_t>(kScoped.find("<c/>")), std::optional<std::size_t>(0),
        std::optional<std::size_t>()}) {
    CheckResult result;
    result.diagnostics = {At(outside)};
    ApplyInlineSuppressions(kScoped, result);
    EXPECT_EQ(RuleIdsOf(result), (std::vector<std::string>{kRule, "suppression-unused"}));
    EXPECT_EQ(result.suppressed, 0);
    EXPECT_EQ(result.diagnostics[1].offset, kScoped.find("<!--"));
  }
}

TEST(InlineSuppressions, OtherRulesAreNotSuppressed) {
  CheckResult result;
  result.diagnostics = {At(kScoped.find("<b/>"), "audience-mismatch")};
  ApplyInlineSuppressions(kScoped, result);
  EXPECT_EQ(RuleIdsOf(result),
            (std::vector<std::string>{"audience-mismatch", "suppression-unused"}));
}

TEST(InlineSuppressions, ACommentBeforeTheRootCoversTheWholeFile) {
  const std::string xml =
      "<!-- samlint-disable role-session-name-missing: accepted -->\n<r><a/></r>\n";
  CheckResult result;
  result.diagnostics = {At(xml.find("<a/>")), At(std::nullopt)};
  ApplyInlineSuppressions(xml, result);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.suppressed, 2);
}

TEST(InlineSuppressions, AReasonlessOrUnknownOrTrustRuleCommentSuppressesNothing) {
  for (const std::string comment : {"<!-- samlint-disable role-session-name-missing -->",
                                    "<!-- samlint-disable role-session-name-mising: typo -->",
                                    "<!-- samlint-disable signature-invalid: trust me -->",
                                    "<!-- samlint-disable: no rule -->"}) {
    const std::string xml = comment + "\n<r/>\n";
    CheckResult result;
    result.diagnostics = {At(xml.find("<r/>"))};
    ApplyInlineSuppressions(xml, result);
    EXPECT_EQ(RuleIdsOf(result), (std::vector<std::string>{kRule, "suppression-invalid"}))
        << comment;
    EXPECT_EQ(result.suppressed, 0) << comment;
  }
}

TEST(InlineSuppressions, ProseThatMentionsTheDirectiveIsNoDirective) {
  const std::string xml = "<!-- samlint-disabled for a while: see ticket -->\n<r/>\n";
  CheckResult result;
  result.diagnostics = {At(xml.find("<r/>"))};
  ApplyInlineSuppressions(xml, result);
  EXPECT_EQ(RuleIdsOf(result), (std::vector<std::string>{kRule}));
}

}  // namespace
}  // namespace samlint
