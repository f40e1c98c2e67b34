// Declarations files (IAM / RAM CLI output, CloudFormation / ROS templates in
// JSON or YAML, Terraform plans): ParseDeclarations, then the declarations
// file as an INPUT (CheckDeclarationsInput).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.h"
#include "samlint/check.h"
#include "samlint/declarations.h"

using samlint::fuzz::Require;

namespace {

bool FromSource(const std::string& source) { return source.rfind("decl.yaml", 0) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  samlint::Declarations declarations;
  if (samlint::ParseDeclarations(text, "decl.yaml", declarations).ok()) {
    for (const samlint::DeclaredRole& role : declarations.roles) {
      Require(!role.name.empty(), "a declared role has a name");
      Require(FromSource(role.source), "a role's source names the file");
    }
    for (const samlint::DeclaredLoginSession& s : declarations.login_sessions) {
      Require(FromSource(s.source), "a login session's source names the file");
    }
    for (const samlint::DeclaredPermissionSet& p : declarations.permission_sets) {
      Require(FromSource(p.source), "a permission set's source names the file");
    }
    for (const samlint::UnresolvedDeclaration& u : declarations.unresolved) {
      Require(FromSource(u.source), "an unresolved value's source names the file");
    }
  }
  if (samlint::ReadDeclarationsInput("decl.yaml", text)) {
    samlint::fuzz::CheckResultInvariants(samlint::CheckDeclarationsInput("decl.yaml", text));
  }
  return 0;
}
