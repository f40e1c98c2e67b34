// The rule ids cli-contract.md promises: its "Rule ids" table and the ids its
// "Decisions" add, each with the default severity its "Default severities" and
// "Rule ids added" decisions give. The one hand-written list of rule ids in
// the tests; every other list comes from the registry (samlint::AllRules()).
// It changes only when the contract does: an id may be added, none may ever
// disappear.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "samlint/diagnostic.h"

namespace samlint::testing {

struct ContractRule {
  std::string_view id;
  std::optional<Severity> default_severity;  ///< nullopt: the contract does not say
};

inline constexpr auto kContractRules = std::to_array<ContractRule>({
    // Lifetime
    {"lifetime-below-target", Severity::kError},
    {"duration-exceeds-role-max", Severity::kError},
    {"duration-out-of-range", Severity::kError},
    {"role-chaining-limit", Severity::kError},
    {"session-duration-out-of-range", Severity::kError},
    {"session-duration-exceeds-role-max", Severity::kWarning},
    {"session-expired", Severity::kError},
    {"role-max-out-of-range", Severity::kError},
    {"login-session-out-of-range", Severity::kError},
    {"permission-set-duration-out-of-range", Severity::kError},
    {"assumed-default", Severity::kNote},
    // Assertion
    {"assertion-expired", Severity::kError},
    {"assertion-not-yet-valid", Severity::kError},
    {"redemption-window-exceeded", Severity::kError},
    {"status-not-success", Severity::kError},
    {"role-attribute-missing", Severity::kError},
    {"role-attribute-malformed", Severity::kError},
    {"role-session-name-missing", Severity::kError},
    {"role-session-name-invalid", Severity::kError},
    {"source-identity-invalid", Severity::kError},
    {"audience-mismatch", Severity::kError},
    {"recipient-mismatch", Severity::kError},
    {"destination-mismatch", Severity::kWarning},
    {"multiple-assertions", Severity::kError},
    {"duplicate-id", Severity::kError},
    {"input-unreadable", Severity::kError},
    {"xml-malformed", Severity::kError},
    // Trust
    {"signature-missing", Severity::kNote},
    {"signature-invalid", Severity::kError},
    {"signature-not-covering-assertion", Severity::kError},
    {"signature-weak-algorithm", Severity::kWarning},
    {"signature-key-untrusted", Severity::kError},
    {"xml-doctype", Severity::kError},
    {"xml-comment-in-value", Severity::kError},
    {"encrypted-assertion-no-key", Severity::kError},
    {"certificate-expired", Severity::kWarning},
    {"signature-not-checked", Severity::kNote},
    {"assertion-not-signed", Severity::kWarning},
    // Inputs and declarations
    {"role-not-in-assertion", std::nullopt},
    {"declaration-conflict", std::nullopt},
    {"declaration-unresolved", std::nullopt},
    {"option-ignored", Severity::kNote},
    // Decisions: rule ids added
    {"cloud-undetected", Severity::kWarning},
    {"issuer-mismatch", Severity::kError},
    {"observed-lifetime-short", Severity::kWarning},
    {"sts-call-failed", Severity::kError},
    {"idp-value-unknown", Severity::kNote},
    {"config-invalid", Severity::kError},
    {"suppression-invalid", Severity::kWarning},
    {"suppression-unused", Severity::kWarning},
});

}  // namespace samlint::testing
