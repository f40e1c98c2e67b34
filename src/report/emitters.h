// The emitters behind MakeEmitter, one per format.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "samlint/report.h"

namespace samlint {

/// What a finding is about beyond its input: "SCENARIO ROLE", either part
/// alone, or empty. Every format names it, so that findings about several
/// roles of one response can be told apart.
std::string DiagnosticScope(const Diagnostic& diagnostic);

std::unique_ptr<Emitter> MakeJsonEmitter(std::ostream& out);
std::unique_ptr<Emitter> MakeTextEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeSarifEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeGithubEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeHtmlEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeConciseEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeJunitEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeGitlabEmitter(std::ostream& out, ReportOptions options);

}  // namespace samlint
