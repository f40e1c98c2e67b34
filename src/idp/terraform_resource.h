// One resource of a Terraform plan and what every product reader
// (idp/terraform_okta.h, idp/terraform_keycloak.h) asks of it. Internal.
#pragma once

#include <string>
#include <string_view>

#include "idp/idp_app.h"
#include "idp/idp_parts.h"
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

}  // namespace samlint::idp
