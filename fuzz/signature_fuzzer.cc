// Signature assessment: CheckBytes with the test IdP's certificate as the only
// trust anchor, seeded with the signed fixtures of testdata/trust so that
// mutations start from documents whose signatures verify. Beyond the shared
// invariants: a "verified" verdict names what it covers, and nothing is
// reported as signed otherwise (checked in CheckResultInvariants).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "invariants.h"
#include "samlint/check.h"
#include "samlint/trust.h"

using samlint::fuzz::Require;

namespace {

const samlint::CheckOptions& RequiringOptions() {
  static const samlint::CheckOptions options = [] {
    samlint::CheckOptions o = samlint::fuzz::TrustedOptions();
    o.require_signature = true;
    return o;
  }();
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const samlint::CheckResult result =
      samlint::CheckBytes("response.xml", bytes, RequiringOptions());
  samlint::fuzz::CheckResultInvariants(result);
  if (result.signature && result.signature->status == "verified") {
    Require(!result.signature->covers.empty(), "a verified signature covers something");
  }
  return 0;
}
