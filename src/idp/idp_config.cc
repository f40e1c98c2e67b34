// Reading IdP configuration as code into the facts a response would carry:
// detection and dispatch. The products: Keycloak realm exports
// (idp/keycloak_realm.cc) and Terraform plans (idp/terraform_plan.cc) with
// okta_app_saml (idp/terraform_okta.cc) or keycloak_saml_client
// (idp/terraform_keycloak.cc) resources; what they share is idp/idp_app.cc.
#include "idp/idp_config.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <string>
#include <vector>

#include "idp/idp_app.h"
#include "idp/keycloak_realm.h"
#include "idp/terraform_plan.h"
#include "parse/cloud.h"
#include "parse/doc_tree.h"

namespace samlint {
namespace {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

/// Cheap by-content test before any parse: the markers each format must carry.
bool MayBeIdpConfig(std::string_view text) {
  auto has = [&](std::string_view s) { return text.find(s) != std::string_view::npos; };
  if (has("\"format_version\"") && (has("\"okta_app_saml\"") || has("\"keycloak_saml_client\""))) {
    return true;
  }
  return has("\"realm\"") && has("\"clients\"") && has("\"saml\"");
}

}  // namespace

IdpConfigSplit ReadIdpConfig(std::string_view text, Timestamp issued, const Limits& limits) {
  IdpConfigSplit out;
  if (!MayBeIdpConfig(text)) return out;
  try {
    std::deque<Value> arena;
    Budget budget(limits);
    Result<std::vector<Node>> roots = ParseDocuments(text, "the input", arena, budget);
    if (!roots.ok()) {
      // Text with an IdP configuration's markers that reached a limit is
      // reported here; any other error is not ours to explain.
      if (!budget.limit.empty()) {
        out.recognised = true;
        out.error = roots.error();
        out.limit = budget.limit;
      }
      return out;
    }
    if (roots->size() != 1) return out;
    Node root = roots->front();
    if (idp::IsKeycloakRealm(root)) {
      out.recognised = true;
      idp::KeycloakRealm(root, "", issued, out);
    } else if (IsSequence(root) && !root->items.empty() &&
               std::all_of(root->items.begin(), root->items.end(), idp::IsKeycloakRealm)) {
      out.recognised = true;
      for (std::size_t i = 0; i < root->items.size(); ++i) {
        idp::KeycloakRealm(root->items[i], "/" + std::to_string(i), issued, out);
      }
    } else if (idp::IsTerraformPlan(root)) {
      idp::TerraformPlan(root, issued, out);
      out.recognised = !out.parts.empty();
    }
    if (out.parts.size() >= idp::kMaxApplications) {
      out.parts.back().unknowns.push_back(
          {"samlint reads at most " + std::to_string(idp::kMaxApplications) +
               " SAML applications from one input; the ones after this were not checked.",
           0});
    }
    if (out.recognised && out.parts.empty()) {
      out.error =
          "The Keycloak realm export has no SAML client that sends the AWS or Alibaba "
          "Cloud role attributes.";
    }
  } catch (const std::exception&) {
    out = IdpConfigSplit{};
  }
  return out;
}

}  // namespace samlint
