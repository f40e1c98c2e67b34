// Terraform plans (`terraform show -json`) whose resources configure SAML
// applications: okta_app_saml (idp/terraform_okta.h) and keycloak_saml_client
// with its mappers and realm (idp/terraform_keycloak.h). Internal.
#pragma once

#include <string>
#include <string_view>

#include "idp/idp_app.h"
#include "idp/idp_parts.h"
#include "idp/terraform_resource.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

/// A plan or state: "format_version" and planned_values, resource_changes or values.
bool IsTerraformPlan(Node doc);

/// Appends to `out.parts` every okta_app_saml and keycloak_saml_client of the
/// plan that sends cloud role attributes (at most kMaxApplications), with
/// mappers and realms matched to clients by configuration references.
void TerraformPlan(Node doc, Timestamp issued, IdpConfigSplit& out);

}  // namespace samlint::idp
