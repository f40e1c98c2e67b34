// Keycloak SAML clients of a Terraform plan (keycloak_saml_client with its
// protocol mappers and keycloak_realm). Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "idp/idp_config.h"
#include "idp/terraform_plan.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

/// The session and token lifespans a keycloak_realm resource sets.
struct KeycloakRealmTf {
  std::optional<std::int64_t> session_max;
  std::size_t session_max_offset = 0;
  bool session_max_unknown = false;
  std::optional<std::int64_t> access_code;
  std::size_t access_code_offset = 0;
  std::optional<std::int64_t> access_token;
  std::size_t access_token_offset = 0;
  std::string address;
};

/// A Go duration as the Terraform providers write them ("10h0m0s", "30m",
/// "45s") or plain seconds, in seconds; nullopt for anything else.
std::optional<std::int64_t> GoDuration(std::string_view text);

/// The lifespans of the keycloak_realm resource `r`.
KeycloakRealmTf ReadRealmTf(const TfResource& r);

/// Appends to `out.parts` the keycloak_saml_client `r` with the protocol
/// mapper resources `mappers` that belong to it and its realm (null when the
/// plan has none), when it sends a cloud role attribute or names a cloud
/// Audience.
void KeycloakTfClient(const TfResource& r, const std::vector<const TfResource*>& mappers,
                      const KeycloakRealmTf* realm, Timestamp issued, IdpConfigSplit& out);

}  // namespace samlint::idp
