#include "run/run_options.h"

#include <algorithm>
#include <filesystem>

#include "samlint/duration.h"
#include "samlint/scenario.h"
#include "samlint/trust.h"

namespace samlint {
namespace {

// A duration option's seconds, nullopt when it is not given.
using OptionalSeconds = std::optional<std::int64_t>;

Result<OptionalSeconds> Duration(const std::string& option,
                                 const std::optional<std::string>& text) {
  if (!text) return OptionalSeconds();
  OptionalSeconds seconds = ParseDuration(*text);
  if (!seconds) {
    return Status::Error(
        option + ": invalid duration '" + *text +
        "' (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or ISO 8601 like PT8H)");
  }
  return seconds;
}

// A session length: a bare number is in the unit of the API that sets it, and
// one shorter than any session is a usage error that suggests the unit.
Result<OptionalSeconds> SessionDuration(const std::string& option,
                                        const std::optional<std::string>& text,
                                        BareUnit unit = BareUnit::kSeconds) {
  if (!text) return OptionalSeconds();
  Result<std::int64_t> seconds = ParseSessionDuration(*text, unit);
  if (!seconds.ok()) {
    const std::string& error = seconds.error();
    bool suggestion = error.rfind("did you mean", 0) == 0;
    return Status::Error(option + (suggestion ? " " + *text : "") + ": " + error);
  }
  return OptionalSeconds(*seconds);
}

// The command line's value when given, else the config's.
OptionalSeconds Pick(const OptionalSeconds& from_cli, const OptionalSeconds& from_config) {
  return from_cli ? from_cli : from_config;
}

// The --scenario names (else the config's), each once, in order.
Result<std::vector<ScenarioId>> Scenarios(const std::vector<std::string>& names) {
  std::vector<ScenarioId> ids;
  for (const std::string& s : names) {
    const ScenarioInfo* info = FindScenario(s);
    if (info == nullptr) {
      std::string all;
      std::vector<std::string_view> known;
      for (const auto& sc : AllScenarios()) {
        all += (all.empty() ? "" : ", ") + std::string(sc.name);
        known.push_back(sc.name);
      }
      std::string near = NearestWord(s, known);
      return Status::Error("--scenario: unknown scenario '" + s + "'" +
                           (near.empty() ? "" : " (did you mean '" + near + "'?)") + " (one of " +
                           all + ")");
    }
    if (std::find(ids.begin(), ids.end(), info->id) == ids.end()) ids.push_back(info->id);
  }
  return ids;
}

// The session lengths and --clock-skew: the command line's when given, else the config's.
Status ReadDurations(const RunRequest& a, const ProjectConfig& c, CheckOptions& o) {
  const struct {
    const char* option;
    const std::optional<std::string>& from_cli;
    BareUnit unit;
    const OptionalSeconds& from_config;
    OptionalSeconds& out;
  } sessions[] = {
      {"--role-max-session", a.role_max_session, BareUnit::kSeconds, c.role_max_session,
       o.role_max_session},
      {"--duration-seconds", a.duration_seconds, BareUnit::kSeconds, c.duration_seconds,
       o.duration_seconds},
      {"--login-session", a.login_session, BareUnit::kHours, c.login_session, o.login_session},
      {"--permission-set-session", a.permission_set_session, BareUnit::kSeconds,
       c.permission_set_session, o.permission_set_session},
      {"--sp-session-limit", a.sp_session_limit, BareUnit::kSeconds, c.sp_session_limit,
       o.sp_session_limit},
      {"--workforce-pool-session", a.workforce_pool_session, BareUnit::kSeconds,
       c.workforce_pool_session, o.workforce_pool_session},
  };
  for (const auto& session : sessions) {
    Result<OptionalSeconds> seconds =
        SessionDuration(session.option, session.from_cli, session.unit);
    if (!seconds.ok()) return seconds.status();
    session.out = Pick(*seconds, session.from_config);
  }
  Result<OptionalSeconds> target = SessionDuration("--target", a.target);
  if (!target.ok()) return target.status();
  o.target = *target;
  if (!o.target) {
    // --target on the command line is for every role; without it the config's
    // per-role targets apply, and its global target to the other roles.
    o.target = c.target;
    o.role_targets = c.targets;
  }
  Result<OptionalSeconds> skew = Duration("--clock-skew", a.clock_skew);
  if (!skew.ok()) return skew.status();
  if (OptionalSeconds picked = Pick(*skew, c.clock_skew)) o.clock_skew = *picked;
  return Status();
}

// The trust anchors of --cert and --idp-metadata (else the config's); nullptr when none.
Result<std::shared_ptr<const TrustStore>> LoadTrustStore(const RunRequest& a,
                                                         const ProjectConfig& c) {
  const std::string in_config = c.path + ": ";
  bool certs_from_cli = !a.certs.empty() || !a.metadata.empty();
  const auto& certs = certs_from_cli ? a.certs : c.certs;
  const auto& metadata = certs_from_cli ? a.metadata : c.idp_metadata;
  if (certs.empty() && metadata.empty()) return std::shared_ptr<const TrustStore>();
  auto store = std::make_shared<TrustStore>();
  for (const std::string& path : certs) {
    if (Status added = AddCertificateFile(path, *store); !added.ok()) {
      return Status::Error((certs_from_cli ? "--cert: " : in_config + "certs: ") + added.message());
    }
  }
  for (const std::string& path : metadata) {
    if (Status added = AddMetadataFile(path, *store); !added.ok()) {
      return Status::Error((certs_from_cli ? "--idp-metadata: " : in_config + "idp-metadata: ") +
                           added.message());
    }
  }
  return std::shared_ptr<const TrustStore>(std::move(store));
}

// The declarations of `declaration_files` and of the inputs; nullptr when none.
Result<std::shared_ptr<const Declarations>> LoadAllDeclarations(
    const RunRequest& a, const ProjectConfig& c, const Limits& limits,
    const std::vector<Declarations>& input_declarations,
    const std::vector<std::string>& declaration_files) {
  if (declaration_files.empty() && input_declarations.empty()) {
    return std::shared_ptr<const Declarations>();
  }
  auto declarations = std::make_shared<Declarations>();
  for (const std::string& path : declaration_files) {
    const std::size_t exceeded = declarations->limits_exceeded.size();
    if (Status loaded = LoadDeclarations(path, *declarations, limits); !loaded.ok()) {
      // A file that reached a work limit is a limit-exceeded finding (see
      // DeclarationsResult), not a usage error.
      if (declarations->limits_exceeded.size() > exceeded) continue;
      return Status::Error(
          (a.declarations.empty() ? c.path + ": declarations: " : "--declarations: ") +
          loaded.message());
    }
  }
  for (const Declarations& d : input_declarations) {
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    append(declarations->roles, d.roles);
    append(declarations->login_sessions, d.login_sessions);
    append(declarations->permission_sets, d.permission_sets);
    append(declarations->workforce_pools, d.workforce_pools);
  }
  return std::shared_ptr<const Declarations>(std::move(declarations));
}

}  // namespace

std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

RuleSelectors CommandLineSelectors(const RunRequest& a) {
  RuleSelectors layer;
  if (!a.select.empty()) layer.select = a.select;
  layer.extend_select = a.extend_select;
  layer.ignore = a.ignore;
  return layer;
}

Result<Limits> RunLimits(const RunRequest& a) {
  Limits limits;
  for (const std::string& assignment : a.limits) {
    if (Status set = SetLimit(limits, assignment); !set.ok()) {
      return Status::Error("--limit: " + set.message());
    }
  }
  return limits;
}

Result<CheckOptions> BuildOptions(const RunRequest& a, const ProjectConfig* config,
                                  const std::vector<Declarations>& input_declarations,
                                  const std::vector<std::string>& declaration_files) {
  const ProjectConfig empty;
  const ProjectConfig& c = config != nullptr ? *config : empty;
  CheckOptions o;
  std::optional<std::string> cloud = a.cloud ? a.cloud : c.cloud;
  if (cloud) {
    o.cloud = ParseCloud(*cloud);
    if (!o.cloud) {
      return Status::Error("--cloud: unknown cloud '" + *cloud + "' (use aws, aliyun, gcp or generic)");
    }
  }
  o.sp_entity_id = a.sp_entity_id ? a.sp_entity_id : c.sp_entity_id;
  o.sp_acs_url = a.sp_acs_url ? a.sp_acs_url : c.sp_acs_url;
  Result<std::vector<ScenarioId>> scenarios =
      Scenarios(a.scenarios.empty() ? c.scenarios : a.scenarios);
  if (!scenarios.ok()) return scenarios.status();
  o.scenarios = std::move(scenarios).value();
  if (Status durations = ReadDurations(a, c, o); !durations.ok()) return durations;
  if (a.now) {
    o.now = ParseDateTime(*a.now);
    if (!o.now) {
      return Status::Error("--now: invalid time '" + *a.now +
                           "' (use ISO 8601 like 2026-11-23T10:00:00Z)");
    }
  }
  Result<std::shared_ptr<const TrustStore>> store = LoadTrustStore(a, c);
  if (!store.ok()) return store.status();
  o.trust_store = std::move(store).value();
  Result<Limits> limits = RunLimits(a);
  if (!limits.ok()) return limits.status();
  o.limits = *limits;
  if (a.sp_key) {
    Result<SpKey> key = LoadSpKey(*a.sp_key);
    if (!key.ok()) return Status::Error("--sp-key: " + key.error());
    o.sp_key = std::make_shared<SpKey>(std::move(*key));
  }
  Result<std::shared_ptr<const Declarations>> declarations =
      LoadAllDeclarations(a, c, o.limits, input_declarations, declaration_files);
  if (!declarations.ok()) return declarations.status();
  o.declarations = std::move(declarations).value();
  o.role_chaining = a.role_chaining || c.role_chaining.value_or(false);
  o.require_signature = a.require_signature || c.require_signature.value_or(false);
  o.show_identities = a.show_identities;
  // [rules] "off" is the config's ignore, so that --select and
  // --extend-select on the command line can bring such a rule back.
  RuleSelectors config_layer{c.select, c.extend_select, c.ignore};
  for (const RuleSetting& setting : c.rules) {
    if (setting.severity) {
      o.rule_settings.push_back(setting);
    } else {
      config_layer.ignore.push_back(setting.rule);
    }
  }
  if (Status s = o.rule_selection.Apply(config_layer); !s.ok()) return s;
  if (Status s = o.rule_selection.Apply(CommandLineSelectors(a)); !s.ok()) return s;
  return o;
}

Configs::Configs(const RunRequest& request, const std::vector<std::string>& input_paths)
    : request_(request) {
  NoteInputs(input_paths);
}

void Configs::NoteInputs(const std::vector<std::string>& input_paths) {
  // Only an input named like a config can be the config found for another
  // input: the rest need no system call here.
  for (const std::string& p : input_paths) {
    if (IsConfigFileName(std::filesystem::path(p).filename().string())) {
      inputs_.insert(CanonicalPath(p));
    }
  }
}

Result<const ProjectConfig*> Configs::For(const std::string& directory) {
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
    return Status::Error((request_.config ? "--config: " : std::string("config: ")) + where + ": " +
                         p.message + more);
  }
  auto config = std::make_shared<ProjectConfig>(std::move(parsed.config));
  return loaded_.emplace(*path, std::move(config)).first->second.get();
}

}  // namespace samlint
