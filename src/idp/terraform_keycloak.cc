// keycloak/keycloak (formerly mrparkers/keycloak) resources of a Terraform
// plan: keycloak_saml_client (client_id, sign_documents, sign_assertions,
// signature_algorithm, assertion_consumer_post_url),
// keycloak_generic_protocol_mapper / keycloak_generic_client_protocol_mapper
// (protocol_mapper, config), keycloak_saml_user_attribute_protocol_mapper,
// keycloak_saml_user_property_protocol_mapper,
// keycloak_saml_script_protocol_mapper (saml_attribute_name), keycloak_realm
// (sso_session_max_lifespan, access_code_lifespan, access_token_lifespan as
// Go durations such as "10h0m0s").
#include "idp/terraform_keycloak.h"

#include <utility>

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

std::optional<std::int64_t> GoDuration(std::string_view text) {
  if (auto plain = WholeSeconds(text)) return plain;
  if (text.empty() || text.size() > 32) return std::nullopt;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::int64_t n = 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 9) {
      n = n * 10 + (text[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || i == text.size()) return std::nullopt;
    char unit = text[i++];
    if (unit == 'h')
      total += n * 3600;
    else if (unit == 'm')
      total += n * 60;
    else if (unit == 's')
      total += n;
    else
      return std::nullopt;
  }
  return total;
}

KeycloakRealmTf ReadRealmTf(const TfResource& r) {
  KeycloakRealmTf realm;
  realm.address = r.address;
  auto read = [&](std::string_view key, std::optional<std::int64_t>& into, std::size_t& at) {
    Node n = Get(r.values, key);
    if (std::optional<std::string> t = Text(n)) {
      into = GoDuration(*t);
      at = Pos(n);
    }
  };
  read("sso_session_max_lifespan", realm.session_max, realm.session_max_offset);
  read("access_code_lifespan", realm.access_code, realm.access_code_offset);
  read("access_token_lifespan", realm.access_token, realm.access_token_offset);
  realm.session_max_unknown = UnknownAt(r.unknown, "sso_session_max_lifespan");
  return realm;
}

void KeycloakTfClient(const TfResource& r, const std::vector<const TfResource*>& mappers,
                      const KeycloakRealmTf* realm, Timestamp issued, IdpConfigSplit& out) {
  App app = PlanApp(r, "keycloak");
  Node v = r.values;
  Node client_id = Get(v, "client_id");
  if (std::optional<std::string> t = Text(client_id)) {
    app.audience = *t;
    app.audience_offset = Pos(client_id);
  } else if (UnknownAt(r.unknown, "client_id")) {
    app.part.audience_unknown = true;
    Unknown(app, "client_id is known only after apply, so the Audience is not checked.",
            app.offset);
  }
  if (TextAt(v, "include_authn_statement").value_or("true") == "false") {
    app.authn_statement = false;
  }
  Node acs = Get(v, "assertion_consumer_post_url");
  if (std::optional<std::string> t = Text(acs); t && !t->empty()) {
    app.recipient = app.destination = *t;
    app.recipient_offset = app.destination_offset = Pos(acs);
  }
  for (const TfResource* m : mappers) {
    Node mv = m->values;
    const std::string who_base = "Terraform resource " + m->address;
    if (m->type == "keycloak_generic_protocol_mapper" ||
        m->type == "keycloak_generic_client_protocol_mapper") {
      Node config = Get(mv, "config");
      std::optional<std::string> name = Text(Get(config, "attribute.name"));
      if (!name) continue;
      const std::string type = Text(Get(mv, "protocol_mapper")).value_or("");
      Node value = Get(config, "attribute.value");
      bool unknown = UnknownAt(m->unknown, "config");
      if (type == "saml-hardcode-attribute-mapper" && Text(value) && !unknown) {
        std::vector<std::pair<std::string, std::size_t>> values{{*Text(value), Pos(value)}};
        SendAttribute(app, *name, Pos(value), &values, who_base + ", config \"attribute.value\"");
      } else {
        SendAttribute(app, *name, Pos(m->resource), nullptr, who_base + " (" + type + ")");
      }
    } else {
      std::optional<std::string> name = Text(Get(mv, "saml_attribute_name"));
      if (name) SendAttribute(app, *name, Pos(m->resource), nullptr, who_base);
    }
  }
  if (!SendsToACloud(app)) return;
  if (!app.recipient) {
    app.part.recipient_unknown = true;
    Unknown(app,
            "assertion_consumer_post_url is not set (or known only after apply): Keycloak takes "
            "the Recipient from the SP's request, so samlint cannot check it.",
            app.offset);
  }
  // The provider's defaults: sign_documents true, sign_assertions false, RSA_SHA256.
  Node sign_documents = Get(v, "sign_documents");
  Node sign_assertions = Get(v, "sign_assertions");
  app.part.signing.response_signed = IsNull(sign_documents) || TrueText(sign_documents);
  app.part.signing.assertion_signed = TrueText(sign_assertions);
  app.part.signing.offset = Pos(sign_assertions != nullptr ? sign_assertions : r.resource);
  Node algorithm = Get(v, "signature_algorithm");
  SetSignatureAlgorithm(app, algorithm, r.resource);
  app.conditions_lifespan = kKeycloakAccessCodeLifespan;
  app.subject_lifespan = kKeycloakAccessTokenLifespan;
  app.conditions_offset = app.subject_offset = app.offset;
  if (realm != nullptr) {
    if (realm->access_code) {
      app.conditions_lifespan = *realm->access_code;
      app.conditions_offset = realm->access_code_offset;
    }
    if (realm->access_token) {
      app.subject_lifespan = *realm->access_token;
      app.subject_offset = realm->access_token_offset;
    }
  }
  Node lifespan = Get(v, "assertion_lifespan");
  if (std::optional<std::string> t = Text(lifespan)) {
    if (std::optional<std::int64_t> s = GoDuration(*t); s && *s > 0) {
      app.conditions_lifespan = app.subject_lifespan = *s;
      app.conditions_offset = app.subject_offset = Pos(lifespan);
    }
  }
  if (realm != nullptr && realm->session_max && *realm->session_max > 0) {
    app.session_max = realm->session_max;
    app.session_max_offset = realm->session_max_offset;
    app.part.session_not_on_or_after_where =
        "sso_session_max_lifespan of " + realm->address + " (Keycloak SSO Session Max)";
  } else {
    Unknown(app,
            realm == nullptr
                ? "The plan has no keycloak_realm for this client, so SessionNotOnOrAfter (the "
                  "realm's SSO Session Max) is not a factor here."
                : "sso_session_max_lifespan of " + realm->address +
                      (realm->session_max_unknown ? " is known only after apply"
                                                  : " is not set (the server default applies)") +
                      ", so SessionNotOnOrAfter is not a factor here.",
            realm == nullptr ? app.offset : realm->session_max_offset);
  }
  out.parts.push_back(Finish(std::move(app), issued));
}

}  // namespace samlint::idp
