// samlint's command line: parse options, call the library, map results to an exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "samlint/check.h"
#include "samlint/config.h"
#include "samlint/declarations.h"
#include "samlint/duration.h"
#include "samlint/limits.h"
#include "samlint/report.h"
#include "samlint/rules.h"
#include "samlint/sources.h"
#include "samlint/suppress.h"
#include "samlint/trust.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

struct UsageError {
  std::string message;
};

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

int Usage(const std::string& message) {
  std::cerr << "samlint: " << OneLine(message) << "\n";
  return kExitUsage;
}

std::optional<std::int64_t> Duration(const std::string& option,
                                     const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto seconds = samlint::ParseDuration(*text);
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
                                            samlint::BareUnit unit = samlint::BareUnit::kSeconds) {
  if (!text) return std::nullopt;
  samlint::Result<std::int64_t> seconds = samlint::ParseSessionDuration(*text, unit);
  if (!seconds.ok()) {
    const std::string& error = seconds.error();
    bool suggestion = error.rfind("did you mean", 0) == 0;
    throw UsageError{option + (suggestion ? " " + *text : "") + ": " + error};
  }
  return *seconds;
}

int ListRules(const std::optional<std::string>& id) {
  if (!id) {
    for (const samlint::RuleInfo& r : samlint::AllRules()) {
      std::cout << r.id << std::string(r.id.size() < 36 ? 36 - r.id.size() : 1, ' ')
                << samlint::SeverityName(r.default_severity)
                << std::string(9 - samlint::SeverityName(r.default_severity).size(), ' ')
                << samlint::CategoryName(r.category)
                << std::string(11 - samlint::CategoryName(r.category).size(), ' ') << r.summary
                << "\n";
    }
    return kExitClean;
  }
  const samlint::RuleInfo* r = samlint::FindRule(*id);
  if (r == nullptr)
    return Usage("rules: unknown rule '" + *id + "' (run 'samlint rules' for the list)");
  std::cout << r->id << "\n\n"
            << "Severity:  " << samlint::SeverityName(r->default_severity) << "\n"
            << "Category:  " << samlint::CategoryName(r->category) << "\n\n"
            << r->summary << "\n\n"
            << "Why it matters\n  " << r->rationale << "\n\n"
            << "Example\n  " << r->example << "\n\n"
            << "Fix\n  " << r->fix << "\n\n"
            << "Reference\n  " << r->reference << "\n";
  return kExitClean;
}

// The lowest severity that makes `check` exit 1 (--fail-on).
std::optional<samlint::Severity> FailOnSeverity(const std::string& name) {
  if (name == "error") return samlint::Severity::kError;
  if (name == "warning") return samlint::Severity::kWarning;
  if (name == "note") return samlint::Severity::kNote;
  return std::nullopt;
}

struct CheckArgs {
  std::vector<std::string> inputs;
  std::optional<std::string> cloud;
  std::vector<std::string> scenarios;
  std::optional<std::string> role_max_session, duration_seconds, login_session,
      permission_set_session, target, now, clock_skew;
  bool role_chaining = false;
  bool require_signature = false;
  bool show_identities = false;
  std::vector<std::string> certs;
  std::vector<std::string> metadata;
  std::optional<std::string> sp_key;
  std::vector<std::string> declarations;
  std::string format = "text";
  std::optional<std::string> fail_on;
  std::optional<std::string> docs_url;
  std::string color = "auto";
  std::optional<int> jobs;
  std::optional<std::string> config;
  bool no_config = false;
  std::optional<std::string> baseline;
  std::vector<std::string> limits;
};

// The command line's value when given, else the config's.
std::optional<std::int64_t> Pick(const std::optional<std::int64_t>& from_cli,
                                 const std::optional<std::int64_t>& from_config) {
  return from_cli ? from_cli : from_config;
}

std::string Canonical(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// The --limit options over the defaults.
samlint::Limits RunLimits(const CheckArgs& a) {
  samlint::Limits limits;
  for (const std::string& assignment : a.limits) {
    if (samlint::Status set = samlint::SetLimit(limits, assignment); !set.ok()) {
      throw UsageError{"--limit: " + set.message()};
    }
  }
  return limits;
}

// Options for inputs under `config` (nullptr: none): the command line wins over it.
samlint::CheckOptions BuildOptions(const CheckArgs& a, const samlint::ProjectConfig* config,
                                   const std::vector<samlint::Declarations>& input_declarations,
                                   const std::vector<std::string>& declaration_files) {
  const samlint::ProjectConfig empty;
  const samlint::ProjectConfig& c = config != nullptr ? *config : empty;
  const std::string in_config = c.path + ": ";
  samlint::CheckOptions o;
  std::optional<std::string> cloud = a.cloud ? a.cloud : c.cloud;
  if (cloud) {
    o.cloud = samlint::ParseCloud(*cloud);
    if (!o.cloud) throw UsageError{"--cloud: unknown cloud '" + *cloud + "' (use aws or aliyun)"};
  }
  for (const std::string& s : a.scenarios.empty() ? c.scenarios : a.scenarios) {
    const samlint::ScenarioInfo* info = samlint::FindScenario(s);
    if (info == nullptr) {
      std::string all;
      for (const auto& sc : samlint::AllScenarios())
        all += (all.empty() ? "" : ", ") + std::string(sc.name);
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
  o.login_session = Pick(
      SessionDuration("--login-session", a.login_session, samlint::BareUnit::kHours),
      c.login_session);
  o.permission_set_session = Pick(SessionDuration("--permission-set-session", a.permission_set_session),
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
    o.now = samlint::ParseDateTime(*a.now);
    if (!o.now) {
      throw UsageError{"--now: invalid time '" + *a.now +
                       "' (use ISO 8601 like 2026-11-23T10:00:00Z)"};
    }
  }
  bool certs_from_cli = !a.certs.empty() || !a.metadata.empty();
  const auto& certs = certs_from_cli ? a.certs : c.certs;
  const auto& metadata = certs_from_cli ? a.metadata : c.idp_metadata;
  if (!certs.empty() || !metadata.empty()) {
    auto store = std::make_shared<samlint::TrustStore>();
    for (const std::string& path : certs) {
      if (auto error = samlint::AddCertificateFile(path, *store)) {
        throw UsageError{(certs_from_cli ? "--cert: " : in_config + "certs: ") + *error};
      }
    }
    for (const std::string& path : metadata) {
      if (auto error = samlint::AddMetadataFile(path, *store)) {
        throw UsageError{(certs_from_cli ? "--idp-metadata: " : in_config + "idp-metadata: ") +
                         *error};
      }
    }
    o.trust_store = std::move(store);
  }
  o.limits = RunLimits(a);
  if (a.sp_key) {
    samlint::Result<samlint::SpKey> key = samlint::LoadSpKey(*a.sp_key);
    if (!key.ok()) throw UsageError{"--sp-key: " + key.error()};
    o.sp_key = std::make_shared<samlint::SpKey>(std::move(*key));
  }
  if (!declaration_files.empty() || !input_declarations.empty()) {
    auto declarations = std::make_shared<samlint::Declarations>();
    for (const std::string& path : declaration_files) {
      const std::size_t exceeded = declarations->limits_exceeded.size();
      if (auto error = samlint::LoadDeclarations(path, *declarations, o.limits)) {
        // A file that reached a work limit is a limit-exceeded finding (see
        // DeclarationsResult), not a usage error.
        if (declarations->limits_exceeded.size() > exceeded) continue;
        throw UsageError{
            (a.declarations.empty() ? in_config + "declarations: " : "--declarations: ") + *error};
      }
    }
    for (const samlint::Declarations& d : input_declarations) {
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

// The configs of one run: found per input directory, loaded once each.
class Configs {
 public:
  explicit Configs(const CheckArgs& args, const std::vector<std::string>& input_paths)
      : args_(args) {
    for (const std::string& p : input_paths) inputs_.insert(Canonical(p));
  }

  // The config for an input in `directory`, or nullptr.
  const samlint::ProjectConfig* For(const std::string& directory) {
    if (args_.no_config) return nullptr;
    std::optional<std::string> path = args_.config;
    if (!path) {
      auto found = by_directory_.find(directory);
      if (found == by_directory_.end()) {
        found = by_directory_.emplace(directory, samlint::FindConfig(directory)).first;
      }
      path = found->second;
    }
    if (!path) return nullptr;
    auto it = loaded_.find(*path);
    if (it != loaded_.end()) return it->second.get();
    samlint::ConfigParse parsed = samlint::LoadConfig(*path);
    if (!parsed.problems.empty()) {
      // A broken config that is itself an INPUT is reported there as
      // config-invalid findings; the run goes on without it.
      if (!args_.config && inputs_.count(Canonical(*path)) != 0) {
        loaded_.emplace(*path, nullptr);
        return nullptr;
      }
      const samlint::ConfigProblem& p = parsed.problems.front();
      std::string where =
          *path + (p.line > 0 ? ":" + std::to_string(p.line) + ":" + std::to_string(p.column)
                              : std::string());
      std::string more = parsed.problems.size() > 1
                             ? " (and " + std::to_string(parsed.problems.size() - 1) +
                                   " more problems: run samlint check " + *path + ")"
                             : std::string();
      throw UsageError{(args_.config ? "--config: " : std::string("config: ")) + where + ": " +
                       p.message + more};
    }
    auto config = std::make_shared<samlint::ProjectConfig>(std::move(parsed.config));
    return loaded_.emplace(*path, std::move(config)).first->second.get();
  }

 private:
  const CheckArgs& args_;
  std::set<std::string> inputs_;
  std::map<std::string, std::optional<std::string>> by_directory_;
  std::map<std::string, std::shared_ptr<samlint::ProjectConfig>> loaded_;
};

std::string DirectoryOf(const samlint::InputRef& input) {
  if (input.is_stdin) return ".";
  std::filesystem::path parent = std::filesystem::path(input.path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// Checks every input, `jobs` at a time, and emits results in input order.
int RunCheck(const CheckArgs& args) {
  auto format = samlint::ParseReportFormat(args.format);
  if (!format) {
    throw UsageError{"--format: unknown format '" + args.format +
                     "' (use text, json, sarif, github or html)"};
  }
  if (args.docs_url && !samlint::IsDocsUrl(*args.docs_url)) {
    throw UsageError{"--docs-url: '" + *args.docs_url +
                     "' is not an http(s) URL without a fragment (for example "
                     "https://github.com/OWNER/samlint/blob/v0.1.0/docs/rules.md)"};
  }
  if (args.fail_on && !FailOnSeverity(*args.fail_on)) {
    throw UsageError{"--fail-on: unknown severity '" + *args.fail_on +
                     "' (use error, warning or note)"};
  }
  if (args.jobs && *args.jobs < 1) throw UsageError{"--jobs: must be at least 1"};
  if (args.color != "auto" && args.color != "always" && args.color != "never") {
    throw UsageError{"--color: use auto, always or never"};
  }
  if (std::count(args.inputs.begin(), args.inputs.end(), "-") > 1) {
    throw UsageError{"INPUT: standard input (-) can be read only once"};
  }
  if (args.config && args.no_config)
    throw UsageError{"--config and --no-config exclude each other"};
  if (args.config) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*args.config, ec)) {
      throw UsageError{"--config: cannot read " + *args.config + ": no such file"};
    }
  }

  const samlint::Limits limits = RunLimits(args);
  samlint::ExpandedInputs expanded = samlint::ExpandInputs(args.inputs);
  std::vector<std::string> input_paths;
  for (const auto& in : expanded.inputs) {
    if (!in.is_stdin) input_paths.push_back(in.path);
  }
  Configs configs(args, input_paths);
  const samlint::ProjectConfig* run_config =
      configs.For(expanded.inputs.empty() ? "." : DirectoryOf(expanded.inputs.front()));

  // Excludes apply to files named on the command line too: pre-commit names them.
  std::vector<samlint::InputRef> inputs;
  std::vector<const samlint::ProjectConfig*> input_config;
  for (samlint::InputRef& in : expanded.inputs) {
    const samlint::ProjectConfig* c = configs.For(DirectoryOf(in));
    if (c != nullptr && !in.is_stdin && samlint::IsExcluded(*c, in.path)) {
      ++expanded.skipped;
      continue;
    }
    inputs.push_back(std::move(in));
    input_config.push_back(c);
  }

  // Declarations files among the inputs join every evaluation of the run.
  std::vector<std::optional<std::string>> stdin_bytes(inputs.size());
  std::vector<std::uintmax_t> stdin_sizes(inputs.size());
  std::vector<samlint::Declarations> input_declarations;
  std::set<std::string> declaration_inputs;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    samlint::Result<samlint::LimitedBytes> read = samlint::ReadInput(inputs[i], limits.input_bytes);
    if (!read.ok()) continue;
    const std::string& bytes = read->bytes;
    const std::uintmax_t size = read->size;
    if (inputs[i].is_stdin) stdin_sizes[i] = size;
    if (inputs[i].is_stdin) stdin_bytes[i] = bytes;
    if (size > limits.input_bytes) continue;  // reported when checked
    if (samlint::LooksLikeConfig(inputs[i].name, bytes)) continue;
    if (auto d = samlint::ReadDeclarationsInput(inputs[i].name, bytes, limits)) {
      if (inputs[i].is_stdin || declaration_inputs.insert(Canonical(inputs[i].path)).second) {
        input_declarations.push_back(std::move(*d));
      }
    }
  }

  // Declarations files from --declarations (else the config), minus those also given as INPUT.
  auto declaration_files = [&](const samlint::ProjectConfig* c) {
    std::vector<std::string> files;
    std::set<std::string> seen = declaration_inputs;
    for (const std::string& f :
         !args.declarations.empty() || c == nullptr ? args.declarations : c->declarations) {
      if (seen.insert(Canonical(f)).second) files.push_back(f);
    }
    return files;
  };

  std::map<const samlint::ProjectConfig*, std::shared_ptr<const samlint::CheckOptions>> built;
  auto options_for = [&](const samlint::ProjectConfig* c) {
    auto it = built.find(c);
    if (it != built.end()) return it->second;
    auto o = std::make_shared<const samlint::CheckOptions>(
        BuildOptions(args, c, input_declarations, declaration_files(c)));
    if (auto problem = samlint::ValidateOptions(*o, true)) throw UsageError{*problem};
    return built.emplace(c, std::move(o)).first->second;
  };
  std::shared_ptr<const samlint::CheckOptions> run_options = options_for(run_config);
  if (auto problem = samlint::ValidateOptions(*run_options, !args.inputs.empty())) {
    throw UsageError{*problem};
  }
  std::vector<std::shared_ptr<const samlint::CheckOptions>> per_input;
  for (const samlint::ProjectConfig* c : input_config) per_input.push_back(options_for(c));

  std::string fail_on_name = args.fail_on.value_or(
      run_config != nullptr && run_config->fail_on ? *run_config->fail_on : std::string("error"));
  samlint::Severity fail_on = FailOnSeverity(fail_on_name).value_or(samlint::Severity::kError);

  std::optional<samlint::Baseline> baseline;
  if (args.baseline || (run_config != nullptr && run_config->baseline)) {
    baseline.emplace();
    bool from_cli = args.baseline.has_value();
    const std::string& path = from_cli ? *args.baseline : *run_config->baseline;
    if (samlint::Status loaded = samlint::LoadBaseline(path, *baseline); !loaded.ok()) {
      throw UsageError{(from_cli ? "--baseline: " : run_config->path + ": baseline: ") +
                       loaded.message() + " (make one with: samlint check ... --format json > " +
                       path + ")"};
    }
  }

  samlint::ReportOptions report;
  report.docs_url = args.docs_url.value_or("");
  const char* no_color = std::getenv("NO_COLOR");
  bool tty = isatty(STDOUT_FILENO) != 0;
  report.color = args.color == "always" ||
                 (args.color == "auto" && tty && (no_color == nullptr || *no_color == '\0'));
  auto emitter = samlint::MakeEmitter(*format, std::cout, report);

  samlint::RunSummary summary;
  summary.skipped = expanded.skipped;
  bool any_failing = false;

  // Severity overrides, then the baseline, then counting: what the report shows is what counts.
  auto emit = [&](samlint::CheckResult& r, const samlint::CheckOptions& o) {
    samlint::ApplyRuleSettings(r, o.rule_settings);
    if (baseline) baseline->Apply(r);
    summary.suppressed += r.suppressed;
    for (const auto& d : r.diagnostics) {
      if (d.severity == samlint::Severity::kError)
        ++summary.errors;
      else if (d.severity == samlint::Severity::kWarning)
        ++summary.warnings;
      else
        ++summary.notes;
      // Severity is ordered note < warning < error.
      any_failing |= d.severity >= fail_on;
    }
    emitter->Result(r);
  };

  emitter->Begin();
  if (run_options->declarations) {
    std::vector<std::string> files = declaration_files(run_config);
    if (!files.empty()) {
      samlint::Declarations from_files;
      for (const std::string& f : files)
        (void)samlint::LoadDeclarations(f, from_files, run_options->limits);
      if (auto findings = samlint::DeclarationsResult(from_files, files))
        emit(*findings, *run_options);
    }
  }
  if (auto declarations = samlint::CheckDeclarations(*run_options))
    emit(*declarations, *run_options);

  std::vector<std::optional<std::vector<samlint::CheckResult>>> results(inputs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  auto worker = [&]() {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      std::string bytes, error;
      bool read = true;
      std::uintmax_t size = 0;
      const samlint::Limits& input_limits = per_input[i]->limits;
      if (stdin_bytes[i]) {
        bytes = std::move(*stdin_bytes[i]);
        size = stdin_sizes[i];
      } else {
        samlint::Result<samlint::LimitedBytes> got =
            samlint::ReadInput(inputs[i], input_limits.input_bytes);
        read = got.ok();
        if (read) {
          bytes = std::move(got->bytes);
          size = got->size;
        } else {
          error = got.error();
        }
      }
      // CheckInput recognises declarations files (and IdP configurations that
      // also declare roles) by content, like every other kind.
      std::vector<samlint::CheckResult> r;
      if (!read) {
        r.push_back(samlint::UnreadableInput(inputs[i].name, error));
      } else if (size > input_limits.input_bytes) {
        r.push_back(samlint::OversizedInput(inputs[i].name, size, input_limits));
      } else {
        r = samlint::CheckInput(inputs[i].name, bytes, *per_input[i]);
      }
      std::lock_guard lock(mutex);
      results[i] = std::move(r);
      ready.notify_all();
    }
  };
  unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  std::size_t jobs =
      std::min<std::size_t>(args.jobs ? static_cast<std::size_t>(*args.jobs) : hardware,
                            std::max<std::size_t>(1, inputs.size()));
  std::vector<std::jthread> pool;
  for (std::size_t j = 0; j < jobs; ++j) pool.emplace_back(worker);
  // One input streams; several are gathered first, so audit events can be
  // joined with the SAML responses they name.
  std::vector<samlint::CheckResult> gathered;
  std::vector<const samlint::CheckOptions*> gathered_options;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<samlint::CheckResult> parts;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return results[i].has_value(); });
      parts = std::move(*results[i]);
      results[i].reset();
    }
    ++summary.checked;
    for (samlint::CheckResult& r : parts) {
      if (inputs.size() > 1) {
        gathered.push_back(std::move(r));
        gathered_options.push_back(per_input[i].get());
        continue;
      }
      emit(r, *per_input[i]);
    }
  }
  if (!gathered.empty()) {
    samlint::JoinEventsWithResponses(gathered, *run_options);
    for (std::size_t i = 0; i < gathered.size(); ++i) emit(gathered[i], *gathered_options[i]);
  }
  pool.clear();
  emitter->End(summary);

  return any_failing ? kExitFindings : kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "samlint: explains how long a federated AWS or Alibaba Cloud session lasts, what "
      "binds it, and what the cloud will refuse.",
      "samlint"};
  app.set_version_flag("--version", "samlint " + std::string(samlint::Version()));
  app.require_subcommand(1);

  CheckArgs args;
  CLI::App* check =
      app.add_subcommand("check", "Check SAML responses and declared session settings");
  check->add_option("INPUT", args.inputs,
                    "SAML response files (XML, base64, SAMLResponse= form body), directories "
                    "(recursed), or - for stdin");
  check->add_option("--cloud", args.cloud, "aws or aliyun (default: detected per response)")
      ->type_name("CLOUD");
  check
      ->add_option("--scenario", args.scenarios,
                   "scenario id (aws:saml-console, aliyun:saml-api, ...); repeatable")
      ->type_name("ID")
      ->allow_extra_args(false);
  check
      ->add_option("--role-max-session", args.role_max_session,
                   "the role's MaxSessionDuration (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--duration-seconds", args.duration_seconds,
                   "the STS request's DurationSeconds (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--login-session", args.login_session,
                   "Alibaba LoginSessionDuration (whole hours)")
      ->type_name("DURATION");
  check
      ->add_option("--permission-set-session", args.permission_set_session,
                   "Identity Center permission-set SessionDuration (DURATION)")
      ->type_name("DURATION");
  check->add_flag("--role-chaining", args.role_chaining,
                  "the AssumeRole caller holds role credentials");
  check->add_option("--target", args.target, "the session length wanted (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--now", args.now,
                   "time of use, ISO 8601 (default: the assertion's IssueInstant)")
      ->type_name("TIME");
  check->add_option("--format", args.format, "text, json, sarif, github or html (default text)")
      ->type_name("FORMAT");
  check
      ->add_option("--docs-url", args.docs_url,
                   "URL of docs/rules.md where the samlint sources are published: SARIF rules "
                   "link to their documentation (helpUri)")
      ->type_name("URL");
  check
      ->add_option("--fail-on", args.fail_on,
                   "exit 1 when a finding has this severity or a higher one: error, warning or "
                   "note (default error)")
      ->type_name("SEVERITY");
  check
      ->add_option(
          "--cert", args.certs,
          "a trusted IdP signing certificate (PEM or DER) or public key (PEM PUBLIC KEY or "
          "RSA PUBLIC KEY, DER SubjectPublicKeyInfo); repeatable (key rollover)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check
      ->add_option("--idp-metadata", args.metadata,
                   "the IdP's SAML metadata: its signing certificates become trust anchors")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check->add_option("--sp-key", args.sp_key, "private key that decrypts an EncryptedAssertion")
      ->type_name("FILE");
  check
      ->add_option("--declarations", args.declarations,
                   "role and account declarations (get-role output, CloudFormation, Terraform "
                   "plan, ...); repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check->add_flag("--require-signature", args.require_signature,
                  "an unverified response is an error, not a note");
  check
      ->add_option("--clock-skew", args.clock_skew,
                   "tolerance for validity windows (DURATION, default 3m)")
      ->type_name("DURATION");
  check->add_flag("--show-identities", args.show_identities,
                  "do not redact NameID, RoleSessionName and identity attributes");
  check
      ->add_option("--jobs", args.jobs, "inputs checked in parallel (default: the cores available)")
      ->type_name("N");
  check
      ->add_option("--config", args.config,
                   "the samlint.toml to use instead of the one found above each input")
      ->type_name("FILE");
  check->add_flag("--no-config", args.no_config, "do not read any samlint.toml");
  check
      ->add_option("--limit", args.limits,
                   "raise or lower a work limit (repeatable): input-bytes, inflated-bytes, "
                   "signatures, xml-nodes, json-nodes; a limit-exceeded finding names the one "
                   "an input reached")
      ->type_name("NAME=N")
      ->allow_extra_args(false);
  check
      ->add_option(
          "--baseline", args.baseline,
          "a previous --format json (or sarif) report: its findings are not reported again")
      ->type_name("FILE");
  check
      ->add_option("--color", args.color, "auto, always or never (default auto; NO_COLOR honoured)")
      ->type_name("WHEN");

  std::optional<std::string> rule_id;
  CLI::App* rules =
      app.add_subcommand("rules", "List the rules, or print one rule's documentation");
  rules->add_option("RULE", rule_id, "a rule id");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return Usage(std::string(e.what()) + " (see samlint --help)");
  }

  try {
    if (rules->parsed()) return ListRules(rule_id);
    return RunCheck(args);
  } catch (const UsageError& e) {
    return Usage(e.message);
  } catch (const std::exception& e) {
    return Usage(std::string("internal error: ") + e.what());
  }
}
