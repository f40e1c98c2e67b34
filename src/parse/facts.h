// Facts read from a SAML response, each with the byte offset it was read at.
// The extractor fills these; later stages never look at XML again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samlint/timestamp.h"

namespace samlint {

/// A text value (attribute or element content) and where it starts.
struct TextFact {
  bool present = false;
  std::string value;
  std::size_t offset = 0;
  bool has_comment = false;  ///< a comment split the element's text
};

/// An xs:dateTime value; `value` is empty when the text is not a valid dateTime.
struct TimeFact {
  bool present = false;
  std::string text;
  std::optional<Timestamp> value;
  std::size_t offset = 0;
};

struct AttributeFact {
  std::string name;
  std::size_t offset = 0;
  std::vector<TextFact> values;
};

struct SubjectConfirmationFact {
  std::size_t offset = 0;
  std::string method;
  bool has_data = false;
  std::size_t data_offset = 0;
  TextFact recipient;
  TimeFact not_before;
  TimeFact not_on_or_after;
};

struct AuthnStatementFact {
  std::size_t offset = 0;
  TimeFact authn_instant;
  TimeFact session_not_on_or_after;
};

/// A ds:Signature that is a direct child of the Response or an Assertion.
struct SignatureFact {
  std::size_t offset = 0;
  std::string reference_uri;
  std::string signature_method;  ///< Algorithm URI
  std::string digest_method;     ///< Algorithm URI of the first Reference
  TextFact digest_value;
};

/// Element-child indexes from the document node down to an element: how both
/// parsers name "the same element" when they compare notes.
using ElementPath = std::vector<std::uint32_t>;

struct AssertionFact {
  std::size_t offset = 0;
  ElementPath path;
  bool direct_child = true;  ///< a child of the Response (or the root itself)
  TextFact id;
  TimeFact issue_instant;
  TextFact issuer;
  TextFact name_id;
  bool has_conditions = false;
  std::size_t conditions_offset = 0;
  TimeFact not_before;
  TimeFact not_on_or_after;
  std::vector<TextFact> audiences;
  std::vector<SubjectConfirmationFact> subject_confirmations;
  std::vector<AuthnStatementFact> authn_statements;
  std::vector<AttributeFact> attributes;
  std::optional<SignatureFact> signature;
};

/// An element or attribute whose namespace prefix is never declared: not
/// namespace-well-formed, so a namespace-aware SP does not see it as SAML.
struct UndeclaredPrefix {
  std::string prefix;
  std::string qualified_name;
  std::string name_attribute;  ///< its Name="..." if any, to say which SAML attribute is lost
  std::size_t offset = 0;
};

/// An element whose text samlint reports but that a comment splits.
struct CommentInValue {
  std::string element;
  std::size_t offset = 0;
};

/// SAML content where no service provider reads it: an Assertion that is not
/// the Response's child, or a statement or attribute outside every such Assertion.
struct MisplacedContent {
  std::string element;    ///< qualified name, e.g. "saml:Assertion"
  std::string container;  ///< qualified name of the element it sits in
  std::size_t offset = 0;
};

/// Findings of one kind listed per document; the rest are counted.
inline constexpr std::size_t kMaxListedFindings = 16;

/// A namespace prefix bound to a second, different namespace somewhere in the document.
struct ReboundPrefix {
  std::string prefix;
  std::string first_uri;
  std::string second_uri;
  std::size_t offset = 0;
};

/// Where the Response sits: directly, or inside a SOAP envelope (ECP/artifact).
enum class Envelope { kNone, kSoap };

struct ResponseFacts {
  bool is_response = true;  ///< false: the root is a bare saml:Assertion
  Envelope envelope = Envelope::kNone;
  std::size_t offset = 0;
  ElementPath path;
  TextFact id;
  TimeFact issue_instant;
  TextFact destination;
  TextFact issuer;
  bool has_status = false;
  std::size_t status_offset = 0;
  TextFact status_code;
  TextFact sub_status_code;
  TextFact status_message;
  std::optional<SignatureFact> signature;
  std::vector<AssertionFact> assertions;  ///< the Response's Assertion children, in order
  /// Assertions anywhere else (Extensions, Advice, ds:Object...): never read,
  /// but a signature-wrapping attack hides the signed original there.
  std::vector<AssertionFact> nested_assertions;
  std::vector<std::size_t> encrypted_assertions;  ///< offsets of EncryptedAssertion elements
  std::vector<std::pair<std::string, std::size_t>> ids;  ///< every ID attribute in the document
  std::vector<UndeclaredPrefix> undeclared_prefixes;
  std::vector<CommentInValue> comments_in_values;
  std::vector<MisplacedContent> misplaced;      ///< the first kMaxListedFindings
  std::size_t misplaced_unlisted = 0;           ///< how many more there are
  std::vector<ReboundPrefix> rebound_prefixes;  ///< the first kMaxListedFindings
  std::size_t rebound_unlisted = 0;
  bool has_any_signature = false;  ///< a ds:Signature anywhere in the document
  std::size_t signature_count = 0;  ///< ds:Signature elements anywhere in the document
  std::size_t node_count = 0;       ///< elements, attributes and text nodes read
};

}  // namespace samlint
