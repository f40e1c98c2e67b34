// samlint's command line: parse options, call the library, map results to an exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "samlint/check.h"
#include "samlint/declarations.h"
#include "samlint/duration.h"
#include "samlint/report.h"
#include "samlint/rules.h"
#include "samlint/sources.h"
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

std::optional<std::int64_t> Duration(const std::string& option, const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto seconds = samlint::ParseDuration(*text);
  if (!seconds) {
    throw UsageError{option + ": invalid duration '" + *text +
                     "' (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or ISO 8601 like PT8H)"};
  }
  return seconds;
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
  if (r == nullptr) return Usage("rules: unknown rule '" + *id + "' (run 'samlint rules' for the list)");
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
  std::string fail_on = "error";
  std::string color = "auto";
  std::optional<int> jobs;
};

samlint::CheckOptions BuildOptions(const CheckArgs& a) {
  samlint::CheckOptions o;
  if (a.cloud) {
    o.cloud = samlint::ParseCloud(*a.cloud);
    if (!o.cloud) throw UsageError{"--cloud: unknown cloud '" + *a.cloud + "' (use aws or aliyun)"};
  }
  for (const std::string& s : a.scenarios) {
    const samlint::ScenarioInfo* info = samlint::FindScenario(s);
    if (info == nullptr) {
      std::string all;
      for (const auto& sc : samlint::AllScenarios()) all += (all.empty() ? "" : ", ") + std::string(sc.name);
      throw UsageError{"--scenario: unknown scenario '" + s + "' (one of " + all + ")"};
    }
    if (std::find(o.scenarios.begin(), o.scenarios.end(), info->id) == o.scenarios.end()) {
      o.scenarios.push_back(info->id);
    }
  }
  o.role_max_session = Duration("--role-max-session", a.role_max_session);
  o.duration_seconds = Duration("--duration-seconds", a.duration_seconds);
  o.login_session = Duration("--login-session", a.login_session);
  o.permission_set_session = Duration("--permission-set-session", a.permission_set_session);
  o.target = Duration("--target", a.target);
  if (auto skew = Duration("--clock-skew", a.clock_skew)) o.clock_skew = *skew;
  if (a.now) {
    o.now = samlint::ParseDateTime(*a.now);
    if (!o.now) {
      throw UsageError{"--now: invalid time '" + *a.now +
                       "' (use ISO 8601 like 2026-11-23T10:00:00Z)"};
    }
  }
  if (!a.certs.empty() || !a.metadata.empty()) {
    auto store = std::make_shared<samlint::TrustStore>();
    for (const std::string& path : a.certs) {
      if (auto error = samlint::AddCertificateFile(path, *store)) throw UsageError{"--cert: " + *error};
    }
    for (const std::string& path : a.metadata) {
      if (auto error = samlint::AddMetadataFile(path, *store)) {
        throw UsageError{"--idp-metadata: " + *error};
      }
    }
    o.trust_store = std::move(store);
  }
  if (a.sp_key) {
    auto key = std::make_shared<samlint::SpKey>();
    if (auto error = samlint::LoadSpKey(*a.sp_key, *key)) throw UsageError{"--sp-key: " + *error};
    o.sp_key = std::move(key);
  }
  if (!a.declarations.empty()) {
    auto declarations = std::make_shared<samlint::Declarations>();
    for (const std::string& path : a.declarations) {
      if (auto error = samlint::LoadDeclarations(path, *declarations)) {
        throw UsageError{"--declarations: " + *error};
      }
    }
    o.declarations = std::move(declarations);
  }
  o.role_chaining = a.role_chaining;
  o.require_signature = a.require_signature;
  o.show_identities = a.show_identities;
  return o;
}

// Checks every input, `jobs` at a time, and emits results in input order.
int RunCheck(const CheckArgs& args) {
  samlint::CheckOptions options = BuildOptions(args);
  auto format = samlint::ParseReportFormat(args.format);
  if (!format) {
    throw UsageError{"--format: unknown format '" + args.format +
                     "' (use text, json, sarif, github or html)"};
  }
  auto fail_on = FailOnSeverity(args.fail_on);
  if (!fail_on) {
    throw UsageError{"--fail-on: unknown severity '" + args.fail_on +
                     "' (use error, warning or note)"};
  }
  if (args.jobs && *args.jobs < 1) throw UsageError{"--jobs: must be at least 1"};
  if (args.color != "auto" && args.color != "always" && args.color != "never") {
    throw UsageError{"--color: use auto, always or never"};
  }
  if (std::count(args.inputs.begin(), args.inputs.end(), "-") > 1) {
    throw UsageError{"INPUT: standard input (-) can be read only once"};
  }
  if (auto problem = samlint::ValidateOptions(options, !args.inputs.empty())) {
    throw UsageError{*problem};
  }

  samlint::ReportOptions report;
  const char* no_color = std::getenv("NO_COLOR");
  bool tty = isatty(STDOUT_FILENO) != 0;
  report.color = args.color == "always" ||
                 (args.color == "auto" && tty && (no_color == nullptr || *no_color == '\0'));
  auto emitter = samlint::MakeEmitter(*format, std::cout, report);

  samlint::ExpandedInputs expanded = samlint::ExpandInputs(args.inputs);
  samlint::RunSummary summary;
  summary.skipped = expanded.skipped;
  bool any_failing = false;
  std::vector<std::string> undetected;

  auto count = [&](const samlint::CheckResult& r) {
    for (const auto& d : r.diagnostics) {
      if (d.severity == samlint::Severity::kError) ++summary.errors;
      else if (d.severity == samlint::Severity::kWarning) ++summary.warnings;
      else ++summary.notes;
    }
    // Severity is ordered note < warning < error.
    for (const auto& d : r.diagnostics) any_failing |= d.severity >= *fail_on;
    if (r.cloud_undetected && r.input) undetected.push_back(*r.input);
  };

  emitter->Begin();
  if (options.declarations) {
    if (auto findings = samlint::DeclarationsResult(*options.declarations, args.declarations)) {
      count(*findings);
      emitter->Result(*findings);
    }
  }
  if (auto declarations = samlint::CheckDeclarations(options)) {
    count(*declarations);
    emitter->Result(*declarations);
  }

  const auto& inputs = expanded.inputs;
  std::vector<std::optional<std::vector<samlint::CheckResult>>> results(inputs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  auto worker = [&]() {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      std::string bytes, error;
      std::vector<samlint::CheckResult> r =
          samlint::ReadInput(inputs[i], samlint::kMaxInputBytes, bytes, error)
              ? samlint::CheckInput(inputs[i].name, bytes, options)
              : std::vector<samlint::CheckResult>{samlint::UnreadableInput(inputs[i].name, error)};
      std::lock_guard lock(mutex);
      results[i] = std::move(r);
      ready.notify_all();
    }
  };
  unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  std::size_t jobs = std::min<std::size_t>(args.jobs ? static_cast<std::size_t>(*args.jobs) : hardware,
                                           std::max<std::size_t>(1, inputs.size()));
  std::vector<std::jthread> pool;
  for (std::size_t j = 0; j < jobs; ++j) pool.emplace_back(worker);
  // One input streams; several are gathered first, so audit events can be
  // joined with the SAML responses they name.
  std::vector<samlint::CheckResult> gathered;
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
        continue;
      }
      count(r);
      emitter->Result(r);
    }
  }
  if (!gathered.empty()) {
    samlint::JoinEventsWithResponses(gathered, options);
    for (const samlint::CheckResult& r : gathered) {
      count(r);
      emitter->Result(r);
    }
  }
  pool.clear();
  emitter->End(summary);

  if (!undetected.empty()) {
    return Usage("cannot tell the cloud of " + undetected.front() +
                 (undetected.size() > 1 ? " and " + std::to_string(undetected.size() - 1) + " more" : "") +
                 " from its attribute names, Audience or Recipient: pass --cloud aws|aliyun or --scenario ID");
  }
  return any_failing ? kExitFindings : kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"samlint: explains how long a federated AWS or Alibaba Cloud session lasts, what "
               "binds it, and what the cloud will refuse.",
               "samlint"};
  app.set_version_flag("--version", "samlint " + std::string(samlint::Version()));
  app.require_subcommand(1);

  CheckArgs args;
  CLI::App* check = app.add_subcommand("check", "Check SAML responses and declared session settings");
  check->add_option("INPUT", args.inputs,
                    "SAML response files (XML, base64, SAMLResponse= form body), directories "
                    "(recursed), or - for stdin");
  check->add_option("--cloud", args.cloud, "aws or aliyun (default: detected per response)")->type_name("CLOUD");
  check->add_option("--scenario", args.scenarios,
                    "scenario id (aws:saml-console, aliyun:saml-api, ...); repeatable")
      ->type_name("ID")
      ->allow_extra_args(false);
  check->add_option("--role-max-session", args.role_max_session, "the role's MaxSessionDuration (DURATION)")->type_name("DURATION");
  check->add_option("--duration-seconds", args.duration_seconds, "the STS request's DurationSeconds (DURATION)")->type_name("DURATION");
  check->add_option("--login-session", args.login_session, "Alibaba LoginSessionDuration (whole hours)")->type_name("DURATION");
  check->add_option("--permission-set-session", args.permission_set_session,
                    "Identity Center permission-set SessionDuration (DURATION)")->type_name("DURATION");
  check->add_flag("--role-chaining", args.role_chaining, "the AssumeRole caller holds role credentials");
  check->add_option("--target", args.target, "the session length wanted (DURATION)")->type_name("DURATION");
  check->add_option("--now", args.now, "time of use, ISO 8601 (default: the assertion's IssueInstant)")->type_name("TIME");
  check->add_option("--format", args.format, "text, json, sarif, github or html (default text)")
      ->type_name("FORMAT");
  check->add_option("--fail-on", args.fail_on,
                    "exit 1 when a finding has this severity or a higher one: error, warning or "
                    "note (default error)")
      ->type_name("SEVERITY");
  check->add_option("--cert", args.certs,
                    "a trusted IdP signing certificate, PEM or DER; repeatable (key rollover)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check->add_option("--idp-metadata", args.metadata,
                    "the IdP's SAML metadata: its signing certificates become trust anchors")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check->add_option("--sp-key", args.sp_key, "private key that decrypts an EncryptedAssertion")->type_name("FILE");
  check->add_option("--declarations", args.declarations,
                    "role and account declarations (get-role output, CloudFormation, Terraform "
                    "plan, ...); repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  check->add_flag("--require-signature", args.require_signature,
                  "an unverified response is an error, not a note");
  check->add_option("--clock-skew", args.clock_skew, "tolerance for validity windows (DURATION, default 3m)")->type_name("DURATION");
  check->add_flag("--show-identities", args.show_identities,
                  "do not redact NameID, RoleSessionName and identity attributes");
  check->add_option("--jobs", args.jobs, "inputs checked in parallel (default: the cores available)")->type_name("N");
  check->add_option("--color", args.color, "auto, always or never (default auto; NO_COLOR honoured)")->type_name("WHEN");

  std::optional<std::string> rule_id;
  CLI::App* rules = app.add_subcommand("rules", "List the rules, or print one rule's documentation");
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
