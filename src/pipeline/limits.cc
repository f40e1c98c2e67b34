// Results for inputs that reached a work limit (samlint/limits.h).
#include "samlint/limits.h"

#include <string>

#include "diagnose/make.h"
#include "samlint/check.h"
#include "samlint/rule_id.h"

namespace samlint {

CheckResult LimitExceededInput(std::string_view input_name, std::string message) {
  CheckResult r;
  r.input = std::string(input_name);
  r.kind = ResultKind::kUnreadable;
  r.diagnostics.push_back(MakeDiagnostic(Rule::kLimitExceeded, std::move(message)));
  return r;
}

CheckResult OversizedInput(std::string_view input_name, std::uintmax_t size, const Limits& limits) {
  return LimitExceededInput(input_name, "The input is " + std::to_string(size) +
                                            " bytes; samlint did not read it, because of " +
                                            LimitHint(limits, "input-bytes") + ".");
}

}  // namespace samlint
