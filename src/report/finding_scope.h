// How the one-line formats (concise, JUnit, GitLab Code Quality) name what a
// finding is about, and where, when a report line cannot point into the file.
#pragma once

#include <string>
#include <string_view>

#include "samlint/result.h"

namespace samlint {

/// The account and resource of a role ARN, without the partition and service
/// prefix: "arn:aws:iam::123456789012:role/ops" -> "123456789012:role/ops",
/// "acs:ram::1234567890123456:role/ops" -> "1234567890123456:role/ops". A
/// value that is not such an ARN is returned as it is.
std::string CompactRole(std::string_view arn);

/// What a finding is about beyond its file, comma-separated: the part of a
/// multi-response input, the scenario, the compact role. Empty for a finding
/// about the whole input.
std::string FindingScope(const CheckResult& result, const Diagnostic& diagnostic);

/// " (line L, column C of the decoded ENCODING document)" when the finding's
/// position is not a position in the input file (PositionsAreInFile), else "".
std::string DecodedPosition(const CheckResult& result, const Diagnostic& diagnostic);

/// The input as a report that points at files names it: relative to `base`
/// (an AbsoluteBase) when inside it; "-" for stdin; empty for declarations.
std::string ReportedPath(const CheckResult& result, std::string_view base);

}  // namespace samlint
