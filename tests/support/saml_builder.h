// Builds SAML responses for tests, one knob per fact the rules read. The
// default is a clean AWS response issued at 2026-11-23T10:00:00Z.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace samlint::testing {

struct SamlBuilder {
  enum class Cloud { kAws, kAliyun };
  Cloud cloud = Cloud::kAws;

  std::string assertion_prefix = "saml2";  ///< prefix of assertion-namespace elements
  std::string protocol_prefix = "samlp";   ///< prefix of protocol-namespace elements
  bool default_namespace_assertion = false;  ///< assertion elements unprefixed, xmlns=

  std::string issue_instant = "2026-11-23T10:00:00Z";       ///< Response and Assertion
  std::optional<std::string> response_issue_instant;          ///< overrides the Response's
  std::optional<std::string> destination;                     ///< default: the cloud's endpoint
  std::string status = "urn:oasis:names:tc:SAML:2.0:status:Success";
  bool include_status = true;
  std::optional<std::string> recipient;                       ///< default: the cloud's endpoint
  std::optional<std::string> subject_not_on_or_after = "2026-11-23T10:05:00Z";
  std::optional<std::string> not_before = "2026-11-23T09:55:00Z";
  std::optional<std::string> not_on_or_after = "2026-11-23T10:05:00Z";
  std::vector<std::string> audiences;                         ///< default: the cloud's audience
  std::optional<std::string> session_not_on_or_after = "2026-11-23T18:00:00Z";
  std::vector<std::string> roles;                             ///< default: one role of the cloud
  bool include_role = true;
  std::vector<std::string> role_session_names = {"alice@example.com"};
  std::vector<std::string> session_durations;                 ///< empty: attribute absent
  std::vector<std::string> source_identities;
  std::string name_id = "alice@example.com";
  bool sign_marker_response = false;   ///< add a (not valid) ds:Signature to the Response
  bool sign_marker_assertion = false;  ///< add a (not valid) ds:Signature to the Assertion
  std::string signature_method = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  std::string digest_method = "http://www.w3.org/2001/04/xmlenc#sha256";
  int assertion_count = 1;
  std::string extra_attributes;  ///< raw XML appended inside the AttributeStatement
  std::string assertion_id = "_a1";

  std::string Build() const;
};

/// The role ARN pair samlint expects for each cloud.
std::string AwsRole(const std::string& name = "ops", const std::string& account = "123456789012");
std::string AliyunRole(const std::string& name = "ops",
                       const std::string& account = "1234567890123456");

/// 1-based line of the first occurrence of `needle` in `text` (0 if absent).
int LineOf(const std::string& text, const std::string& needle);

}  // namespace samlint::testing
