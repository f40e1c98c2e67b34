// Terraform plans (`terraform show -json`) whose resources configure SAML
// applications: okta_app_saml (idp/terraform_okta.h) and keycloak_saml_client
// with its mappers and realm (idp/terraform_keycloak.h). Internal.
#pragma once

#include <string>
#include <string_view>

#include "idp/idp_app.h"
#include "idp/idp_config.h"
#include "samlint/timestamp.h"

namespace samlint::idp {

/// One resource of the plan, wherever it was found.
struct TfResource {
  std::string address;
  std::string type;
  std::string name;
  Node resource = nullptr;
  Node values = nullptr;
  Node unknown = nullptr;  ///< change.after_unknown
  std::string pointer;
};

/// True when the plan marks `key` of `unknown` (change.after_unknown) as
/// known only after apply.
bool UnknownAt(Node unknown, std::string_view key);

/// An application read from the plan's resource `r` of the IdP `idp`.
App PlanApp(const TfResource& r, std::string idp);

/// A plan or state: "format_version" and planned_values, resource_changes or values.
bool IsTerraformPlan(Node doc);

/// Appends to `out.parts` every okta_app_saml and keycloak_saml_client of the
/// plan that sends cloud role attributes (at most kMaxApplications), with
/// mappers and realms matched to clients by configuration references.
void TerraformPlan(Node doc, Timestamp issued, IdpConfigSplit& out);

}  // namespace samlint::idp
