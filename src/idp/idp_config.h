// IdP configuration as code (a Keycloak realm export, a Terraform plan with
// okta_app_saml / keycloak_saml_client resources) read into the facts a SAML
// response from that IdP would yield, so the same evaluation and checks apply
// without a captured response. Internal to the library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "idp/idp_parts.h"
#include "parse/facts.h"
#include "samlint/limits.h"
#include "samlint/timestamp.h"

namespace samlint {

/// Detects an IdP configuration by content and reads each SAML application
/// into facts, times measured from `issued` (the moment of sign-in).
/// Not recognised: `recognised` false. Never throws; work bounded by `limits`.
IdpConfigSplit ReadIdpConfig(std::string_view text, Timestamp issued, const Limits& limits = {});

}  // namespace samlint
