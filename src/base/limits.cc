#include "samlint/limits.h"

#include <charconv>
#include <limits>

namespace samlint {
namespace {

constexpr LimitInfo kLimits[] = {
    {"input-bytes", &Limits::input_bytes, "bytes of one input (file, stdin, decoded document)"},
    {"inflated-bytes", &Limits::inflated_bytes, "bytes a gzip input may inflate to"},
    {"signatures", &Limits::signatures,
     "ds:Signature elements verified in one document; further ones are reported, not verified"},
    {"xml-nodes", &Limits::xml_nodes, "nodes (elements, attributes, text) in one XML document"},
    {"json-nodes", &Limits::json_nodes,
     "values in one JSON or YAML input (artifacts, declarations, IdP configuration); a YAML alias "
     "counts as the values it stands for"},
    {"capture-bytes", &Limits::capture_bytes,
     "bytes of one HAR capture larger than input-bytes, read as a stream that keeps only its "
     "SAMLResponse POSTs"},
};

}  // namespace

const LimitInfo* AllLimits(std::size_t& count) {
  count = std::size(kLimits);
  return kLimits;
}

Status SetLimit(Limits& limits, std::string_view assignment) {
  std::string names;
  for (const LimitInfo& l : kLimits) names += (names.empty() ? "" : ", ") + std::string(l.name);
  auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return Status::Error("expected NAME=N, where NAME is one of " + names);
  }
  std::string_view name = assignment.substr(0, eq);
  std::string_view value = assignment.substr(eq + 1);
  const LimitInfo* info = nullptr;
  for (const LimitInfo& l : kLimits) {
    if (l.name == name) info = &l;
  }
  if (info == nullptr) {
    return Status::Error("unknown limit \"" + std::string(name) + "\"; the limits are " + names);
  }
  std::size_t multiplier = 1;
  if (!value.empty()) {
    switch (value.back()) {
      case 'k':
      case 'K':
        multiplier = std::size_t{1} << 10;
        break;
      case 'M':
        multiplier = std::size_t{1} << 20;
        break;
      case 'G':
        multiplier = std::size_t{1} << 30;
        break;
      default:
        break;
    }
    if (multiplier != 1) value.remove_suffix(1);
  }
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || n == 0 ||
      n > std::numeric_limits<std::size_t>::max() / multiplier) {
    return Status::Error("the limit " + std::string(name) +
                         " takes a whole number above 0 (k, M, G suffixes allowed), not \"" +
                         std::string(assignment.substr(eq + 1)) + "\"");
  }
  limits.*(info->field) = n * multiplier;
  return Status();
}

std::string LimitHint(const Limits& limits, std::string_view name) {
  std::size_t value = 0;
  for (const LimitInfo& l : kLimits) {
    if (l.name == name) value = limits.*(l.field);
  }
  return "the limit " + std::string(name) + "=" + std::to_string(value) +
         " (raise it with --limit " + std::string(name) + "=N)";
}

}  // namespace samlint
