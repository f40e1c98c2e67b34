/// The rule registry: every rule id samlint reports, with its documentation.
#pragma once

#include <span>
#include <string_view>

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

/// "lifetime", "assertion", "trust" or "input".
std::string_view CategoryName(RuleCategory category);

}  // namespace samlint
