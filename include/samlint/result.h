/// The report model: what one input (or the declarations alone) resolves to.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/scenario.h"
#include "samlint/timestamp.h"

namespace samlint {

/// The factor names of lifetime-rules.md, in the order reports list them.
enum class FactorName {
  kSessionDurationAttribute,
  kSessionNotOnOrAfter,
  kLoginSessionDuration,
  kRoleMaxSessionDuration,
  kDurationSeconds,
  kPermissionSetSessionDuration,
  kRoleChainingLimit,
  kSpSessionLimit,  ///< saml:generic: the service provider's own cap (more-clouds.md)
  kWorkforcePoolSessionDuration,  ///< Google: the workforce pool's sessionDuration
};

/// "session_duration_attribute", "session_not_on_or_after", ...
std::string_view FactorKey(FactorName name);

/// Where a factor's value came from.
enum class FactorOrigin {
  kDocument,  ///< read from the SAML response
  kDeclared,  ///< given by the user (an option or a declarations file)
  kDefault,   ///< the documented default, because nothing was declared
  kFixed,     ///< a fixed cap of the cloud (role chaining)
};

/// One value that caps (or, in `context`, only describes) a session.
struct Factor {
  FactorName name = FactorName::kDurationSeconds;
  std::int64_t seconds = 0;
  FactorOrigin origin = FactorOrigin::kDeclared;
  /// For document factors: covered by a verified signature. nullopt (JSON null) otherwise.
  std::optional<bool> is_signed;
  std::optional<std::size_t> offset;  ///< document factors only: byte offset
  std::optional<Location> source;     ///< the same place as line:column
  std::string via;                    ///< the option or document path it came from, for people
  bool inferred = false;
  /// IdP configuration inputs: the setting that declares this document value
  /// (a Keycloak mapper, an Okta attribute statement, the realm's SSO Session Max).
  std::string configured_by{};

  bool assumed() const { return origin == FactorOrigin::kDefault; }
};

enum class Outcome { kIssued, kRejected };

/// One scenario evaluated for one role (or for no role).
struct Evaluation {
  ScenarioId scenario = ScenarioId::kAwsSamlConsole;
  std::optional<std::string> role;
  std::optional<std::string> provider;
  Outcome outcome = Outcome::kIssued;
  std::optional<std::int64_t> effective_seconds;  ///< nullopt when rejected
  std::optional<std::int64_t> target_seconds;
  std::vector<FactorName> binding;       ///< factors equal to the minimum, in factor order
  std::vector<FactorName> clamps;        ///< factors below the target, tightest first
  std::vector<Factor> factors;           ///< in the order of lifetime-rules.md's table
  std::vector<Factor> context;           ///< reported values that do not limit this scenario
  std::vector<std::string> rejected_by;  ///< rule ids that made it rejected
  /// Audit events: the lifetime the credentials really had (expiration - eventTime).
  std::optional<std::int64_t> observed_seconds;
};

/// The signature verdict about the assertion the cloud reads.
struct SignatureSummary {
  std::string status;               ///< "verified", "invalid", "missing", "not-checked"
  std::vector<std::string> covers;  ///< "response", "assertion"
  std::optional<std::string> algorithm;
  std::optional<std::string> digest;
  std::optional<std::string> key;
};

/// One value of the Role attribute that parsed as a role/provider pair.
struct RolePair {
  std::string role;
  std::string provider;
  std::optional<bool> is_signed;
  std::optional<std::size_t> offset;
  std::optional<Location> source;
};

enum class ResultKind {
  kSamlResponse,
  kDeclarations,
  kUnreadable,
  kStsRequest,        ///< an AssumeRoleWithSAML request with its assertion
  kCloudTrailEvent,   ///< an AWS CloudTrail STS event
  kActionTrailEvent,  ///< an Alibaba Cloud ActionTrail STS event
  kIdpConfig,         ///< one SAML application of an IdP configuration (no response)
  kConfig,            ///< a samlint.toml project configuration
};

/// "saml-response", "declarations", "unreadable", "sts-request",
/// "cloudtrail-event", "actiontrail-event", "idp-config", "config".
std::string_view ResultKindName(ResultKind kind);

/// A SAML response as read once by the pipeline (defined in src/pipeline/).
struct ResponseRead;

/// The work checking one input did, so tests can bound it (never reported).
struct WorkCounters {
  std::size_t signatures_seen = 0;    ///< ds:Signature elements in the document
  std::size_t verifications = 0;      ///< signature verifications run (one per signature and key)
  std::size_t canonicalizations = 0;  ///< canonical forms computed for digests and SignedInfo
  std::size_t xml_nodes = 0;          ///< XML nodes read by the extractor
};

/// Everything samlint says about one input.
struct CheckResult {
  std::optional<std::string> input;  ///< as given; nullopt for declarations
  std::string part;                  ///< JSON Pointer into a multi-response input, or empty
  ResultKind kind = ResultKind::kUnreadable;
  std::optional<Cloud> cloud;
  std::optional<SignatureSummary> signature;  ///< SAML results only
  std::vector<RolePair> roles;
  std::vector<Evaluation> evaluations;
  std::vector<Diagnostic> diagnostics;

  // For the people-facing reports.
  std::string encoding;            ///< how the XML was wrapped ("xml", "base64", ...)
  std::optional<Timestamp> t_use;  ///< the instant factors were measured from
  std::string t_use_source;        ///< "--now", "Assertion/@IssueInstant", ...
  std::string issuer;
  std::string subject;       ///< the NameID, redacted unless --show-identities
  std::string assertion_id;  ///< ID of the assertion the values came from (joins audit events)
  /// SAML responses with an assertion ID: the response as read (decoded,
  /// parsed, signatures verified), kept so an audit event can be joined with it
  /// without reading it again. Opaque outside the library.
  std::shared_ptr<const ResponseRead> response;
  std::string capture_url;        ///< HAR / SAML-tracer: where the response was posted
  std::string capture_time;       ///< HAR / SAML-tracer: when, as the capture says
  bool cloud_undetected = false;  ///< a scenario needed the cloud and nothing told it
  /// Findings left out by an inline `samlint-disable` comment or the --baseline.
  int suppressed = 0;
  /// Audit events: what the event says, kept so it can be joined with a response.
  std::string event_assertion_id;
  std::string event_role;
  std::string event_name;
  std::optional<Timestamp> event_time;
  std::optional<std::int64_t> event_duration;
  std::optional<Timestamp> event_expiration;
  std::string event_error_code;
  std::string event_error_message;
  /// IdP configuration: the product ("keycloak", "okta") and the application's
  /// client id or resource address.
  std::string idp;
  std::string idp_client;
  WorkCounters work;
};

/// True when any diagnostic has error severity.
bool HasErrors(const CheckResult& result);

}  // namespace samlint
