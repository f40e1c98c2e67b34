// What one IdP configuration holds: its SAML applications read into the
// facts a response would carry (IdpConfigPart), and what could not be known
// before sign-in. Shared by the product readers and ReadIdpConfig
// (idp/idp_config.h). Internal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/facts.h"
#include "samlint/limits.h"
#include "samlint/timestamp.h"

namespace samlint {

/// What the configuration makes the IdP sign, and with which algorithm.
struct IdpSigning {
  bool response_signed = false;
  bool assertion_signed = false;
  std::string algorithm;             ///< short name ("rsa-sha256"); empty when unknown
  std::string digest;                ///< short name ("sha256"); empty when unknown
  std::size_t offset = 0;            ///< where the signing settings are
  std::size_t algorithm_offset = 0;  ///< where the algorithm is set
};

/// A value the configuration leaves to be computed at sign-in or at apply.
struct IdpUnknown {
  std::string message;
  std::size_t offset = 0;
};

/// One SAML application (a Keycloak client, an Okta app) of the configuration.
struct IdpConfigPart {
  std::string pointer;  ///< JSON Pointer of the client / resource
  std::string idp;      ///< "keycloak" or "okta"
  std::string name;     ///< client id or resource address, for people
  std::string origin;   ///< "Keycloak realm export", "Terraform plan", ...
  ResponseFacts facts;  ///< one Response with one Assertion, issued at the time given
  IdpSigning signing;
  bool roles_unknown = false;
  bool role_session_name_unknown = false;
  bool recipient_unknown = false;
  bool audience_unknown = false;
  std::vector<IdpUnknown> unknowns;
  /// Where each document factor is declared, to name it in fixes ("" if nowhere).
  std::string session_duration_where;
  std::string session_not_on_or_after_where;
};

struct IdpConfigSplit {
  bool recognised = false;  ///< the input is an IdP configuration samlint reads
  std::string error;        ///< recognised but unreadable (one sentence)
  /// The work limit the input reached ("json-nodes", "input-bytes"), else
  /// empty; `error` then ends with LimitHint's words.
  std::string limit;
  std::vector<IdpConfigPart> parts;
};

}  // namespace samlint
