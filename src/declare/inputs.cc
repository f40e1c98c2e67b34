#include "declare/inputs.h"

namespace samlint {
namespace {

std::optional<DeclaredValue> Declared(const std::optional<std::int64_t>& v, const char* via) {
  if (!v) return std::nullopt;
  return DeclaredValue{*v, via};
}

}  // namespace

ScenarioInputs DeclarationsFromOptions(Cloud cloud, const CheckOptions& options) {
  ScenarioInputs in;
  in.cloud = cloud;
  in.role_max_session = Declared(options.role_max_session, "--role-max-session");
  in.duration_seconds = Declared(options.duration_seconds, "--duration-seconds");
  in.login_session = Declared(options.login_session, "--login-session");
  in.permission_set_session = Declared(options.permission_set_session, "--permission-set-session");
  in.sp_session_limit = Declared(options.sp_session_limit, "--sp-session-limit");
  in.workforce_pool_session =
      Declared(options.workforce_pool_session, "--workforce-pool-session");
  in.role_chaining = options.role_chaining;
  in.target = options.target;
  return in;
}

}  // namespace samlint
