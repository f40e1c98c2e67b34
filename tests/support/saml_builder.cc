#include "support/saml_builder.h"

#include <algorithm>

namespace samlint::testing {
namespace {

std::string Attr(const std::string& name, const std::optional<std::string>& value) {
  return value ? " " + name + "=\"" + *value + "\"" : std::string();
}

}  // namespace

std::string AwsRole(const std::string& name, const std::string& account) {
  return "arn:aws:iam::" + account + ":role/" + name + ",arn:aws:iam::" + account +
         ":saml-provider/idp";
}

std::string AliyunRole(const std::string& name, const std::string& account) {
  return "acs:ram::" + account + ":role/" + name + ",acs:ram::" + account + ":saml-provider/idp";
}

int LineOf(const std::string& text, const std::string& needle) {
  auto pos = text.find(needle);
  if (pos == std::string::npos) return 0;
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n')) + 1;
}

std::string SamlBuilder::Build() const {
  const bool aws = cloud == Cloud::kAws;
  const std::string endpoint =
      aws ? "https://signin.aws.amazon.com/saml" : "https://signin.alibabacloud.com/saml-role/sso";
  const std::string attr_base = aws ? "https://aws.amazon.com/SAML/Attributes/"
                                    : "https://www.aliyun.com/SAML-Role/Attributes/";
  const std::string a = default_namespace_assertion ? "" : assertion_prefix + ":";
  const std::string p = protocol_prefix + ":";
  const std::string ans = default_namespace_assertion
                              ? " xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                              : " xmlns:" + assertion_prefix + "=\"urn:oasis:names:tc:SAML:2.0:assertion\"";

  auto signature = [&](const std::string& ref) {
    return "    <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n"
           "      <ds:SignedInfo>\n"
           "        <ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
           "        <ds:SignatureMethod Algorithm=\"" + signature_method + "\"/>\n"
           "        <ds:Reference URI=\"#" + ref + "\">\n"
           "          <ds:DigestMethod Algorithm=\"" + digest_method + "\"/>\n"
           "          <ds:DigestValue>AAAA</ds:DigestValue>\n"
           "        </ds:Reference>\n"
           "      </ds:SignedInfo>\n"
           "      <ds:SignatureValue>AAAA</ds:SignatureValue>\n"
           "    </ds:Signature>\n";
  };

  auto attribute = [&](const std::string& name, const std::vector<std::string>& values) {
    std::string s = "        <" + a + "Attribute Name=\"" + attr_base + name + "\">\n";
    for (const std::string& v : values) {
      s += "          <" + a + "AttributeValue>" + v + "</" + a + "AttributeValue>\n";
    }
    return s + "        </" + a + "Attribute>\n";
  };

  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<" + p + "Response xmlns:" + protocol_prefix + "=\"urn:oasis:names:tc:SAML:2.0:protocol\"" +
       ans + " ID=\"_r1\" Version=\"2.0\"" +
       Attr("IssueInstant", response_issue_instant ? response_issue_instant : issue_instant) +
       Attr("Destination", destination ? destination : endpoint) + ">\n";
  x += "  <" + a + "Issuer>https://idp.example.com</" + a + "Issuer>\n";
  if (sign_marker_response) x += signature("_r1");
  if (include_status) {
    x += "  <" + p + "Status><" + p + "StatusCode Value=\"" + status + "\"/></" + p + "Status>\n";
  }
  for (int i = 0; i < assertion_count; ++i) {
    std::string id = i == 0 ? assertion_id : assertion_id + "_" + std::to_string(i);
    x += "  <" + a + "Assertion ID=\"" + id + "\" Version=\"2.0\"" +
         Attr("IssueInstant", issue_instant.empty() ? std::nullopt : std::optional(issue_instant)) +
         ">\n";
    x += "    <" + a + "Issuer>https://idp.example.com</" + a + "Issuer>\n";
    if (sign_marker_assertion) x += signature(id);
    x += "    <" + a + "Subject>\n";
    x += "      <" + a + "NameID>" + name_id + "</" + a + "NameID>\n";
    x += "      <" + a + "SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">\n";
    x += "        <" + a + "SubjectConfirmationData" + Attr("NotOnOrAfter", subject_not_on_or_after) +
         Attr("Recipient", recipient ? recipient : endpoint) + "/>\n";
    x += "      </" + a + "SubjectConfirmation>\n";
    x += "    </" + a + "Subject>\n";
    x += "    <" + a + "Conditions" + Attr("NotBefore", not_before) +
         Attr("NotOnOrAfter", not_on_or_after) + ">\n";
    std::vector<std::string> auds = audiences;
    if (auds.empty()) {
      auds.push_back(aws ? "urn:amazon:webservices" : "urn:alibaba:cloudcomputing:international");
    }
    x += "      <" + a + "AudienceRestriction>\n";
    for (const std::string& au : auds) x += "        <" + a + "Audience>" + au + "</" + a + "Audience>\n";
    x += "      </" + a + "AudienceRestriction>\n";
    x += "    </" + a + "Conditions>\n";
    x += "    <" + a + "AuthnStatement AuthnInstant=\"2026-11-23T10:00:00Z\"" +
         Attr("SessionNotOnOrAfter", session_not_on_or_after) + "/>\n";
    x += "    <" + a + "AttributeStatement>\n";
    if (include_role) {
      std::vector<std::string> r = roles;
      if (r.empty()) r.push_back(aws ? AwsRole() : AliyunRole());
      x += attribute("Role", r);
    }
    if (!role_session_names.empty()) x += attribute("RoleSessionName", role_session_names);
    if (!session_durations.empty()) x += attribute("SessionDuration", session_durations);
    if (!source_identities.empty()) x += attribute("SourceIdentity", source_identities);
    x += extra_attributes;
    x += "    </" + a + "AttributeStatement>\n";
    x += "  </" + a + "Assertion>\n";
  }
  x += "</" + p + "Response>\n";
  return x;
}

}  // namespace samlint::testing
