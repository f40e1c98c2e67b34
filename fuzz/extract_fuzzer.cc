// SAML extraction: ExtractFacts on arbitrary XML. Every offset it reports must
// lie inside the document it was given (an error offset may be its end + 1).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "invariants.h"
#include "parse/extract.h"

using samlint::fuzz::Require;

namespace {

void CheckText(const samlint::TextFact& fact, std::size_t size) {
  if (fact.present) Require(fact.offset <= size, "text fact offset inside the document");
}

void CheckTime(const samlint::TimeFact& fact, std::size_t size) {
  if (fact.present) Require(fact.offset <= size, "time fact offset inside the document");
  if (fact.value) Require(fact.present, "a parsed time was present");
}

void CheckSignature(const std::optional<samlint::SignatureFact>& signature, std::size_t size) {
  if (!signature) return;
  Require(signature->offset < size, "signature offset inside the document");
  CheckText(signature->digest_value, size);
}

void CheckAssertion(const samlint::AssertionFact& a, std::size_t size) {
  Require(a.offset < size, "assertion offset inside the document");
  Require(!a.path.empty(), "an assertion has an element path");
  CheckText(a.id, size);
  CheckTime(a.issue_instant, size);
  CheckText(a.issuer, size);
  CheckText(a.name_id, size);
  CheckTime(a.not_before, size);
  CheckTime(a.not_on_or_after, size);
  for (const samlint::TextFact& audience : a.audiences) CheckText(audience, size);
  for (const samlint::SubjectConfirmationFact& sc : a.subject_confirmations) {
    Require(sc.offset < size, "subject confirmation offset inside the document");
    CheckText(sc.recipient, size);
    CheckTime(sc.not_before, size);
    CheckTime(sc.not_on_or_after, size);
  }
  for (const samlint::AuthnStatementFact& s : a.authn_statements) {
    Require(s.offset < size, "authn statement offset inside the document");
    CheckTime(s.authn_instant, size);
    CheckTime(s.session_not_on_or_after, size);
  }
  for (const samlint::AttributeFact& attribute : a.attributes) {
    Require(attribute.offset < size, "attribute offset inside the document");
    for (const samlint::TextFact& value : attribute.values) CheckText(value, size);
  }
  CheckSignature(a.signature, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  const samlint::ExtractOutcome outcome = samlint::ExtractFacts(xml);
  if (outcome.status != samlint::ExtractStatus::kOk) {
    Require(!outcome.error.empty(), "a refused document says why");
    // pugixml reports an error at the end of the buffer (`<a b`) one byte past
    // it; LineIndex clamps, so that is allowed, and nothing further.
    if (outcome.error_offset > size + 1) {
      Require(false, "error offset " + std::to_string(outcome.error_offset) +
                         " inside the document of " + std::to_string(size) +
                         " bytes: " + outcome.error);
    }
    return 0;
  }
  const samlint::ResponseFacts& facts = outcome.facts;
  Require(facts.offset < size, "root offset inside the document");
  CheckText(facts.id, size);
  CheckTime(facts.issue_instant, size);
  CheckText(facts.destination, size);
  CheckText(facts.issuer, size);
  CheckText(facts.status_code, size);
  CheckText(facts.sub_status_code, size);
  CheckText(facts.status_message, size);
  CheckSignature(facts.signature, size);
  for (const samlint::AssertionFact& a : facts.assertions) CheckAssertion(a, size);
  for (const samlint::AssertionFact& a : facts.nested_assertions) CheckAssertion(a, size);
  for (std::size_t offset : facts.encrypted_assertions) {
    Require(offset < size, "encrypted assertion offset inside the document");
  }
  for (const auto& id : facts.ids) Require(id.second <= size, "ID offset inside the document");
  for (const samlint::UndeclaredPrefix& p : facts.undeclared_prefixes) {
    Require(p.offset < size, "undeclared prefix offset inside the document");
  }
  for (const samlint::CommentInValue& c : facts.comments_in_values) {
    Require(c.offset < size, "comment offset inside the document");
  }
  if (facts.signature || !facts.assertions.empty()) {
    bool any_assertion_signed = false;
    for (const samlint::AssertionFact& a : facts.assertions) {
      any_assertion_signed = any_assertion_signed || a.signature.has_value();
    }
    if (facts.signature || any_assertion_signed) {
      Require(facts.has_any_signature, "a document with a signature says it has one");
    }
  }
  return 0;
}
