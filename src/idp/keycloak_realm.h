// Keycloak realm exports (admin console "Partial export", kc.sh export) read
// into one application per SAML client. Internal.
#pragma once

#include <string>

#include "idp/idp_app.h"
#include "idp/idp_config.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

/// A realm object: a scalar "realm" and a "clients" sequence.
bool IsKeycloakRealm(Node n);

/// Appends to `out.parts` the SAML clients of `realm` that send a cloud role
/// attribute or name a cloud Audience (at most kMaxApplications in all);
/// `pointer` is the realm's JSON Pointer ("" for the whole input).
void KeycloakRealm(Node realm, const std::string& pointer, Timestamp issued, IdpConfigSplit& out);

}  // namespace samlint::idp
