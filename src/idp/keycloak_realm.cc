// Keycloak realm export (checked against Keycloak's documentation and source):
// a realm object {"realm", "ssoSessionMaxLifespan", "accessCodeLifespan",
// "accessTokenLifespan", "clients": [{"clientId", "protocol": "saml",
// "attributes": {"saml.server.signature", "saml.assertion.signature",
// "saml.signature.algorithm", "saml_assertion_consumer_url_post",
// "saml.assertion.lifespan", "saml.authnstatement"}, "protocolMappers":
// [{"name", "protocolMapper", "config": {"attribute.name",
// "attribute.value"}}]}]}, or an array of such realms. Keycloak's
// SamlProtocol.authenticated writes Conditions/@NotOnOrAfter at the client's
// assertion lifespan (else the realm's accessCodeLifespan),
// SubjectConfirmationData/@NotOnOrAfter at the assertion lifespan (else
// accessTokenLifespan), AuthnStatement/@SessionNotOnOrAfter at AuthnInstant +
// the realm's ssoSessionMaxLifespan (the remember-me one for users who ticked
// it), the clientId as the Audience, and the ACS URL as Recipient and
// Destination. Only the hardcoded attribute mapper
// (saml-hardcode-attribute-mapper) sends a value known before sign-in.
#include "idp/keycloak_realm.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

namespace {

std::optional<std::int64_t> IntegerAt(Node map, std::string_view key) {
  std::optional<std::string> t = Text(Get(map, key));
  return t ? WholeSeconds(*t) : std::nullopt;
}

void KeycloakMappers(App& app, Node mappers) {
  for (Node m : Items(mappers)) {
    Node config = Get(m, "config");
    std::optional<std::string> name = Text(Get(config, "attribute.name"));
    if (!name) continue;
    const std::string type = Text(Get(m, "protocolMapper")).value_or("");
    const std::string who = "Keycloak mapper " + Quote(Text(Get(m, "name")).value_or("?")) + " (" +
                            (type.empty() ? std::string("?") : type) + ")";
    if (type == "saml-hardcode-attribute-mapper") {
      Node value = Get(config, "attribute.value");
      std::vector<std::pair<std::string, std::size_t>> values;
      if (std::optional<std::string> v = Text(value)) values.emplace_back(*v, Pos(value));
      SendAttribute(app, *name, Pos(value != nullptr ? value : m), &values,
                    who + ", config \"attribute.value\"");
    } else {
      SendAttribute(app, *name, Pos(m), nullptr, who);
    }
  }
}

}  // namespace

bool IsKeycloakRealm(Node n) {
  return IsMap(n) && IsScalar(Get(n, "realm")) && IsSequence(Get(n, "clients"));
}

void KeycloakRealm(Node realm, const std::string& pointer, Timestamp issued, IdpConfigSplit& out) {
  const std::string realm_name = Text(Get(realm, "realm")).value_or("?");
  std::optional<Entry> sso_max = Find(realm, "ssoSessionMaxLifespan");
  std::optional<std::int64_t> session_max = IntegerAt(realm, "ssoSessionMaxLifespan");
  std::int64_t access_code =
      IntegerAt(realm, "accessCodeLifespan").value_or(kKeycloakAccessCodeLifespan);
  std::int64_t access_token =
      IntegerAt(realm, "accessTokenLifespan").value_or(kKeycloakAccessTokenLifespan);
  std::optional<std::int64_t> remember_me = IntegerAt(realm, "ssoSessionMaxLifespanRememberMe");
  std::size_t index = 0;
  for (Node client : Items(Get(realm, "clients"))) {
    const std::size_t i = index++;
    if (out.parts.size() >= kMaxApplications) break;
    if (Text(Get(client, "protocol")).value_or("") != "saml") continue;
    App app;
    app.offset = Pos(client);
    app.part.idp = "keycloak";
    app.part.origin = "Keycloak realm export";
    app.part.pointer = pointer + "/clients/" + std::to_string(i);
    Node client_id = Get(client, "clientId");
    app.part.name = Text(client_id).value_or("?");
    if (Text(client_id)) {
      app.audience = *Text(client_id);
      app.audience_offset = Pos(client_id);
    }
    Node attributes = Get(client, "attributes");
    for (std::string_view key :
         {"saml_assertion_consumer_url_post", "saml_assertion_consumer_url_redirect"}) {
      Node acs = Get(attributes, key);
      if (std::optional<std::string> url = Text(acs); url && !url->empty()) {
        app.recipient = app.destination = *url;
        app.recipient_offset = app.destination_offset = Pos(acs);
        break;
      }
    }
    KeycloakMappers(app, Get(client, "protocolMappers"));
    if (!SendsToACloud(app)) continue;
    if (!app.recipient) {
      app.part.recipient_unknown = true;
      Unknown(app,
              "The client sets no Assertion Consumer Service POST Binding URL "
              "(saml_assertion_consumer_url_post): Keycloak takes the Recipient and Destination "
              "from the SP's request, so samlint cannot check them.",
              app.offset);
    }
    // Signing (SamlClient.requiresRealmSignature / requiresAssertionSignature: "true" only).
    Node server_sig = Get(attributes, "saml.server.signature");
    Node assertion_sig = Get(attributes, "saml.assertion.signature");
    Node algorithm = Get(attributes, "saml.signature.algorithm");
    app.part.signing.response_signed = TrueText(server_sig);
    app.part.signing.assertion_signed = TrueText(assertion_sig);
    app.part.signing.offset = Pos(assertion_sig != nullptr ? assertion_sig
                                  : server_sig != nullptr  ? server_sig
                                                           : client);
    SetSignatureAlgorithm(app, algorithm, client);
    // Validity windows.
    Node lifespan = Get(attributes, "saml.assertion.lifespan");
    std::optional<std::int64_t> assertion_lifespan =
        Text(lifespan) ? WholeSeconds(*Text(lifespan)) : std::nullopt;
    if (assertion_lifespan && *assertion_lifespan > 0) {
      app.conditions_lifespan = app.subject_lifespan = *assertion_lifespan;
      app.conditions_offset = app.subject_offset = Pos(lifespan);
    } else {
      app.conditions_lifespan = access_code;
      app.subject_lifespan = access_token;
      app.conditions_offset = Pos(Get(realm, "accessCodeLifespan"));
      app.subject_offset = Pos(Get(realm, "accessTokenLifespan"));
      if (app.conditions_offset == 0) app.conditions_offset = app.offset;
      if (app.subject_offset == 0) app.subject_offset = app.offset;
    }
    // SessionNotOnOrAfter.
    if (Text(Get(attributes, "saml.authnstatement")).value_or("true") == "false") {
      app.authn_statement = false;
    } else if (session_max && *session_max > 0) {
      app.session_max = *session_max;
      app.session_max_offset = Pos(sso_max->value);
      app.part.session_not_on_or_after_where =
          "realm " + Quote(realm_name) +
          " SSO Session Max (ssoSessionMaxLifespan, Realm settings "
          "> Sessions)";
      if (remember_me && *remember_me > 0) {
        Unknown(app,
                "Users who tick \"Remember me\" get SessionNotOnOrAfter from "
                "ssoSessionMaxLifespanRememberMe (" +
                    std::to_string(*remember_me) + " s) instead; samlint evaluates the others.",
                Pos(Get(realm, "ssoSessionMaxLifespanRememberMe")));
      }
    } else if (!sso_max) {
      Unknown(app,
              "The export has no ssoSessionMaxLifespan, so SessionNotOnOrAfter depends on the "
              "server's default (36000 s); it is not a factor here.",
              Pos(realm));
    }
    if (Node client_max = Get(attributes, "client.session.max.lifespan"); Text(client_max)) {
      Unknown(app,
              "client.session.max.lifespan is set on the client; Keycloak versions that derive "
              "SessionNotOnOrAfter from the client session use the lower of it and the realm's "
              "SSO Session Max; samlint uses the realm's.",
              Pos(client_max));
    }
    out.parts.push_back(Finish(std::move(app), issued));
  }
}

}  // namespace samlint::idp
