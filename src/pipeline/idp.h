// IdP configuration inputs through the pipeline: one result per SAML application.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint {

/// The results of an IdP configuration input (a Keycloak realm export, a
/// Terraform plan with okta_app_saml / keycloak_saml_client), or nullopt when
/// `bytes` is not one. Never throws.
std::optional<std::vector<CheckResult>> CheckIdpConfig(std::string_view input_name,
                                                       std::string_view bytes,
                                                       const CheckOptions& options);

}  // namespace samlint
