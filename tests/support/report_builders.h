// In-memory results for the emitter tests (tests/report/*) and the one way
// they run an emitter. Header-only.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/report.h"
#include "samlint/result.h"

namespace samlint::testing {

/// A diagnostic of `rule` with `severity` and `message`, at `location` if given.
inline Diagnostic Diag(std::string rule, Severity severity, std::string message,
                       std::optional<Location> location = std::nullopt) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.location = location;
  return d;
}

/// The result of an XML SAML response named `input` with `diagnostics`.
inline CheckResult XmlResult(std::string input, std::vector<Diagnostic> diagnostics) {
  CheckResult r;
  r.input = std::move(input);
  r.kind = ResultKind::kSamlResponse;
  r.encoding = "xml";
  r.diagnostics = std::move(diagnostics);
  return r;
}

/// A declarations result (no input) with one diagnostic of `rule` at error
/// severity, message "d", about the aws:assume-role scenario.
inline CheckResult AssumeRoleDeclarationsResult(std::string rule) {
  CheckResult result;
  result.kind = ResultKind::kDeclarations;
  result.diagnostics = {Diag(std::move(rule), Severity::kError, "d")};
  result.diagnostics[0].scenario = "aws:assume-role";
  return result;
}

/// A base64 input "/work/base/r.b64" with signature-missing (note, "s") at
/// 28:3 of the decoded document.
inline CheckResult Base64SignatureMissingResult() {
  CheckResult result = XmlResult(
      "/work/base/r.b64", {Diag("signature-missing", Severity::kNote, "s", Location{28, 3})});
  result.encoding = "base64";
  return result;
}

/// What the emitter of `format` writes for `results`: Begin, each Result, End(summary).
inline std::string EmitReport(ReportFormat format, const std::vector<CheckResult>& results,
                              const ReportOptions& options = {}, const RunSummary& summary = {}) {
  std::ostringstream out;
  auto emitter = MakeEmitter(format, out, options);
  emitter->Begin();
  for (const CheckResult& r : results) emitter->Result(r);
  emitter->End(summary);
  return out.str();
}

}  // namespace samlint::testing
