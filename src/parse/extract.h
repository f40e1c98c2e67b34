// Reads the facts samlint needs out of a SAML response's XML with pugixml.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/facts.h"

namespace samlint {

enum class ExtractStatus {
  kOk,
  kDoctype,    ///< a DOCTYPE: refused before anything is read
  kMalformed,  ///< not well-formed XML, or nested too deep
  kNotSaml,    ///< well-formed, but the root is not a SAML Response or Assertion
  kLimit,      ///< more nodes than the xml-nodes limit allows
};

struct ExtractOutcome {
  ExtractStatus status = ExtractStatus::kMalformed;
  std::string error;             ///< for any status but kOk
  std::size_t error_offset = 0;  ///< byte offset of the problem
  ResponseFacts facts;           ///< filled for kOk
};

/// Elements nested deeper than this make the document malformed (bounded work).
inline constexpr int kMaxXmlDepth = 128;

/// Parses `xml` (comments kept, no DTD, no entities beyond XML's five) and
/// extracts the facts, matching elements by namespace URI, never by prefix.
/// The document must be UTF-8 (a declaration naming another encoding is
/// refused: libxml2, which checks signatures, would read other characters) and
/// must declare namespaces legally. More than `max_nodes` nodes: kLimit.
ExtractOutcome ExtractFacts(std::string_view xml, std::size_t max_nodes = 1'000'000);

/// The value fields of two readings of one assertion that differ ("Attribute
/// SessionDuration", "AuthnStatement/@SessionNotOnOrAfter", ...); empty when
/// they agree. Offsets, comments and signatures are not compared.
std::vector<std::string> AssertionDifferences(const AssertionFact& a, const AssertionFact& b);

}  // namespace samlint
