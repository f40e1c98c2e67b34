// Differential: for any input, the values samlint reports as signed are the
// values read from the bytes xmlsec verified. The trust stage is run on the
// extracted facts with the test IdP's certificate as the anchor; whenever it
// says the values are signed, the assertion they come from must read the same
// as the verified canonical form (AssertionDifferences is empty), and the
// whole pipeline's signed factors and roles must be values that form holds.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.h"
#include "parse/extract.h"
#include "samlint/check.h"
#include "trust/signature.h"

using samlint::fuzz::Require;

namespace {

// Every AttributeValue text of the attribute `name` in `a`.
std::set<std::string> ValuesOf(const samlint::AssertionFact& a, std::string_view name) {
  std::set<std::string> out;
  for (const samlint::AttributeFact& attr : a.attributes) {
    if (attr.name != name) continue;
    for (const samlint::TextFact& v : attr.values) out.insert(v.value);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  const samlint::CheckOptions& options = samlint::fuzz::TrustedOptions();
  samlint::ExtractOutcome extracted = samlint::ExtractFacts(xml, options.limits.xml_nodes);
  if (extracted.status != samlint::ExtractStatus::kOk) return 0;
  const samlint::ResponseFacts& facts = extracted.facts;
  const samlint::AssertionFact* read = facts.assertions.empty() ? nullptr : &facts.assertions.front();
  std::vector<samlint::Diagnostic> findings;
  const samlint::TrustVerdict verdict = samlint::AssessSignatures(
      xml, facts, read, samlint::Cloud::kAws, std::nullopt, options, findings);
  if (!verdict.values_signed) return 0;

  Require(verdict.values_from != nullptr, "signed values come from an assertion");
  Require(verdict.signed_view.has_value(), "signed values were read again from the verified bytes");
  Require(samlint::AssertionDifferences(*verdict.values_from, *verdict.signed_view).empty(),
          "the signed values equal those of the verified canonical form");

  // End to end: every role reported as signed is a Role value of the verified form.
  const samlint::CheckResult result = samlint::CheckBytes("response.xml", xml, options);
  std::set<std::string> roles =
      ValuesOf(*verdict.signed_view, "https://aws.amazon.com/SAML/Attributes/Role");
  roles.merge(ValuesOf(*verdict.signed_view, "https://www.aliyun.com/SAML-Role/Attributes/Role"));
  for (const samlint::RolePair& r : result.roles) {
    if (r.is_signed != std::optional<bool>(true)) continue;
    bool held = false;
    for (const std::string& v : roles) held |= v.find(r.role) != std::string::npos;
    Require(held, "a role reported as signed is one the verified bytes hold");
  }
  return 0;
}
