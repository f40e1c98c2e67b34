// The rule registry as JSON, for scripts that list what samlint can report.
#include <nlohmann/json.hpp>

#include "samlint/report.h"

namespace samlint {
namespace {

nlohmann::ordered_json RuleJson(const RuleInfo& r) {
  return {{"id", r.id},
          {"severity", SeverityName(r.default_severity)},
          {"category", CategoryName(r.category)},
          {"summary", r.summary},
          {"rationale", r.rationale},
          {"example", r.example},
          {"fix", r.fix},
          {"reference", r.reference}};
}

}  // namespace

std::string RuleToJson(const RuleInfo& rule, int indent) { return RuleJson(rule).dump(indent); }

std::string RulesToJson(int indent) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const RuleInfo& r : AllRules()) rules.push_back(RuleJson(r));
  return rules.dump(indent);
}

}  // namespace samlint
