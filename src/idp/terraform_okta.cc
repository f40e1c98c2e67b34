// okta/okta okta_app_saml (checked against the provider's documentation):
// audience, recipient, destination, sso_url, response_signed,
// assertion_signed, signature_algorithm, digest_algorithm,
// attribute_statements [{name, namespace, type, values}], preconfigured_app
// with app_settings_json.
#include "idp/terraform_okta.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

namespace {

// Okta writes Conditions and SubjectConfirmationData NotOnOrAfter a few
// minutes after issue and offers no setting for it.
constexpr std::int64_t kOktaValidity = 300;

/// The okta EL value as a literal, or nullopt when it is an expression.
std::optional<std::string> OktaLiteral(const std::string& value) {
  std::string_view v = value;
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    std::string_view inner = v.substr(1, v.size() - 2);
    if (inner.find('"') == std::string_view::npos && inner.find('\'') == std::string_view::npos) {
      return std::string(inner);
    }
    return std::nullopt;
  }
  if (WholeSeconds(v)) return value;
  if ((v.starts_with("arn:") || v.starts_with("acs:")) && v.find(' ') == std::string_view::npos &&
      v.find('(') == std::string_view::npos) {
    return value;
  }
  return std::nullopt;
}

}  // namespace

void OktaApp(const TfResource& r, Timestamp issued, IdpConfigSplit& out) {
  App app = PlanApp(r, "okta");
  Node v = r.values;
  auto text = [&](std::string_view key, std::optional<std::string>& into, std::size_t& at) {
    Node n = Get(v, key);
    if (std::optional<std::string> t = Text(n); t && !t->empty()) {
      into = *t;
      at = Pos(n);
      return true;
    }
    return false;
  };
  if (!text("audience", app.audience, app.audience_offset) && UnknownAt(r.unknown, "audience")) {
    app.part.audience_unknown = true;
    Unknown(app, "audience is known only after apply, so the Audience is not checked.", app.offset);
  }
  if (!text("recipient", app.recipient, app.recipient_offset)) {
    text("sso_url", app.recipient, app.recipient_offset);
  }
  if (!text("destination", app.destination, app.destination_offset)) {
    text("sso_url", app.destination, app.destination_offset);
  }
  std::size_t index = 0;
  for (Node st : Items(Get(v, "attribute_statements"))) {
    const std::size_t i = index++;
    std::optional<std::string> name = Text(Get(st, "name"));
    if (!name) continue;
    const std::string who = "okta attribute statement " + Quote(*name) + " of " + r.address;
    Node unknown_st = nullptr;
    if (const auto& items = Items(Get(r.unknown, "attribute_statements")); i < items.size()) {
      unknown_st = items[i];
    }
    const std::string type = Text(Get(st, "type")).value_or("EXPRESSION");
    std::vector<std::pair<std::string, std::size_t>> values;
    bool computed = type == "GROUP" || UnknownAt(unknown_st, "values");
    std::size_t j = 0;
    for (Node value : Items(Get(st, "values"))) {
      const std::size_t at = j++;
      if (const auto& u = Items(Get(unknown_st, "values")); at < u.size() && TrueText(u[at])) {
        computed = true;
      }
      std::optional<std::string> t = Text(value);
      std::optional<std::string> literal = t ? OktaLiteral(*t) : std::nullopt;
      if (!literal) {
        computed = true;
        continue;
      }
      values.emplace_back(*literal, Pos(value));
    }
    SendAttribute(app, *name, Pos(st), computed ? nullptr : &values,
                  computed ? who + " (an Okta expression or group filter)" : who);
  }
  const std::string preconfigured = Text(Get(v, "preconfigured_app")).value_or("");
  if (preconfigured == "amazon_aws") {
    // Okta's AWS Account Federation app: fixed endpoints, roles from AWS at sign-in.
    app.sends_cloud_attribute = true;
    if (!app.audience) app.audience = "urn:amazon:webservices";
    if (!app.recipient) app.recipient = app.destination = "https://signin.aws.amazon.com/saml";
    app.part.roles_unknown = app.part.role_session_name_unknown = true;
    Unknown(app, "The AWS Account Federation app computes Role and RoleSessionName at sign-in.",
            Pos(Get(v, "preconfigured_app")));
    Node settings = Get(v, "app_settings_json");
    if (std::optional<std::string> json = Text(settings)) {
      nlohmann::json parsed = nlohmann::json::parse(*json, nullptr, false);
      if (parsed.is_object() && parsed.contains("sessionDuration")) {
        const nlohmann::json& sd = parsed["sessionDuration"];
        std::string value = sd.is_number_integer() ? std::to_string(sd.get<std::int64_t>())
                            : sd.is_string()       ? sd.get<std::string>()
                                                   : sd.dump();
        std::vector<std::pair<std::string, std::size_t>> values{{value, Pos(settings)}};
        SendAttribute(app, std::string(kAwsAttributePrefix) + "SessionDuration", Pos(settings),
                      &values,
                      "okta app setting \"sessionDuration\" (app_settings_json) of " + r.address);
      }
    }
  }
  if (!app.sends_cloud_attribute) return;
  if (!app.recipient) {
    app.part.recipient_unknown = true;
    Unknown(app, "No recipient or sso_url is known before apply, so Recipient is not checked.",
            app.offset);
  }
  Node response_signed = Get(v, "response_signed");
  Node assertion_signed = Get(v, "assertion_signed");
  // Okta's app wizard signs both unless told otherwise.
  app.part.signing.response_signed = IsNull(response_signed) || TrueText(response_signed);
  app.part.signing.assertion_signed = IsNull(assertion_signed) || TrueText(assertion_signed);
  app.part.signing.offset = Pos(assertion_signed != nullptr ? assertion_signed : r.resource);
  Node algorithm = Get(v, "signature_algorithm");
  SetSignatureAlgorithm(app, algorithm, r.resource);
  if (std::optional<std::string> d = Text(Get(v, "digest_algorithm"))) {
    app.part.signing.digest = DigestName(*d);
  }
  app.conditions_lifespan = app.subject_lifespan = kOktaValidity;
  app.conditions_offset = app.subject_offset = app.offset;
  Unknown(app,
          "okta_app_saml has no setting for AuthnStatement/@SessionNotOnOrAfter, so it is not a "
          "factor here; capture a response to see whether the org's sign-on policy adds one.",
          app.offset);
  out.parts.push_back(Finish(std::move(app), issued));
}

}  // namespace samlint::idp
