// Terraform plan (`terraform show -json`, checked against the providers'
// documentation and source): planned_values.root_module (and child_modules)
// resources, resource_changes[].change.after and after_unknown,
// configuration.root_module.resources[].expressions for references.
#include "idp/terraform_plan.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "idp/terraform_keycloak.h"
#include "idp/terraform_okta.h"

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

namespace {

constexpr int kMaxModuleDepth = 64;
constexpr int kMaxModules = 10'000;

/// The addresses a resource's configuration expression `key` refers to.
std::vector<std::string> References(Node config_resource, std::string_view key) {
  std::vector<std::string> out;
  for (Node ref : Items(Get(Get(Get(config_resource, "expressions"), key), "references"))) {
    if (std::optional<std::string> t = Text(ref)) out.push_back(*t);
  }
  return out;
}

void CollectModule(Node module, const std::string& pointer, int depth, int& modules_left,
                   std::map<std::string, Node>& unknown_by_address, std::set<std::string>& seen,
                   std::vector<TfResource>& out) {
  if (!IsMap(module) || depth > kMaxModuleDepth || modules_left <= 0) return;
  --modules_left;
  std::size_t i = 0;
  for (Node res : Items(Get(module, "resources"))) {
    const std::size_t at = i++;
    TfResource r;
    r.address = Text(Get(res, "address")).value_or("");
    r.type = Text(Get(res, "type")).value_or("");
    r.name = Text(Get(res, "name")).value_or("");
    r.resource = res;
    r.values = Get(res, "values");
    r.pointer = pointer + "/resources/" + std::to_string(at);
    if (!r.address.empty() && !seen.insert(r.address).second) continue;
    if (auto u = unknown_by_address.find(r.address); u != unknown_by_address.end()) {
      r.unknown = u->second;
    }
    out.push_back(std::move(r));
  }
  std::size_t c = 0;
  for (Node child : Items(Get(module, "child_modules"))) {
    CollectModule(child, pointer + "/child_modules/" + std::to_string(c++), depth + 1, modules_left,
                  unknown_by_address, seen, out);
  }
}

}  // namespace

App PlanApp(const TfResource& r, std::string idp) {
  App app;
  app.offset = Pos(r.resource);
  app.part.idp = std::move(idp);
  app.part.origin = "Terraform plan";
  app.part.pointer = r.pointer;
  app.part.name = r.address;
  return app;
}

bool UnknownAt(Node unknown, std::string_view key) { return TrueText(Get(unknown, key)); }

bool IsTerraformPlan(Node doc) {
  return IsMap(doc) && Has(doc, "format_version") &&
         (Has(doc, "planned_values") || Has(doc, "resource_changes") || Has(doc, "values"));
}

void TerraformPlan(Node doc, Timestamp issued, IdpConfigSplit& out) {
  std::map<std::string, Node> unknown_by_address;
  Node changes = Get(doc, "resource_changes");
  for (Node change : Items(changes)) {
    if (std::optional<std::string> a = Text(Get(change, "address"))) {
      unknown_by_address.emplace(*a, Get(Get(change, "change"), "after_unknown"));
    }
  }
  std::vector<TfResource> resources;
  std::set<std::string> seen;
  int modules_left = kMaxModules;
  const bool plan = Has(doc, "planned_values");
  CollectModule(Get(Get(doc, plan ? "planned_values" : "values"), "root_module"),
                plan ? "/planned_values/root_module" : "/values/root_module", 0, modules_left,
                unknown_by_address, seen, resources);
  std::size_t i = 0;
  for (Node change : Items(changes)) {
    const std::size_t at = i++;
    std::optional<std::string> address = Text(Get(change, "address"));
    Node after = Get(Get(change, "change"), "after");
    if (!address || seen.contains(*address) || !IsMap(after)) continue;
    seen.insert(*address);
    TfResource r;
    r.address = *address;
    r.type = Text(Get(change, "type")).value_or("");
    r.name = Text(Get(change, "name")).value_or("");
    r.resource = change;
    r.values = after;
    r.unknown = Get(Get(change, "change"), "after_unknown");
    r.pointer = "/resource_changes/" + std::to_string(at);
    resources.push_back(std::move(r));
  }
  // Configuration references: which client and realm each mapper / client names.
  std::map<std::string, Node> config_by_address;
  for (Node res : Items(Get(Get(Get(doc, "configuration"), "root_module"), "resources"))) {
    if (std::optional<std::string> a = Text(Get(res, "address")))
      config_by_address.emplace(*a, res);
  }
  // The resource an expression of `from` refers to among `targets`
  // ("keycloak_saml_client.aws.id" and "keycloak_saml_client.aws" both name it).
  using Targets = std::map<std::string, const TfResource*, std::less<>>;
  auto referenced = [&](const TfResource& from, std::string_view key,
                        const Targets& targets) -> const TfResource* {
    auto c = config_by_address.find(from.address);
    if (c == config_by_address.end()) return nullptr;
    for (const std::string& ref : References(c->second, key)) {
      if (auto t = targets.find(ref); t != targets.end()) return t->second;
      if (std::size_t dot = ref.rfind('.'); dot != std::string::npos) {
        if (auto t = targets.find(std::string_view(ref).substr(0, dot)); t != targets.end()) {
          return t->second;
        }
      }
    }
    return nullptr;
  };
  std::vector<const TfResource*> clients, mappers, realms;
  Targets client_targets, realm_targets;
  for (const TfResource& r : resources) {
    if (!IsMap(r.values)) continue;
    if (r.type == "okta_app_saml") {
      if (out.parts.size() < kMaxApplications) OktaApp(r, issued, out);
    } else if (r.type == "keycloak_saml_client") {
      clients.push_back(&r);
      client_targets.emplace(r.address, &r);
    } else if (r.type == "keycloak_realm") {
      realms.push_back(&r);
      realm_targets.emplace(r.address, &r);
    } else if (r.type == "keycloak_generic_protocol_mapper" ||
               r.type == "keycloak_generic_client_protocol_mapper" ||
               r.type == "keycloak_saml_user_attribute_protocol_mapper" ||
               r.type == "keycloak_saml_user_property_protocol_mapper" ||
               r.type == "keycloak_saml_script_protocol_mapper") {
      mappers.push_back(&r);
    }
  }
  // By reference; with a single client, every mapper is its.
  std::map<const TfResource*, std::vector<const TfResource*>> mappers_of;
  for (const TfResource* m : mappers) {
    const TfResource* client =
        clients.size() == 1 ? clients.front() : referenced(*m, "client_id", client_targets);
    if (client != nullptr) mappers_of[client].push_back(m);
  }
  for (const TfResource* client : clients) {
    if (out.parts.size() >= kMaxApplications) break;
    const TfResource* realm = referenced(*client, "realm_id", realm_targets);
    if (realm == nullptr && realms.size() == 1) realm = realms.front();
    std::optional<KeycloakRealmTf> realm_values;
    if (realm != nullptr) realm_values = ReadRealmTf(*realm);
    KeycloakTfClient(*client, mappers_of[client], realm_values ? &*realm_values : nullptr, issued,
                     out);
  }
}

}  // namespace samlint::idp
