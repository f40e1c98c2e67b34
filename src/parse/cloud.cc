#include "parse/cloud.h"

#include <cctype>
#include <string_view>

namespace samlint {
namespace {

constexpr CloudAttributes kAwsAttributes{
    "https://aws.amazon.com/SAML/Attributes/Role",
    "https://aws.amazon.com/SAML/Attributes/RoleSessionName",
    "https://aws.amazon.com/SAML/Attributes/SessionDuration",
    "https://aws.amazon.com/SAML/Attributes/SourceIdentity",
};
constexpr CloudAttributes kAliyunAttributes{
    "https://www.aliyun.com/SAML-Role/Attributes/Role",
    "https://www.aliyun.com/SAML-Role/Attributes/RoleSessionName",
    "https://www.aliyun.com/SAML-Role/Attributes/SessionDuration",
    nullptr,
};

bool RegionLabel(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return false;
    }
  }
  return true;
}

// After ".../saml": nothing, or "/acs/<IdP-ID>" when the IdP encrypts assertions.
bool AwsSamlPath(std::string_view rest) {
  if (rest.empty() || rest == "/") return true;
  if (!rest.starts_with("/acs/")) return false;
  std::string_view id = rest.substr(5);
  if (id.empty()) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

// Google workforce pool provider path:
// locations/global/workforcePools/{pool}/providers/{provider}, each id non-empty
// and free of '/', '?' and '#'.
std::optional<WorkforceProvider> WorkforcePath(std::string_view path) {
  constexpr std::string_view kPrefix = "locations/global/workforcePools/";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  path.remove_prefix(kPrefix.size());
  auto segment = [](std::string_view s) {
    return !s.empty() && s.find_first_of("/?#") == std::string_view::npos;
  };
  auto slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view pool = path.substr(0, slash);
  std::string_view rest = path.substr(slash);
  constexpr std::string_view kProviders = "/providers/";
  if (!rest.starts_with(kProviders)) return std::nullopt;
  std::string_view provider = rest.substr(kProviders.size());
  if (!segment(pool) || !segment(provider)) return std::nullopt;
  return WorkforceProvider{std::string(pool), std::string(provider)};
}

}  // namespace

std::optional<WorkforceProvider> GcpSigninCallback(std::string_view url) {
  constexpr std::string_view kCallback = "https://auth.cloud.google/signin-callback/";
  if (!url.starts_with(kCallback)) return std::nullopt;
  return WorkforcePath(url.substr(kCallback.size()));
}

std::optional<WorkforceProvider> GcpWorkforceAudience(std::string_view audience) {
  constexpr std::string_view kAudience = "https://iam.googleapis.com/";
  if (!audience.starts_with(kAudience)) return std::nullopt;
  return WorkforcePath(audience.substr(kAudience.size()));
}

std::optional<WorkforceProvider> GcpWorkforceProvider(const ResponseFacts& facts,
                                                      const AssertionFact* assertion) {
  if (assertion != nullptr) {
    for (const TextFact& au : assertion->audiences) {
      if (auto p = GcpWorkforceAudience(au.value)) return p;
    }
    for (const SubjectConfirmationFact& sc : assertion->subject_confirmations) {
      if (auto p = GcpSigninCallback(sc.recipient.value)) return p;
    }
  }
  return GcpSigninCallback(facts.destination.value);
}

const CloudAttributes& AttributesOf(Cloud cloud) {
  return cloud == Cloud::kAws ? kAwsAttributes : kAliyunAttributes;
}

bool IsSigninEndpoint(Cloud cloud, std::string_view url) {
  if (cloud == Cloud::kGcp) return GcpSigninCallback(url).has_value();
  if (cloud == Cloud::kAliyun) {
    return url == "https://signin.alibabacloud.com/saml-role/sso" ||
           url == "https://signin.aliyun.com/saml-role/sso";
  }
  constexpr std::string_view kHosts[] = {"signin.aws.amazon.com", "signin.amazonaws.cn",
                                         "signin.amazonaws-us-gov.com"};
  if (!url.starts_with("https://")) return false;
  std::string_view rest = url.substr(8);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view host = rest.substr(0, slash);
  std::string_view path = rest.substr(slash);
  if (!path.starts_with("/saml") || !AwsSamlPath(path.substr(5))) return false;
  for (std::string_view h : kHosts) {
    if (host == h) return true;
    // <region>.signin.aws.amazon.com
    if (host.size() > h.size() + 1 && host.substr(host.size() - h.size()) == h &&
        host[host.size() - h.size() - 1] == '.' &&
        RegionLabel(host.substr(0, host.size() - h.size() - 1))) {
      return true;
    }
  }
  return false;
}

bool IsCloudAudience(Cloud cloud, std::string_view audience) {
  if (cloud == Cloud::kGcp) return GcpWorkforceAudience(audience).has_value();
  if (cloud == Cloud::kAliyun) {
    return audience == "urn:alibaba:cloudcomputing:international" ||
           audience == "urn:alibaba:cloudcomputing";
  }
  // The China regions use urn:amazon:webservices:cn-north-1 and similar.
  return audience == "urn:amazon:webservices" || audience.starts_with("urn:amazon:webservices:") ||
         audience == "https://signin.aws.amazon.com/saml";
}

std::optional<Cloud> DetectCloud(const ResponseFacts& facts, const AssertionFact* assertion) {
  int aws = 0;
  int aliyun = 0;
  if (assertion != nullptr) {
    for (const AttributeFact& a : assertion->attributes) {
      if (a.name.starts_with("https://aws.amazon.com/SAML/Attributes/")) aws += 4;
      if (a.name.starts_with("https://www.aliyun.com/SAML-Role/Attributes/")) aliyun += 4;
    }
    for (const TextFact& au : assertion->audiences) {
      if (IsCloudAudience(Cloud::kAws, au.value)) aws += 2;
      if (IsCloudAudience(Cloud::kAliyun, au.value)) aliyun += 2;
    }
    for (const SubjectConfirmationFact& sc : assertion->subject_confirmations) {
      if (IsSigninEndpoint(Cloud::kAws, sc.recipient.value)) aws += 1;
      if (IsSigninEndpoint(Cloud::kAliyun, sc.recipient.value)) aliyun += 1;
    }
  }
  if (IsSigninEndpoint(Cloud::kAws, facts.destination.value)) aws += 1;
  if (IsSigninEndpoint(Cloud::kAliyun, facts.destination.value)) aliyun += 1;
  if (aws > aliyun) return Cloud::kAws;
  if (aliyun > aws) return Cloud::kAliyun;
  // Google maps no fixed attribute names, so only its endpoints name it, and
  // only when no other cloud's attribute, Audience or endpoint does.
  if (aws == 0 && GcpWorkforceProvider(facts, assertion)) return Cloud::kGcp;
  return std::nullopt;
}

}  // namespace samlint
