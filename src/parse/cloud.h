// Telling the cloud a SAML response is for from what it says.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parse/facts.h"
#include "samlint/scenario.h"

namespace samlint {

/// The cloud named by the read assertion's attribute names, its Audience, or
/// its Recipient/Destination endpoints, in that order of weight. nullopt when
/// none of them names a cloud or they disagree evenly.
std::optional<Cloud> DetectCloud(const ResponseFacts& facts, const AssertionFact* assertion);

/// A Google Cloud workforce pool provider named by an endpoint or an Audience.
struct WorkforceProvider {
  std::string pool;
  std::string provider;
};

/// `url` is https://auth.cloud.google/signin-callback/locations/global/workforcePools/
/// {pool}/providers/{provider} (Google's Recipient and Destination): its ids, else nullopt.
std::optional<WorkforceProvider> GcpSigninCallback(std::string_view url);

/// `audience` is https://iam.googleapis.com/locations/global/workforcePools/{pool}/
/// providers/{provider} (Google's SP entity ID): its ids, else nullopt.
std::optional<WorkforceProvider> GcpWorkforceAudience(std::string_view audience);

/// The workforce pool provider the read assertion's Audience, else its
/// Recipient, else the Response's Destination names; nullopt when none does.
std::optional<WorkforceProvider> GcpWorkforceProvider(const ResponseFacts& facts,
                                                      const AssertionFact* assertion);

/// The SAML attribute names of each cloud.
struct CloudAttributes {
  const char* role;
  const char* role_session_name;
  const char* session_duration;
  const char* source_identity;  ///< nullptr where the cloud has none
};
const CloudAttributes& AttributesOf(Cloud cloud);

/// True when `url` is one of the cloud's SAML sign-in endpoints (Recipient/Destination).
bool IsSigninEndpoint(Cloud cloud, std::string_view url);

/// True when `audience` is an audience the cloud accepts.
bool IsCloudAudience(Cloud cloud, std::string_view audience);

}  // namespace samlint
