// Reading a CheckResult in tests. Header-only.
#pragma once

#include <string>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/result.h"

namespace samlint::testing {

/// The rule id of every diagnostic of `result`, in report order.
inline std::vector<std::string> RuleIdsOf(const CheckResult& result) {
  std::vector<std::string> rules;
  for (const Diagnostic& d : result.diagnostics) rules.push_back(d.rule);
  return rules;
}

}  // namespace samlint::testing
