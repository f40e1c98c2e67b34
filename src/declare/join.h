// Joins declarations files with a role: which MaxSessionDuration, LoginSessionDuration
// and permission-set duration apply, and where they were declared.
#pragma once

#include <string>
#include <vector>

#include "declare/inputs.h"
#include "samlint/diagnostic.h"
#include "samlint/options.h"

namespace samlint {

/// Fills what the declarations files say for `role_arn` (may be empty) into
/// `in`, where the command line did not already set it. Conflicting
/// declarations append one declaration-conflict finding to `out` (the lowest
/// value is used: the cloud cannot honour more than the tightest).
void JoinDeclarations(const CheckOptions& options, Cloud cloud, const std::string& role_arn,
                      ScenarioInputs& in, std::vector<Diagnostic>& out);

/// Findings about the declarations themselves (unresolved values, files that
/// reached a work limit), for the result that reports the declarations files.
std::vector<Diagnostic> DeclarationFileFindings(const Declarations& declarations);

}  // namespace samlint
