// IdP configuration inputs through the pipeline: one result per SAML application.
#pragma once

#include <string_view>
#include <vector>

#include "idp/idp_config.h"
#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint {

/// The results of an IdP configuration input (a Keycloak realm export, a
/// Terraform plan with okta_app_saml / keycloak_saml_client) that
/// ReadIdpConfig recognised as `split`; `bytes` is the input it read. Never throws.
std::vector<CheckResult> CheckIdpConfig(std::string_view input_name, std::string_view bytes,
                                        const IdpConfigSplit& split, const CheckOptions& options);

}  // namespace samlint
