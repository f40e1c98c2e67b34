// samlint's command line: parse options, call the library, map results to an exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "progress.h"
#include "samlint/check.h"
#include "samlint/config.h"
#include "samlint/report.h"
#include "samlint/rules.h"
#include "samlint/run.h"
#include "samlint/scenario.h"
#include "samlint/version.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

int Usage(const std::string& message) {
  std::cerr << "samlint: " << OneLine(message) << "\n";
  return kExitUsage;
}

// " (did you mean 'X'?)" when one of `names` is a likely typo of `word`.
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& names) {
  std::string near = samlint::NearestWord(word, names);
  return near.empty() ? std::string() : " (did you mean '" + near + "'?)";
}

constexpr std::string_view kCommands[] = {"check", "rules", "version"};

// An unknown command is a typo more often than a misplaced file name.
std::optional<std::string> UnknownCommand(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  const std::string_view word = argv[1];
  if (std::find(std::begin(kCommands), std::end(kCommands), word) != std::end(kCommands)) {
    return std::nullopt;
  }
  return "unknown command '" + std::string(word) + "'" +
         DidYouMean(word, {std::begin(kCommands), std::end(kCommands)}) +
         "; the commands are check, rules and version (see samlint --help)";
}

// The first argument of `args` that looks like an option `app` does not have,
// named with a suggestion; nullopt when every option is known.
std::optional<std::string> UnknownOption(const CLI::App& app,
                                         const std::vector<std::string>& args) {
  std::vector<std::string> names = {"--help", "-h"};
  if (app.get_parent() == nullptr) names.insert(names.end(), {"--version", "-V"});
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& n : o->get_snames()) names.push_back("-" + n);
  }
  for (const std::string& arg : args) {
    if (arg.size() < 2 || arg[0] != '-' || arg == "--") continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    return "unknown option '" + name + "'" + DidYouMean(name, {names.begin(), names.end()}) +
           (app.get_parent() == nullptr ? std::string(" (see samlint --help)")
                                        : " (see samlint " + app.get_name() + " --help)");
  }
  return std::nullopt;
}

std::string CheckHelpFooter() {
  std::string scenarios;
  for (const samlint::ScenarioInfo& s : samlint::AllScenarios()) {
    scenarios += (scenarios.empty() ? "" : ", ") + std::string(s.name);
  }
  return "\nDURATION: units in descending order (90m, 8h, 1h30m, 1d), ISO 8601 (PT8H), or a bare "
         "number in the unit of the API that sets the value: seconds (3600), except "
         "--login-session, whose bare number is hours. A bare number below 900 seconds is a "
         "usage error that suggests the unit.\n\n"
         "Scenarios (--scenario ID): " +
         scenarios +
         ".\n\n"
         "Inputs: SAML responses (XML, base64, SAMLResponse= form bodies, HTML auto-submit "
         "forms), browser captures (HAR, SAML-tracer), STS requests, CloudTrail and ActionTrail "
         "events, declarations (get-role output, CloudFormation, Terraform plans), IdP "
         "configuration (Keycloak realm exports, Terraform Okta/Keycloak); directories are "
         "recursed (hidden names, other extensions, what .gitignore ignores and node_modules, "
         "build, dist, vendor, target, venv ... folders are skipped; files of no kind samlint "
         "reads are skipped and counted: --show-files lists them), - reads stdin.\n\n"
         "Exit status: 0 no finding at or above --fail-on (default error), 1 at least one, "
         "2 usage error or internal failure; --exit-zero makes 1 into 0.";
}

int ListRules(const std::optional<std::string>& id, const std::string& format) {
  if (format != "text" && format != "json") {
    return Usage("rules --format: unknown format '" + format + "' (use text or json)");
  }
  if (!id && format == "json") {
    std::cout << samlint::RulesToJson(2) << "\n";
    return kExitClean;
  }
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
  if (r == nullptr) {
    std::vector<std::string_view> ids;
    for (const samlint::RuleInfo& rule : samlint::AllRules()) ids.push_back(rule.id);
    std::string near = samlint::NearestWord(*id, ids);
    return Usage("rules: unknown rule '" + *id + "'" +
                 (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                 "; run 'samlint rules' for the list");
  }
  if (format == "json") {
    std::cout << samlint::RuleToJson(*r, 2) << "\n";
    return kExitClean;
  }
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

// --- Report destination (-o/--output, --format html, -q) -----------------
// Settles where the report goes before anything is read: `-o -` is stdout,
// and an HTML page is not printed on a terminal. A usage error's message, or
// nullopt.
std::optional<std::string> PrepareReportDestination(samlint::RunRequest& request) {
  if (request.output && *request.output == "-") request.output.reset();
  if (request.format == "html" && !request.output && isatty(STDOUT_FILENO) != 0) {
    return "--format html writes a web page, not terminal text: add -o FILE (e.g. -o "
           "report.html) or redirect stdout to a file";
  }
  return std::nullopt;
}
// --- end report destination ------------------------------------------------

// Carries out `check`: the report on stdout, usage errors on stderr, and a
// progress line on stderr when it is a terminal that the report does not go to.
// --exit-zero turns findings into exit 0, never a usage error.
int RunCheck(samlint::RunRequest& request, bool exit_zero) {
  if (std::optional<std::string> refused = PrepareReportDestination(request)) {
    return Usage(*refused);
  }
  const char* no_color = std::getenv("NO_COLOR");
  const bool stdout_terminal = !request.output && isatty(STDOUT_FILENO) != 0;
  request.color_auto = stdout_terminal && (no_color == nullptr || *no_color == '\0');
  // A report into a file or pipe goes out in 64 KiB writes rather than
  // stdio's 4 KiB (a terminal keeps its line buffering). Nothing is written yet.
  // (glibc takes the size only with a buffer, which must outlive stdout.)
  static char report_buffer[std::size_t{64} << 10];
  if (!stdout_terminal) std::setvbuf(stdout, report_buffer, _IOFBF, sizeof report_buffer);
  std::optional<samlint_cli::ProgressLine> progress;
  if (!request.quiet && !stdout_terminal && isatty(STDERR_FILENO) != 0) {
    progress.emplace(stderr);
    request.progress = [&](const samlint::RunProgress& p) { progress->Update(p); };
  }
  samlint::RunOutcome outcome =
      request.output ? samlint::RunCheckToFile(request) : samlint::RunCheck(request, std::cout);
  if (progress) progress->Erase();
  if (outcome.usage_error) return Usage(*outcome.usage_error);
  // Machine formats stay one document on stdout: their statistics go to stderr.
  if (request.statistics && request.format != "text") {
    std::cout.flush();
    std::cerr << samlint::StatisticsTable(outcome.summary);
  }
  return outcome.failing && !exit_zero ? kExitFindings : kExitClean;
}

// Ends the process once the report is out: what a run built is freed by the
// system, not object by object (libxml2, xmlsec1 and OpenSSL teardown
// included). Sanitizer builds return normally so that leaks are still found.
int ExitWithReportWritten(int code) {
#if defined(__SANITIZE_ADDRESS__)
  return code;
#else
  std::cout.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "samlint: explains how long a federated AWS or Alibaba Cloud session lasts, what "
      "binds it, and what the cloud will refuse.",
      "samlint"};
  const std::string version_line = "samlint " + std::string(samlint::Version());
  app.set_version_flag("-V,--version", version_line);
  app.require_subcommand(1);
  if (std::optional<std::string> unknown = UnknownCommand(argc, argv)) return Usage(*unknown);

  samlint::RunRequest args;
  bool exit_zero = false;
  CLI::App* check =
      app.add_subcommand("check", "Check SAML responses and declared session settings");
  check->footer(CheckHelpFooter());
  check->add_option("INPUT", args.inputs,
                    "SAML response files (XML, base64, SAMLResponse= form body), directories "
                    "(recursed), or - for stdin");
  check
      ->add_option("--cloud", args.cloud,
                   "aws, aliyun, gcp (Google Cloud workforce pools) or generic (any SAML service "
                   "provider; default: detected per "
                   "response, generic when nothing names a cloud)")
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
  check
      ->add_option("--sp-session-limit", args.sp_session_limit,
                   "saml:generic: the service provider's own session limit (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--workforce-pool-session", args.workforce_pool_session,
                   "Google: the workforce pool's sessionDuration (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--sp-entity-id", args.sp_entity_id,
                   "saml:generic: the SP's entity ID, which the Audience must name")
      ->type_name("ID");
  check
      ->add_option("--sp-acs-url", args.sp_acs_url,
                   "saml:generic: the SP's assertion consumer service URL (Recipient)")
      ->type_name("URL");
  check->add_flag("--role-chaining", args.role_chaining,
                  "the AssumeRole caller holds role credentials");
  check->add_option("--target", args.target, "the session length wanted (DURATION)")
      ->type_name("DURATION");
  check
      ->add_option("--now", args.now,
                   "time of use, ISO 8601 (default: the assertion's IssueInstant)")
      ->type_name("TIME");
  check
      ->add_option("--format", args.format,
                   "text, concise (one line per finding), json, sarif, github, gitlab (Code "
                   "Quality), junit or html (needs -o or a redirect) (default text)")
      ->type_name("FORMAT");
  check
      ->add_option("-o,--output", args.output,
                   "write the report to FILE instead of stdout; FILE is replaced only once the "
                   "run is carried out, and may not be a file the run reads")
      ->type_name("FILE");
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
  check->add_flag("-q,--quiet", args.quiet,
                  "findings only: no factor tables, no inputs without findings, no closing "
                  "counts, no progress line (the exit status is unchanged)");
  check->add_flag("--explain", args.explain,
                  "the factor table of every evaluation even when several inputs are checked "
                  "(which otherwise get one summary line each)");
  check->add_flag("--statistics", args.statistics,
                  "after the report, the number of findings per rule and severity (on stderr "
                  "for formats other than text)");
  check
      ->add_option("--select", args.select,
                   "report only these rules: rule ids, prefixes (signature-) or ALL, comma-"
                   "separated or repeated; replaces samlint.toml's select")
      ->type_name("RULE")
      ->delimiter(',')
      ->allow_extra_args(false);
  check
      ->add_option("--extend-select", args.extend_select,
                   "report these rules too (ids or prefixes), over --select or samlint.toml")
      ->type_name("RULE")
      ->delimiter(',')
      ->allow_extra_args(false);
  check
      ->add_option("--ignore", args.ignore,
                   "do not report these rules (ids or prefixes); a more specific --select or "
                   "--extend-select wins")
      ->type_name("RULE")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_flag("--exit-zero", exit_zero,
                  "exit 0 even when findings reach --fail-on (usage errors still exit 2)");
  check
      ->add_option("--limit", args.limits,
                   "raise or lower a work limit (repeatable): input-bytes, inflated-bytes, "
                   "signatures, xml-nodes, json-nodes, capture-bytes; a limit-exceeded finding "
                   "names the one an input reached")
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
  std::vector<std::string> exclude;
  CLI::Option* exclude_option =
      check
          ->add_option("--exclude", exclude,
                       "skip files and folders matching PATTERN inside directories; replaces "
                       "the default list (node_modules, build, dist, vendor, ...) and the "
                       "config's exclude; repeatable")
          ->type_name("PATTERN")
          ->allow_extra_args(false);
  check
      ->add_option("--extend-exclude", args.extend_exclude,
                   "skip PATTERN too, keeping the other excludes; repeatable")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  check->add_flag("--force-exclude", args.force_exclude,
                  "excludes and .gitignore apply to files named on the command line too (what "
                  "pre-commit passes)");
  check->add_flag("--skip-unrecognised", args.skip_unrecognised,
                  "a named file that is not a kind samlint reads is skipped and counted, as "
                  "inside a directory, instead of an input-unreadable error");
  check->add_flag("--show-files", args.show_files,
                  "list the files that would be checked, and the files and folders skipped "
                  "with why; check nothing");

  std::optional<std::string> rule_id;
  CLI::App* rules =
      app.add_subcommand("rules", "List the rules, or print one rule's documentation");
  rules->add_option("RULE", rule_id, "a rule id");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format, "text or json (the whole registry)")
      ->type_name("FORMAT");
  CLI::App* version = app.add_subcommand("version", "Print samlint's version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 names an unknown option only as an unexpected argument.
    const std::vector<std::string> given(argv + 1, argv + argc);
    for (const CLI::App* sub : {check, rules, version}) {
      if (given.empty() || given.front() != sub->get_name()) continue;
      const std::vector<std::string> rest(given.begin() + 1, given.end());
      if (std::optional<std::string> unknown = UnknownOption(*sub, rest)) return Usage(*unknown);
    }
    if (!given.empty() && given.front().starts_with("-")) {
      if (std::optional<std::string> unknown = UnknownOption(app, {given.front()})) {
        return Usage(*unknown);
      }
    }
    return Usage(std::string(e.what()) + " (see samlint --help)");
  }

  try {
    if (version->parsed()) {
      std::cout << version_line << "\n";
      return kExitClean;
    }
    if (rules->parsed()) return ListRules(rule_id, rules_format);
    if (exclude_option->count() > 0) args.exclude = exclude;
    return ExitWithReportWritten(RunCheck(args, exit_zero));
  } catch (const std::exception& e) {
    return Usage(std::string("internal error: ") + e.what());
  }
}
