// A SAML response for a generic service provider: it names neither AWS nor
// Alibaba Cloud anywhere, for tests of cloud detection and of values left
// unknown. Header-only.
#pragma once

#include "support/saml_builder.h"

namespace samlint::testing {

/// The default response without Role and RoleSessionName attributes, whose
/// Audience, Recipient and Destination are those of https://sp.example.com.
inline SamlBuilder GenericSpBuilder() {
  SamlBuilder b;
  b.include_role = false;
  b.role_session_names = {};
  b.audiences = {"https://sp.example.com/metadata"};
  b.recipient = "https://sp.example.com/acs";
  b.destination = "https://sp.example.com/acs";
  return b;
}

}  // namespace samlint::testing
