#include "samlint/result.h"

#include <algorithm>

namespace samlint {

std::string_view FactorKey(FactorName name) {
  switch (name) {
    case FactorName::kSessionDurationAttribute: return "session_duration_attribute";
    case FactorName::kSessionNotOnOrAfter: return "session_not_on_or_after";
    case FactorName::kLoginSessionDuration: return "login_session_duration";
    case FactorName::kRoleMaxSessionDuration: return "role_max_session_duration";
    case FactorName::kDurationSeconds: return "duration_seconds";
    case FactorName::kPermissionSetSessionDuration: return "permission_set_session_duration";
    case FactorName::kRoleChainingLimit: return "role_chaining_limit";
    case FactorName::kSpSessionLimit: return "sp_session_limit";
    case FactorName::kWorkforcePoolSessionDuration: return "workforce_pool_session_duration";
  }
  return "unknown";
}

std::string_view ResultKindName(ResultKind kind) {
  switch (kind) {
    case ResultKind::kSamlResponse: return "saml-response";
    case ResultKind::kDeclarations: return "declarations";
    case ResultKind::kUnreadable: return "unreadable";
    case ResultKind::kStsRequest: return "sts-request";
    case ResultKind::kCloudTrailEvent: return "cloudtrail-event";
    case ResultKind::kActionTrailEvent: return "actiontrail-event";
    case ResultKind::kIdpConfig: return "idp-config";
    case ResultKind::kConfig: return "config";
  }
  return "unknown";
}

bool HasErrors(const CheckResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace samlint
