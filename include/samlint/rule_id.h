/// Rule ids as constants: a misspelt or unregistered rule id is a compile error.
#pragma once

#include <string_view>

namespace samlint {

/// The id of a rule in the registry (`samlint/rules.h`). Only the constants of
/// `Rule` make one, so code that reports or compares a rule cannot name a rule
/// that does not exist. Reports print `name()`.
class RuleId {
 public:
  /// The stable id, e.g. "lifetime-below-target".
  constexpr std::string_view name() const { return name_; }

  friend constexpr bool operator==(RuleId a, RuleId b) { return a.name_ == b.name_; }
  /// Compares with an id read back from a diagnostic, a config or a command line.
  friend constexpr bool operator==(RuleId id, std::string_view name) { return id.name_ == name; }

 private:
  friend struct Rule;
  explicit constexpr RuleId(std::string_view name) : name_(name) {}

  std::string_view name_;
};

/// Every rule id, one constant per registry entry, sorted by id. `tools/add-rule`
/// adds a line here together with the registry entry, its docs and its test.
struct Rule {
  static constexpr RuleId kAssertionExpired{"assertion-expired"};
  static constexpr RuleId kAssertionMissing{"assertion-missing"};
  static constexpr RuleId kAssertionNotSigned{"assertion-not-signed"};
  static constexpr RuleId kAssertionNotYetValid{"assertion-not-yet-valid"};
  static constexpr RuleId kAssumedDefault{"assumed-default"};
  static constexpr RuleId kAudienceMismatch{"audience-mismatch"};
  static constexpr RuleId kCertificateExpired{"certificate-expired"};
  static constexpr RuleId kCertificateNotYetValid{"certificate-not-yet-valid"};
  static constexpr RuleId kCloudUndetected{"cloud-undetected"};
  static constexpr RuleId kConfigInvalid{"config-invalid"};
  static constexpr RuleId kContentOutsideAssertion{"content-outside-assertion"};
  static constexpr RuleId kDeclarationConflict{"declaration-conflict"};
  static constexpr RuleId kDeclarationUnresolved{"declaration-unresolved"};
  static constexpr RuleId kDestinationMismatch{"destination-mismatch"};
  static constexpr RuleId kDuplicateId{"duplicate-id"};
  static constexpr RuleId kDurationExceedsRoleMax{"duration-exceeds-role-max"};
  static constexpr RuleId kDurationOutOfRange{"duration-out-of-range"};
  static constexpr RuleId kEncryptedAssertionNoKey{"encrypted-assertion-no-key"};
  static constexpr RuleId kIdpValueUnknown{"idp-value-unknown"};
  static constexpr RuleId kInputUnreadable{"input-unreadable"};
  static constexpr RuleId kIssuerMismatch{"issuer-mismatch"};
  static constexpr RuleId kLifetimeBelowTarget{"lifetime-below-target"};
  static constexpr RuleId kLifetimeUnbounded{"lifetime-unbounded"};
  static constexpr RuleId kLimitExceeded{"limit-exceeded"};
  static constexpr RuleId kLoginSessionOutOfRange{"login-session-out-of-range"};
  static constexpr RuleId kMultipleAssertions{"multiple-assertions"};
  static constexpr RuleId kNamespacePrefixRebound{"namespace-prefix-rebound"};
  static constexpr RuleId kObservedLifetimeShort{"observed-lifetime-short"};
  static constexpr RuleId kOptionIgnored{"option-ignored"};
  static constexpr RuleId kPermissionSetDurationOutOfRange{"permission-set-duration-out-of-range"};
  static constexpr RuleId kRecipientMismatch{"recipient-mismatch"};
  static constexpr RuleId kRedemptionWindowExceeded{"redemption-window-exceeded"};
  static constexpr RuleId kRoleAttributeMalformed{"role-attribute-malformed"};
  static constexpr RuleId kRoleAttributeMissing{"role-attribute-missing"};
  static constexpr RuleId kRoleChainingLimit{"role-chaining-limit"};
  static constexpr RuleId kRoleMaxOutOfRange{"role-max-out-of-range"};
  static constexpr RuleId kRoleNotInAssertion{"role-not-in-assertion"};
  static constexpr RuleId kRoleSessionNameInvalid{"role-session-name-invalid"};
  static constexpr RuleId kRoleSessionNameMissing{"role-session-name-missing"};
  static constexpr RuleId kSessionDurationExceedsRoleMax{"session-duration-exceeds-role-max"};
  static constexpr RuleId kSessionDurationOutOfRange{"session-duration-out-of-range"};
  static constexpr RuleId kSessionExpired{"session-expired"};
  static constexpr RuleId kSignatureAlgorithmUnsupported{"signature-algorithm-unsupported"};
  static constexpr RuleId kSignatureInvalid{"signature-invalid"};
  static constexpr RuleId kSignatureKeyUntrusted{"signature-key-untrusted"};
  static constexpr RuleId kSignatureMissing{"signature-missing"};
  static constexpr RuleId kSignatureNotChecked{"signature-not-checked"};
  static constexpr RuleId kSignatureNotCoveringAssertion{"signature-not-covering-assertion"};
  static constexpr RuleId kSignatureWeakAlgorithm{"signature-weak-algorithm"};
  static constexpr RuleId kSourceIdentityInvalid{"source-identity-invalid"};
  static constexpr RuleId kStatusNotSuccess{"status-not-success"};
  static constexpr RuleId kStsCallFailed{"sts-call-failed"};
  static constexpr RuleId kSuppressionInvalid{"suppression-invalid"};
  static constexpr RuleId kSuppressionUnused{"suppression-unused"};
  static constexpr RuleId kWorkforcePoolSessionOutOfRange{"workforce-pool-session-out-of-range"};
  static constexpr RuleId kWorkforcePoolSignInDisabled{"workforce-pool-sign-in-disabled"};
  static constexpr RuleId kXmlCommentInValue{"xml-comment-in-value"};
  static constexpr RuleId kXmlDoctype{"xml-doctype"};
  static constexpr RuleId kXmlMalformed{"xml-malformed"};
};

}  // namespace samlint
