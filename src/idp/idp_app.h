// What the IdP configuration readers (idp/keycloak_realm.cc,
// idp/terraform_*.cc) share: one SAML application as its configuration
// describes it, turned into the facts of the response it would sign. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "declare/doc_tree.h"
#include "idp/idp_config.h"
#include "parse/facts.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

using doc_tree::Node;

/// The AWS SAML attributes' name prefix (Role, RoleSessionName, SessionDuration).
inline constexpr std::string_view kAwsAttributePrefix = "https://aws.amazon.com/SAML/Attributes/";
/// Applications read from one input at most (each becomes a result).
inline constexpr std::size_t kMaxApplications = 1000;
/// Keycloak's defaults (RealmRepresentation / DefaultKeycloakSession...), seconds.
inline constexpr std::int64_t kKeycloakAccessCodeLifespan = 60;
inline constexpr std::int64_t kKeycloakAccessTokenLifespan = 300;

/// What one application's configuration says, before it becomes facts.
struct App {
  IdpConfigPart part;
  std::size_t offset = 0;
  std::optional<std::string> audience;
  std::size_t audience_offset = 0;
  std::optional<std::string> recipient;
  std::size_t recipient_offset = 0;
  std::optional<std::string> destination;
  std::size_t destination_offset = 0;
  std::vector<AttributeFact> attributes;
  bool authn_statement = true;
  std::optional<std::int64_t> session_max;
  std::size_t session_max_offset = 0;
  std::int64_t conditions_lifespan = 300;
  std::size_t conditions_offset = 0;
  std::int64_t subject_lifespan = 300;
  std::size_t subject_offset = 0;
  bool sends_cloud_attribute = false;
};

/// The byte offset of `n` in the input; 0 when `n` is null or has no mark.
std::size_t Pos(Node n);

/// `s` shortened to 80 characters and put in double quotes, for messages.
std::string Quote(std::string_view s);

/// Plain decimal seconds (up to 12 digits, spaces around allowed); nullopt
/// for anything else.
std::optional<std::int64_t> WholeSeconds(std::string_view text);

/// True when `n` is the scalar "true".
bool TrueText(Node n);

/// A digest name as the configuration writes it ("SHA256") in the report's
/// spelling ("sha256"): ASCII lowercased.
std::string DigestName(std::string_view name);

/// Keycloak's and Okta's algorithm names ("RSA_SHA256", "RSA_SHA256_MGF1")
/// as report short names: {"rsa-sha256", "sha256"}; an unknown name is
/// lowercased with an empty digest.
std::pair<std::string, std::string> AlgorithmNames(std::string_view name);

/// Sets the signing algorithm and digest from the `algorithm` setting
/// (Keycloak's and Okta's default RSA_SHA256 when it is absent), located at
/// `algorithm`, else at `fallback`.
void SetSignatureAlgorithm(App& app, Node algorithm, Node fallback);

/// True when the application sends a cloud role attribute or names a cloud
/// Audience: only such applications are reported.
bool SendsToACloud(const App& app);

/// Notes a value the configuration leaves to sign-in or apply.
void Unknown(App& app, std::string message, std::size_t offset);

/// One mapper / attribute statement (`who`, for messages) sends attribute
/// `name`: `values` when known, null when computed at sign-in. Only the
/// cloud attributes (AWS / Alibaba Cloud Role, RoleSessionName,
/// SessionDuration) are kept; a computed one is noted as unknown.
void SendAttribute(App& app, const std::string& name, std::size_t offset,
                   const std::vector<std::pair<std::string, std::size_t>>* values,
                   const std::string& who);

/// The application as the facts of one successful Response with one
/// Assertion issued at `issued`, its windows measured from then.
IdpConfigPart Finish(App app, Timestamp issued);

}  // namespace samlint::idp
