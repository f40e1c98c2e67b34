// The emitters behind MakeEmitter, one per format.
#pragma once

#include <memory>
#include <ostream>

#include "samlint/report.h"

namespace samlint {

std::unique_ptr<Emitter> MakeJsonEmitter(std::ostream& out);
std::unique_ptr<Emitter> MakeTextEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeSarifEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeGithubEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeHtmlEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeConciseEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeJunitEmitter(std::ostream& out, ReportOptions options);
std::unique_ptr<Emitter> MakeGitlabEmitter(std::ostream& out, ReportOptions options);

}  // namespace samlint
