// samlint's command line: parse options, call the library, map results to an exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "samlint/check.h"
#include "samlint/rules.h"
#include "samlint/run.h"

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

// Carries out `check`: the report on stdout, usage errors on stderr.
int RunCheck(samlint::RunRequest& request) {
  const char* no_color = std::getenv("NO_COLOR");
  request.color_auto = isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
  samlint::RunOutcome outcome = samlint::RunCheck(request, std::cout);
  if (outcome.usage_error) return Usage(*outcome.usage_error);
  return outcome.failing ? kExitFindings : kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "samlint: explains how long a federated AWS or Alibaba Cloud session lasts, what "
      "binds it, and what the cloud will refuse.",
      "samlint"};
  app.set_version_flag("--version", "samlint " + std::string(samlint::Version()));
  app.require_subcommand(1);

  samlint::RunRequest args;
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
  } catch (const std::exception& e) {
    return Usage(std::string("internal error: ") + e.what());
  }
}
