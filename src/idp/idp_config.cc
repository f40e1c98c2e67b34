// Reading IdP configuration as code into the facts a response would carry.
//
// Shapes (checked against the producers' documentation and source):
// - Keycloak realm export (admin console "Partial export", kc.sh export): a
//   realm object {"realm", "ssoSessionMaxLifespan", "accessCodeLifespan",
//   "accessTokenLifespan", "clients": [{"clientId", "protocol": "saml",
//   "attributes": {"saml.server.signature", "saml.assertion.signature",
//   "saml.signature.algorithm", "saml_assertion_consumer_url_post",
//   "saml.assertion.lifespan", "saml.authnstatement"}, "protocolMappers":
//   [{"name", "protocolMapper", "config": {"attribute.name",
//   "attribute.value"}}]}]}, or an array of such realms. Keycloak's
//   SamlProtocol.authenticated writes Conditions/@NotOnOrAfter at the
//   client's assertion lifespan (else the realm's accessCodeLifespan),
//   SubjectConfirmationData/@NotOnOrAfter at the assertion lifespan (else
//   accessTokenLifespan), AuthnStatement/@SessionNotOnOrAfter at AuthnInstant
//   + the realm's ssoSessionMaxLifespan (the remember-me one for users who
//   ticked it), the clientId as the Audience, and the ACS URL as Recipient
//   and Destination. Only the hardcoded attribute mapper
//   (saml-hardcode-attribute-mapper) sends a value known before sign-in.
// - Terraform plan (`terraform show -json`): planned_values.root_module
//   (and child_modules) resources, resource_changes[].change.after and
//   after_unknown, configuration.root_module.resources[].expressions for
//   references. okta/okta okta_app_saml: audience, recipient, destination,
//   sso_url, response_signed, assertion_signed, signature_algorithm,
//   digest_algorithm, attribute_statements [{name, namespace, type, values}],
//   preconfigured_app with app_settings_json. keycloak/keycloak (formerly
//   mrparkers/keycloak): keycloak_saml_client (client_id, sign_documents,
//   sign_assertions, signature_algorithm, assertion_consumer_post_url),
//   keycloak_generic_protocol_mapper / keycloak_generic_client_protocol_mapper
//   (protocol_mapper, config), keycloak_saml_user_attribute_protocol_mapper,
//   keycloak_saml_user_property_protocol_mapper,
//   keycloak_saml_script_protocol_mapper (saml_attribute_name), keycloak_realm
//   (sso_session_max_lifespan, access_code_lifespan, access_token_lifespan as
//   Go durations such as "10h0m0s").
#include "idp/idp_config.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "base/diagnostic.h"
#include "declare/cloud.h"
#include "declare/doc_tree.h"

namespace samlint {
namespace {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

constexpr std::string_view kAwsPrefix = "https://aws.amazon.com/SAML/Attributes/";
constexpr std::string_view kAliyunPrefix = "https://www.aliyun.com/SAML-Role/Attributes/";
constexpr std::string_view kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";
constexpr int kMaxModuleDepth = 64;
constexpr int kMaxModules = 10'000;
/// Applications read from one input at most (each becomes a result).
constexpr std::size_t kMaxApplications = 1000;

// Keycloak's defaults (RealmRepresentation / DefaultKeycloakSession...).
constexpr std::int64_t kKeycloakAccessCodeLifespan = 60;
constexpr std::int64_t kKeycloakAccessTokenLifespan = 300;
// Okta writes Conditions and SubjectConfirmationData NotOnOrAfter a few
// minutes after issue and offers no setting for it.
constexpr std::int64_t kOktaValidity = 300;

std::size_t Pos(Node n) {
  return n != nullptr && n->mark.pos > 0 ? static_cast<std::size_t>(n->mark.pos) : 0;
}

bool IsCloudAttribute(std::string_view name) {
  auto tail = [&](std::string_view prefix) {
    if (!name.starts_with(prefix)) return false;
    std::string_view rest = name.substr(prefix.size());
    return rest == "Role" || rest == "RoleSessionName" || rest == "SessionDuration";
  };
  return tail(kAwsPrefix) || tail(kAliyunPrefix);
}

std::string_view AttributeTail(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

std::string Quote(std::string_view s) {
  constexpr std::size_t kMax = 80;
  return "\"" + Shorten(s, kMax) + "\"";
}

std::optional<std::int64_t> WholeSeconds(std::string_view text) {
  while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<std::int64_t> IntegerAt(Node map, std::string_view key) {
  std::optional<std::string> t = Text(Get(map, key));
  return t ? WholeSeconds(*t) : std::nullopt;
}

/// A Go duration as the Terraform providers write them ("10h0m0s", "30m", "45s").
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

bool TrueText(Node n) {
  std::optional<std::string> t = Text(n);
  return t && *t == "true";
}

/// Keycloak's and Okta's algorithm names ("RSA_SHA256") as report short names.
std::pair<std::string, std::string> AlgorithmNames(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string key = lower.substr(0, lower.find("_mgf1"));
  if (key == "rsa_sha1") return {"rsa-sha1", "sha1"};
  if (key == "rsa_sha256") return {"rsa-sha256", "sha256"};
  if (key == "rsa_sha512") return {"rsa-sha512", "sha512"};
  if (key == "dsa_sha1") return {"dsa-sha1", "sha1"};
  if (key == "ecdsa_sha256") return {"ecdsa-sha256", "sha256"};
  return {lower, ""};
}

std::string DigestName(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower;
}

/// What one application's configuration says, before it becomes facts.
struct App {
  IdpConfigPart part;
  std::size_t offset = 0;
  std::optional<std::string> audience;
  std::size_t audience_offset = 0;
  std::optional<std::string> recipient;
  std::size_t recipient_offset = 0;
  std::optional<std::string> destination;
  std::size_t destination_offset = 0;
  std::vector<AttributeFact> attributes;
  bool authn_statement = true;
  std::optional<std::int64_t> session_max;
  std::size_t session_max_offset = 0;
  std::int64_t conditions_lifespan = 300;
  std::size_t conditions_offset = 0;
  std::int64_t subject_lifespan = 300;
  std::size_t subject_offset = 0;
  bool sends_cloud_attribute = false;
};

void Unknown(App& app, std::string message, std::size_t offset) {
  app.part.unknowns.push_back({std::move(message), offset});
}

/// One mapper / attribute statement that sends `name`: a known value, or computed.
void SendAttribute(App& app, const std::string& name, std::size_t offset,
                   const std::vector<std::pair<std::string, std::size_t>>* values,
                   const std::string& who) {
  if (!IsCloudAttribute(name)) return;
  app.sends_cloud_attribute = true;
  std::string_view tail = AttributeTail(name);
  if (values == nullptr) {
    if (tail == "Role") app.part.roles_unknown = true;
    if (tail == "RoleSessionName") app.part.role_session_name_unknown = true;
    std::string what = tail == "Role" ? "the roles it offers are known only at sign-in"
                       : tail == "SessionDuration"
                           ? "its value is known only at sign-in, so it is not a factor here (the "
                             "evaluation treats it as absent)"
                           : "its value is known only at sign-in";
    Unknown(app, who + " computes " + name + ": " + what + ".", offset);
    return;
  }
  AttributeFact attr;
  attr.name = name;
  attr.offset = offset;
  for (const auto& [value, at] : *values) {
    TextFact v;
    v.present = true;
    v.value = value;
    v.offset = at;
    attr.values.push_back(std::move(v));
  }
  if (tail == "SessionDuration" && app.part.session_duration_where.empty()) {
    app.part.session_duration_where = who;
  }
  app.attributes.push_back(std::move(attr));
}

TimeFact At(Timestamp issued, std::int64_t seconds, std::size_t offset) {
  TimeFact t;
  t.present = true;
  t.value = AddSeconds(issued, seconds);
  t.text = FormatDateTime(*t.value);
  t.offset = offset;
  return t;
}

IdpConfigPart Finish(App app, Timestamp issued) {
  ResponseFacts& f = app.part.facts;
  f.is_response = true;
  f.offset = app.offset;
  f.issue_instant = At(issued, 0, app.offset);
  f.has_status = true;
  f.status_offset = app.offset;
  f.status_code.present = true;
  f.status_code.value = std::string(kSuccess);
  f.status_code.offset = app.offset;
  if (app.destination) {
    f.destination.present = true;
    f.destination.value = *app.destination;
    f.destination.offset = app.destination_offset;
  }
  f.has_any_signature = app.part.signing.response_signed || app.part.signing.assertion_signed;
  AssertionFact a;
  a.offset = app.offset;
  a.issue_instant = f.issue_instant;
  a.has_conditions = true;
  a.conditions_offset = app.conditions_offset;
  a.not_on_or_after = At(issued, app.conditions_lifespan, app.conditions_offset);
  if (app.audience) {
    TextFact au;
    au.present = true;
    au.value = *app.audience;
    au.offset = app.audience_offset;
    a.audiences.push_back(std::move(au));
  }
  SubjectConfirmationFact sc;
  sc.offset = app.offset;
  sc.method = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  sc.has_data = true;
  sc.data_offset = app.subject_offset;
  if (app.recipient) {
    sc.recipient.present = true;
    sc.recipient.value = *app.recipient;
    sc.recipient.offset = app.recipient_offset;
  }
  sc.not_on_or_after = At(issued, app.subject_lifespan, app.subject_offset);
  a.subject_confirmations.push_back(std::move(sc));
  if (app.authn_statement) {
    AuthnStatementFact s;
    s.offset = app.offset;
    s.authn_instant = At(issued, 0, app.offset);
    if (app.session_max) {
      s.session_not_on_or_after = At(issued, *app.session_max, app.session_max_offset);
    }
    a.authn_statements.push_back(std::move(s));
  }
  a.attributes = std::move(app.attributes);
  f.assertions.push_back(std::move(a));
  return std::move(app.part);
}

// ---------------------------------------------------------------------------
// Keycloak realm export

bool IsKeycloakRealm(Node n) {
  return IsMap(n) && IsScalar(Get(n, "realm")) && IsSequence(Get(n, "clients"));
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
    bool cloud_audience = app.audience && (IsCloudAudience(Cloud::kAws, *app.audience) ||
                                           IsCloudAudience(Cloud::kAliyun, *app.audience));
    if (!app.sends_cloud_attribute && !cloud_audience) continue;
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
    auto [alg, digest] = AlgorithmNames(Text(algorithm).value_or("RSA_SHA256"));
    app.part.signing.algorithm = alg;
    app.part.signing.digest = digest;
    app.part.signing.algorithm_offset = Pos(algorithm != nullptr ? algorithm : client);
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

// ---------------------------------------------------------------------------
// Terraform plan

struct TfResource {
  std::string address;
  std::string type;
  std::string name;
  Node resource = nullptr;
  Node values = nullptr;
  Node unknown = nullptr;  ///< change.after_unknown
  std::string pointer;
};

bool UnknownAt(Node unknown, std::string_view key) { return TrueText(Get(unknown, key)); }

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

void OktaApp(const TfResource& r, Timestamp issued, IdpConfigSplit& out) {
  App app;
  app.offset = Pos(r.resource);
  app.part.idp = "okta";
  app.part.origin = "Terraform plan";
  app.part.pointer = r.pointer;
  app.part.name = r.address;
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
        SendAttribute(app, std::string(kAwsPrefix) + "SessionDuration", Pos(settings), &values,
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
  auto [alg, digest] = AlgorithmNames(Text(algorithm).value_or("RSA_SHA256"));
  app.part.signing.algorithm = alg;
  app.part.signing.digest = digest;
  if (std::optional<std::string> d = Text(Get(v, "digest_algorithm"))) {
    app.part.signing.digest = DigestName(*d);
  }
  app.part.signing.algorithm_offset = Pos(algorithm != nullptr ? algorithm : r.resource);
  app.conditions_lifespan = app.subject_lifespan = kOktaValidity;
  app.conditions_offset = app.subject_offset = app.offset;
  Unknown(app,
          "okta_app_saml has no setting for AuthnStatement/@SessionNotOnOrAfter, so it is not a "
          "factor here; capture a response to see whether the org's sign-on policy adds one.",
          app.offset);
  out.parts.push_back(Finish(std::move(app), issued));
}

struct KeycloakRealmTf {
  std::optional<std::int64_t> session_max;
  std::size_t session_max_offset = 0;
  bool session_max_unknown = false;
  std::optional<std::int64_t> access_code;
  std::size_t access_code_offset = 0;
  std::optional<std::int64_t> access_token;
  std::size_t access_token_offset = 0;
  std::string address;
};

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

/// The addresses a resource's configuration expression `key` refers to.
std::vector<std::string> References(Node config_resource, std::string_view key) {
  std::vector<std::string> out;
  for (Node ref : Items(Get(Get(Get(config_resource, "expressions"), key), "references"))) {
    if (std::optional<std::string> t = Text(ref)) out.push_back(*t);
  }
  return out;
}

void KeycloakTfClient(const TfResource& r, const std::vector<const TfResource*>& mappers,
                      const KeycloakRealmTf* realm, Timestamp issued, IdpConfigSplit& out) {
  App app;
  app.offset = Pos(r.resource);
  app.part.idp = "keycloak";
  app.part.origin = "Terraform plan";
  app.part.pointer = r.pointer;
  app.part.name = r.address;
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
  bool cloud_audience = app.audience && (IsCloudAudience(Cloud::kAws, *app.audience) ||
                                         IsCloudAudience(Cloud::kAliyun, *app.audience));
  if (!app.sends_cloud_attribute && !cloud_audience) return;
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
  auto [alg, digest] = AlgorithmNames(Text(algorithm).value_or("RSA_SHA256"));
  app.part.signing.algorithm = alg;
  app.part.signing.digest = digest;
  app.part.signing.algorithm_offset = Pos(algorithm != nullptr ? algorithm : r.resource);
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
    std::vector<Node> roots;
    Budget budget(limits);
    if (std::optional<std::string> error = ParseDocuments(text, "the input", arena, roots, budget)) {
      // Text with an IdP configuration's markers that reached a limit is
      // reported here; any other error is not ours to explain.
      if (!budget.limit.empty()) {
        out.recognised = true;
        out.error = *error;
        out.limit = budget.limit;
      }
      return out;
    }
    if (roots.size() != 1) return out;
    Node root = roots.front();
    if (IsKeycloakRealm(root)) {
      out.recognised = true;
      KeycloakRealm(root, "", issued, out);
    } else if (IsSequence(root) && !root->items.empty() &&
               std::all_of(root->items.begin(), root->items.end(), IsKeycloakRealm)) {
      out.recognised = true;
      for (std::size_t i = 0; i < root->items.size(); ++i) {
        KeycloakRealm(root->items[i], "/" + std::to_string(i), issued, out);
      }
    } else if (IsTerraformPlan(root)) {
      TerraformPlan(root, issued, out);
      out.recognised = !out.parts.empty();
    }
    if (out.parts.size() >= kMaxApplications) {
      out.parts.back().unknowns.push_back(
          {"samlint reads at most " + std::to_string(kMaxApplications) +
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
