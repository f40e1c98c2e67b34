#include "report/finding_scope.h"

#include <string>
#include <string_view>

#include "identity/finding_identity.h"

namespace samlint {

std::string CompactRole(std::string_view arn) {
  // arn:PARTITION:SERVICE::ACCOUNT:RESOURCE (AWS) and acs:SERVICE::ACCOUNT:RESOURCE
  // (Alibaba Cloud) both put an empty region before the account.
  std::size_t at = arn.find("::");
  if ((arn.starts_with("arn:") || arn.starts_with("acs:")) && at != std::string_view::npos &&
      at + 2 < arn.size()) {
    return std::string(arn.substr(at + 2));
  }
  return std::string(arn);
}

std::string FindingScope(const CheckResult& result, const Diagnostic& diagnostic) {
  std::string scope = result.part;
  auto add = [&](const std::string& item) {
    if (item.empty()) return;
    if (!scope.empty()) scope += ", ";
    scope += item;
  };
  add(diagnostic.scenario);
  if (!diagnostic.role.empty()) add(CompactRole(diagnostic.role));
  return scope;
}

std::string DecodedPosition(const CheckResult& result, const Diagnostic& diagnostic) {
  if (!diagnostic.location || PositionsAreInFile(result)) return {};
  return " (line " + std::to_string(diagnostic.location->line) + ", column " +
         std::to_string(diagnostic.location->column) + " of the decoded " +
         (result.encoding.empty() ? std::string("input") : result.encoding) + " document)";
}

std::string ReportedPath(const CheckResult& result, std::string_view base) {
  if (!result.input) return {};
  if (*result.input == "-") return "-";
  return RelativeInputPath(*result.input, base, nullptr);
}

}  // namespace samlint
