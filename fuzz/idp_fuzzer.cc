// IdP configuration (Keycloak realm exports, Terraform plans with okta_app_saml
// / keycloak_saml_client): ReadIdpConfig, then the configuration as an INPUT
// through the pipeline (CheckIdpConfig).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "idp/idp_config.h"
#include "invariants.h"
#include "pipeline/idp.h"

using samlint::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const samlint::CheckOptions options = samlint::fuzz::FixedOptions();

  const samlint::IdpConfigSplit split = samlint::ReadIdpConfig(text, *options.now);
  if (!split.recognised) {
    Require(split.parts.empty(), "an unrecognised configuration has no applications");
  }
  for (const samlint::IdpConfigPart& part : split.parts) {
    Require(part.idp == "keycloak" || part.idp == "okta", "the IdP is keycloak or okta");
    Require(part.pointer.empty() || part.pointer.front() == '/',
            "a part's pointer is a JSON Pointer");
    Require(part.signing.offset <= size && part.signing.algorithm_offset <= size,
            "signing offsets inside the text");
    for (const samlint::IdpUnknown& unknown : part.unknowns) {
      Require(unknown.offset <= size, "an unknown's offset inside the text");
    }
  }

  // The pipeline judges what ReadIdpConfig recognised, and nothing else.
  if (split.recognised) {
    samlint::fuzz::CheckResultInvariants(
        samlint::CheckIdpConfig("realm.json", text, split, options));
  }
  return 0;
}
