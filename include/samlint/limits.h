/// Bounds on the work one input may cause. Every limit has a name that the
/// `--limit NAME=N` option sets, and a finding (`limit-exceeded`) that names it
/// and that option when an input reaches it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "samlint/status.h"

namespace samlint {

struct Limits {
  /// input-bytes: bytes of one input (file, stdin, decoded document).
  std::size_t input_bytes = std::size_t{16} << 20;
  /// inflated-bytes: bytes a gzip input may inflate to.
  std::size_t inflated_bytes = std::size_t{64} << 20;
  /// signatures: ds:Signature elements verified in one document (those on
  /// the Response, the read Assertion and the assertions wrapping may hide);
  /// further ones are reported, not verified.
  std::size_t signatures = 16;
  /// xml-nodes: nodes (elements, attributes, text) in one XML document.
  std::size_t xml_nodes = 1'000'000;
  /// json-nodes: values in one JSON or YAML input (artifacts, declarations,
  /// IdP configuration), all its documents together; a YAML alias counts as
  /// the values it stands for, so aliases never multiply the work.
  std::size_t json_nodes = 1'000'000;
  /// capture-bytes: bytes of one HAR capture larger than input-bytes, read
  /// as a stream that keeps only its SAMLResponse POSTs.
  std::size_t capture_bytes = std::size_t{1} << 30;
};

/// One limit's name, value and what it bounds, for `--limit` help and docs.
struct LimitInfo {
  std::string_view name;
  std::size_t Limits::*field;
  std::string_view bounds;
};

/// Every limit, in a fixed order.
const LimitInfo* AllLimits(std::size_t& count);

/// Sets one limit from "NAME=N" (N > 0; k/M/G suffixes multiply by 1024s).
/// Fails with a sentence naming the valid names.
Status SetLimit(Limits& limits, std::string_view assignment);

/// "the limit signatures=16 (raise it with --limit signatures=N)": the words
/// a limit-exceeded finding ends its message with.
std::string LimitHint(const Limits& limits, std::string_view name);

}  // namespace samlint
