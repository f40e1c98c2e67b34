/// The rule registry: every rule id samlint reports, with its documentation.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"

namespace samlint {

/// What a rule is about; drives grouping in `samlint rules` and SARIF tags.
enum class RuleCategory { kLifetime, kAssertion, kTrust, kInput };

/// One rule's documentation. All strings are static.
struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  RuleCategory category;
  std::string_view summary;    ///< one sentence: what fires it
  std::string_view rationale;  ///< why it matters
  std::string_view example;    ///< a situation that fires it
  std::string_view fix;        ///< what to change
  std::string_view reference;  ///< vendor document or spec section
};

/// Every rule, sorted by id.
std::span<const RuleInfo> AllRules();

/// The rule with this id, or nullptr.
const RuleInfo* FindRule(std::string_view id);

/// Whether `selector` (--select, --ignore, samlint.toml `select`) names a
/// rule: "ALL", a rule id, or a prefix of rule ids ("signature-", "role").
bool SelectsAnyRule(std::string_view selector);

/// What a rule selector is likely meant to be, for did-you-mean suggestions:
/// every rule id and every prefix its words make ("signature-",
/// "role-session-"), sorted, without duplicates.
std::vector<std::string> RuleSelectorNames();

/// "lifetime", "assertion", "trust" or "input".
std::string_view CategoryName(RuleCategory category);

}  // namespace samlint
