#include "run/run_options.h"

#include <algorithm>
#include <filesystem>

#include "samlint/duration.h"
#include "samlint/scenario.h"
#include "samlint/trust.h"

namespace samlint {
namespace {

std::optional<std::int64_t> Duration(const std::string& option,
                                     const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto seconds = ParseDuration(*text);
  if (!seconds) {
    throw UsageError{
        option + ": invalid duration '" + *text +
        "' (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or ISO 8601 like PT8H)"};
  }
  return seconds;
}

// A session length: a bare number is in the unit of the API that sets it, and
// one shorter than any session is a usage error that suggests the unit.
std::optional<std::int64_t> SessionDuration(const std::string& option,
                                            const std::optional<std::string>& text,
                                            BareUnit unit = BareUnit::kSeconds) {
  if (!text) return std::nullopt;
  Result<std::int64_t> seconds = ParseSessionDuration(*text, unit);
  if (!seconds.ok()) {
    const std::string& error = seconds.error();
    bool suggestion = error.rfind("did you mean", 0) == 0;
    throw UsageError{option + (suggestion ? " " + *text : "") + ": " + error};
  }
  return *seconds;
}

// The command line's value when given, else the config's.
std::optional<std::int64_t> Pick(const std::optional<std::int64_t>& from_cli,
                                 const std::optional<std::int64_t>& from_config) {
  return from_cli ? from_cli : from_config;
}

}  // namespace

std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

Limits RunLimits(const RunRequest& a) {
  Limits limits;
  for (const std::string& assignment : a.limits) {
    if (Status set = SetLimit(limits, assignment); !set.ok()) {
      throw UsageError{"--limit: " + set.message()};
    }
  }
  return limits;
}

CheckOptions BuildOptions(const RunRequest& a, const ProjectConfig* config,
                          const std::vector<Declarations>& input_declarations,
                          const std::vector<std::string>& declaration_files) {
  const ProjectConfig empty;
  const ProjectConfig& c = config != nullptr ? *config : empty;
  const std::string in_config = c.path + ": ";
  CheckOptions o;
  std::optional<std::string> cloud = a.cloud ? a.cloud : c.cloud;
  if (cloud) {
    o.cloud = ParseCloud(*cloud);
    if (!o.cloud) throw UsageError{"--cloud: unknown cloud '" + *cloud + "' (use aws or aliyun)"};
  }
  for (const std::string& s : a.scenarios.empty() ? c.scenarios : a.scenarios) {
    const ScenarioInfo* info = FindScenario(s);
    if (info == nullptr) {
      std::string all;
      for (const auto& sc : AllScenarios()) all += (all.empty() ? "" : ", ") + std::string(sc.name);
      throw UsageError{"--scenario: unknown scenario '" + s + "' (one of " + all + ")"};
    }
    if (std::find(o.scenarios.begin(), o.scenarios.end(), info->id) == o.scenarios.end()) {
      o.scenarios.push_back(info->id);
    }
  }
  o.role_max_session =
      Pick(SessionDuration("--role-max-session", a.role_max_session), c.role_max_session);
  o.duration_seconds =
      Pick(SessionDuration("--duration-seconds", a.duration_seconds), c.duration_seconds);
  o.login_session =
      Pick(SessionDuration("--login-session", a.login_session, BareUnit::kHours), c.login_session);
  o.permission_set_session =
      Pick(SessionDuration("--permission-set-session", a.permission_set_session),
           c.permission_set_session);
  o.target = SessionDuration("--target", a.target);
  if (!o.target) {
    // --target on the command line is for every role; without it the config's
    // per-role targets apply, and its global target to the other roles.
    o.target = c.target;
    o.role_targets = c.targets;
  }
  if (auto skew = Pick(Duration("--clock-skew", a.clock_skew), c.clock_skew)) o.clock_skew = *skew;
  if (a.now) {
    o.now = ParseDateTime(*a.now);
    if (!o.now) {
      throw UsageError{"--now: invalid time '" + *a.now +
                       "' (use ISO 8601 like 2026-11-23T10:00:00Z)"};
    }
  }
  bool certs_from_cli = !a.certs.empty() || !a.metadata.empty();
  const auto& certs = certs_from_cli ? a.certs : c.certs;
  const auto& metadata = certs_from_cli ? a.metadata : c.idp_metadata;
  if (!certs.empty() || !metadata.empty()) {
    auto store = std::make_shared<TrustStore>();
    for (const std::string& path : certs) {
      if (auto error = AddCertificateFile(path, *store)) {
        throw UsageError{(certs_from_cli ? "--cert: " : in_config + "certs: ") + *error};
      }
    }
    for (const std::string& path : metadata) {
      if (auto error = AddMetadataFile(path, *store)) {
        throw UsageError{(certs_from_cli ? "--idp-metadata: " : in_config + "idp-metadata: ") +
                         *error};
      }
    }
    o.trust_store = std::move(store);
  }
  o.limits = RunLimits(a);
  if (a.sp_key) {
    Result<SpKey> key = LoadSpKey(*a.sp_key);
    if (!key.ok()) throw UsageError{"--sp-key: " + key.error()};
    o.sp_key = std::make_shared<SpKey>(std::move(*key));
  }
  if (!declaration_files.empty() || !input_declarations.empty()) {
    auto declarations = std::make_shared<Declarations>();
    for (const std::string& path : declaration_files) {
      const std::size_t exceeded = declarations->limits_exceeded.size();
      if (auto error = LoadDeclarations(path, *declarations, o.limits)) {
        // A file that reached a work limit is a limit-exceeded finding (see
        // DeclarationsResult), not a usage error.
        if (declarations->limits_exceeded.size() > exceeded) continue;
        throw UsageError{
            (a.declarations.empty() ? in_config + "declarations: " : "--declarations: ") + *error};
      }
    }
    for (const Declarations& d : input_declarations) {
      auto append = [](auto& to, const auto& from) {
        to.insert(to.end(), from.begin(), from.end());
      };
      append(declarations->roles, d.roles);
      append(declarations->login_sessions, d.login_sessions);
      append(declarations->permission_sets, d.permission_sets);
    }
    o.declarations = std::move(declarations);
  }
  o.role_chaining = a.role_chaining || c.role_chaining.value_or(false);
  o.require_signature = a.require_signature || c.require_signature.value_or(false);
  o.show_identities = a.show_identities;
  o.rule_settings = c.rules;
  return o;
}

Configs::Configs(const RunRequest& request, const std::vector<std::string>& input_paths)
    : request_(request) {
  for (const std::string& p : input_paths) inputs_.insert(CanonicalPath(p));
}

const ProjectConfig* Configs::For(const std::string& directory) {
  if (request_.no_config) return nullptr;
  std::optional<std::string> path = request_.config;
  if (!path) {
    auto found = by_directory_.find(directory);
    if (found == by_directory_.end()) {
      found = by_directory_.emplace(directory, FindConfig(directory)).first;
    }
    path = found->second;
  }
  if (!path) return nullptr;
  auto it = loaded_.find(*path);
  if (it != loaded_.end()) return it->second.get();
  ConfigParse parsed = LoadConfig(*path);
  if (!parsed.problems.empty()) {
    // A broken config that is itself an INPUT is reported there as
    // config-invalid findings; the run goes on without it.
    if (!request_.config && inputs_.count(CanonicalPath(*path)) != 0) {
      loaded_.emplace(*path, nullptr);
      return nullptr;
    }
    const ConfigProblem& p = parsed.problems.front();
    std::string where =
        *path + (p.line > 0 ? ":" + std::to_string(p.line) + ":" + std::to_string(p.column)
                            : std::string());
    std::string more = parsed.problems.size() > 1
                           ? " (and " + std::to_string(parsed.problems.size() - 1) +
                                 " more problems: run samlint check " + *path + ")"
                           : std::string();
    throw UsageError{(request_.config ? "--config: " : std::string("config: ")) + where + ": " +
                     p.message + more};
  }
  auto config = std::make_shared<ProjectConfig>(std::move(parsed.config));
  return loaded_.emplace(*path, std::move(config)).first->second.get();
}

}  // namespace samlint
