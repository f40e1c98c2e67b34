// Okta SAML applications of a Terraform plan (okta_app_saml). Internal.
#pragma once

#include "idp/idp_config.h"
#include "idp/terraform_plan.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

/// Appends to `out.parts` the okta_app_saml resource `r` when it sends a
/// cloud role attribute (or is the AWS Account Federation app).
void OktaApp(const TfResource& r, Timestamp issued, IdpConfigSplit& out);

}  // namespace samlint::idp
