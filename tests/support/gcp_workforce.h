// A SAML response for Google Cloud Workforce Identity Federation (pool
// corp-staff, provider okta-saml): no Role or RoleSessionName attribute, the
// provider's Audience, Recipient and Destination. Header-only.
#pragma once

#include <string>

#include "support/saml_builder.h"

namespace samlint::testing {

inline const std::string kGcpAudience =
    "https://iam.googleapis.com/locations/global/workforcePools/corp-staff/providers/okta-saml";
inline const std::string kGcpCallback =
    "https://auth.cloud.google/signin-callback/locations/global/workforcePools/corp-staff/"
    "providers/okta-saml";

/// The default response (t_use 10:00, SessionNotOnOrAfter 18:00) sent to Google.
inline SamlBuilder GcpWorkforceBuilder() {
  SamlBuilder b;
  b.include_role = false;
  b.role_session_names = {};
  b.audiences = {kGcpAudience};
  b.recipient = kGcpCallback;
  b.destination = kGcpCallback;
  return b;
}

}  // namespace samlint::testing
