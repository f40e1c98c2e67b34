#include "samlint/scenario.h"

#include <array>

namespace samlint {
namespace {

constexpr std::array<ScenarioInfo, 18> kScenarios{{
    {ScenarioId::kAwsSamlConsole, "aws:saml-console", Cloud::kAws, true,
     "AWS console sign-in with SAML"},
    {ScenarioId::kAwsSamlApi, "aws:saml-api", Cloud::kAws, true,
     "AWS STS AssumeRoleWithSAML"},
    {ScenarioId::kAwsAssumeRole, "aws:assume-role", Cloud::kAws, false, "AWS STS AssumeRole"},
    {ScenarioId::kAwsWebIdentity, "aws:web-identity", Cloud::kAws, false,
     "AWS STS AssumeRoleWithWebIdentity"},
    {ScenarioId::kAwsIdentityCenter, "aws:identity-center", Cloud::kAws, false,
     "AWS IAM Identity Center permission set"},
    {ScenarioId::kAwsFederationToken, "aws:federation-token", Cloud::kAws, false,
     "AWS STS GetFederationToken"},
    {ScenarioId::kAwsSessionToken, "aws:session-token", Cloud::kAws, false,
     "AWS STS GetSessionToken"},
    {ScenarioId::kAliyunRamUserLogon, "aliyun:ram-user-logon", Cloud::kAliyun, false,
     "Alibaba Cloud RAM user logon"},
    {ScenarioId::kAliyunUserSso, "aliyun:user-sso", Cloud::kAliyun, false,
     "Alibaba Cloud user-based SSO"},
    {ScenarioId::kAliyunSamlConsole, "aliyun:saml-console", Cloud::kAliyun, true,
     "Alibaba Cloud console logon with SAML role SSO"},
    {ScenarioId::kAliyunSamlApi, "aliyun:saml-api", Cloud::kAliyun, true,
     "Alibaba Cloud STS AssumeRoleWithSAML"},
    {ScenarioId::kAliyunOidcApi, "aliyun:oidc-api", Cloud::kAliyun, false,
     "Alibaba Cloud STS AssumeRoleWithOIDC"},
    {ScenarioId::kAliyunRoleSwitchConsole, "aliyun:role-switch-console", Cloud::kAliyun, false,
     "Alibaba Cloud console role switch"},
    {ScenarioId::kAliyunAssumeRole, "aliyun:assume-role", Cloud::kAliyun, false,
     "Alibaba Cloud STS AssumeRole"},
    {ScenarioId::kSamlGeneric, "saml:generic", Cloud::kGeneric, true,
     "SAML 2.0 Web Browser SSO to any service provider"},
    {ScenarioId::kGcpWorkforceConsole, "gcp:workforce-console", Cloud::kGcp, true,
     "Google Cloud console (federated) and gcloud sign-in with a workforce pool"},
    {ScenarioId::kGcpWorkforceToken, "gcp:workforce-token", Cloud::kGcp, true,
     "Google Cloud STS token exchange (/v1/token) of a SAML assertion"},
    {ScenarioId::kGcpWorkforceIap, "gcp:workforce-iap", Cloud::kGcp, true,
     "Google Cloud IAP session cookie with a workforce pool"},
}};

}  // namespace

std::string_view CloudName(Cloud cloud) {
  switch (cloud) {
    case Cloud::kAws:
      return "aws";
    case Cloud::kAliyun:
      return "aliyun";
    case Cloud::kGeneric:
      return "generic";
    case Cloud::kGcp:
      return "gcp";
  }
  return "generic";
}

std::optional<Cloud> ParseCloud(std::string_view text) {
  if (text == "aws") return Cloud::kAws;
  if (text == "aliyun") return Cloud::kAliyun;
  if (text == "generic") return Cloud::kGeneric;
  if (text == "gcp") return Cloud::kGcp;
  return std::nullopt;
}

std::span<const ScenarioInfo> AllScenarios() { return kScenarios; }

const ScenarioInfo& GetScenario(ScenarioId id) {
  return kScenarios[static_cast<std::size_t>(id)];
}

const ScenarioInfo* FindScenario(std::string_view name) {
  for (const ScenarioInfo& s : kScenarios) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace samlint
