/// The scenarios of lifetime-rules.md: which cloud flow a session comes from.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace samlint {

/// kGcp: Google Cloud Workforce Identity Federation (more-clouds.md § Google Cloud Workforce
/// Identity Federation). kGeneric: any SAML 2.0 service provider (§ Generic SAML 2.0 service
/// provider).
enum class Cloud { kAws, kAliyun, kGeneric, kGcp };

/// "aws", "aliyun", "generic" or "gcp".
std::string_view CloudName(Cloud cloud);
std::optional<Cloud> ParseCloud(std::string_view text);

enum class ScenarioId {
  kAwsSamlConsole,
  kAwsSamlApi,
  kAwsAssumeRole,
  kAwsWebIdentity,
  kAwsIdentityCenter,
  kAwsFederationToken,
  kAwsSessionToken,
  kAliyunRamUserLogon,
  kAliyunUserSso,
  kAliyunSamlConsole,
  kAliyunSamlApi,
  kAliyunOidcApi,
  kAliyunRoleSwitchConsole,
  kAliyunAssumeRole,
  kSamlGeneric,
  kGcpWorkforceConsole,
  kGcpWorkforceToken,
  kGcpWorkforceIap,
};

/// Static facts about a scenario.
struct ScenarioInfo {
  ScenarioId id;
  std::string_view name;   ///< "aws:saml-console"
  Cloud cloud;
  bool takes_saml;         ///< evaluated per SAML response (else from options alone)
  std::string_view title;  ///< "AWS console sign-in with SAML"
};

std::span<const ScenarioInfo> AllScenarios();
const ScenarioInfo& GetScenario(ScenarioId id);
const ScenarioInfo* FindScenario(std::string_view name);

}  // namespace samlint
