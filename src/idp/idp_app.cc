#include "idp/idp_app.h"

#include "declare/cloud.h"
#include "diagnose/make.h"

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

namespace {

constexpr std::string_view kAliyunAttributePrefix = "https://www.aliyun.com/SAML-Role/Attributes/";
constexpr std::string_view kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

bool IsCloudAttribute(std::string_view name) {
  auto tail = [&](std::string_view prefix) {
    if (!name.starts_with(prefix)) return false;
    std::string_view rest = name.substr(prefix.size());
    return rest == "Role" || rest == "RoleSessionName" || rest == "SessionDuration";
  };
  return tail(kAwsAttributePrefix) || tail(kAliyunAttributePrefix);
}

std::string_view AttributeTail(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

TimeFact At(Timestamp issued, std::int64_t seconds, std::size_t offset) {
  TimeFact t;
  t.present = true;
  t.value = AddSeconds(issued, seconds);
  t.text = FormatDateTime(*t.value);
  t.offset = offset;
  return t;
}

}  // namespace

std::size_t Pos(Node n) {
  return n != nullptr && n->mark.pos > 0 ? static_cast<std::size_t>(n->mark.pos) : 0;
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

bool TrueText(Node n) {
  std::optional<std::string> t = Text(n);
  return t && *t == "true";
}

std::string DigestName(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower;
}

std::pair<std::string, std::string> AlgorithmNames(std::string_view name) {
  std::string lower = DigestName(name);
  std::string key = lower.substr(0, lower.find("_mgf1"));
  if (key == "rsa_sha1") return {"rsa-sha1", "sha1"};
  if (key == "rsa_sha256") return {"rsa-sha256", "sha256"};
  if (key == "rsa_sha512") return {"rsa-sha512", "sha512"};
  if (key == "dsa_sha1") return {"dsa-sha1", "sha1"};
  if (key == "ecdsa_sha256") return {"ecdsa-sha256", "sha256"};
  return {lower, ""};
}

void SetSignatureAlgorithm(App& app, Node algorithm, Node fallback) {
  auto [alg, digest] = AlgorithmNames(Text(algorithm).value_or("RSA_SHA256"));
  app.part.signing.algorithm = alg;
  app.part.signing.digest = digest;
  app.part.signing.algorithm_offset = Pos(algorithm != nullptr ? algorithm : fallback);
}

bool SendsToACloud(const App& app) {
  const bool cloud_audience = app.audience && (IsCloudAudience(Cloud::kAws, *app.audience) ||
                                               IsCloudAudience(Cloud::kAliyun, *app.audience));
  return app.sends_cloud_attribute || cloud_audience;
}

void Unknown(App& app, std::string message, std::size_t offset) {
  app.part.unknowns.push_back({std::move(message), offset});
}

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

}  // namespace samlint::idp
