/// A whole `check` run: inputs found, configs discovered, options built,
/// every input checked and its results streamed to one emitter in input order.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "samlint/report.h"

namespace samlint {

/// How far a run is: called on the thread that called RunCheck after each
/// input's results were handed to the report.
struct RunProgress {
  std::size_t done = 0;   ///< inputs checked so far
  std::size_t total = 0;  ///< inputs in the run (files found in directories included)
};

/// What a run is asked to do, as the command line spells it: values are text
/// until RunCheck validates them (cli-contract.md § check).
struct RunRequest {
  std::vector<std::string> inputs;  ///< files, directories, "-" for stdin
  std::optional<std::string> cloud;
  std::vector<std::string> scenarios;
  std::optional<std::string> role_max_session;
  std::optional<std::string> duration_seconds;
  std::optional<std::string> login_session;
  std::optional<std::string> permission_set_session;
  std::optional<std::string> sp_session_limit;
  std::optional<std::string> workforce_pool_session;
  std::optional<std::string> sp_entity_id;
  std::optional<std::string> sp_acs_url;
  std::optional<std::string> target;
  std::optional<std::string> now;
  std::optional<std::string> clock_skew;
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
  std::string color = "auto";  ///< auto, always or never
  /// Whether "auto" colours: the output is a terminal and NO_COLOR is unset.
  bool color_auto = false;
  std::optional<int> jobs;  ///< nullopt: one per core
  std::optional<std::string> config;
  bool no_config = false;
  std::optional<std::string> baseline;
  std::vector<std::string> limits;  ///< NAME=N assignments
  /// --exclude: replaces the config's `exclude` and the default excludes.
  std::optional<std::vector<std::string>> exclude;
  std::vector<std::string> extend_exclude;  ///< --extend-exclude: added to the excludes
  /// --force-exclude: excludes and git's ignore rules apply to named files too.
  bool force_exclude = false;
  /// --skip-unrecognised: a named file that is not a kind samlint reads is
  /// skipped and counted, as inside a directory, instead of being unreadable.
  bool skip_unrecognised = false;
  /// --show-files: list the files that would be checked, and those skipped
  /// with why, instead of checking them.
  bool show_files = false;
  /// --select (replaces the config's selection when not empty),
  /// --extend-select, --ignore: rule ids, prefixes of rule ids, or "ALL".
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  /// --explain: the factor tables of every input, also when there are several.
  bool explain = false;
  /// -q/--quiet: the text report shows findings only; concise leaves out its
  /// closing summary line.
  bool quiet = false;
  /// --statistics: the text report ends with the counts per rule.
  bool statistics = false;
  /// Told after each input, for a progress display; may be empty.
  std::function<void(const RunProgress&)> progress;
  /// -o/--output: the file the report goes to (RunCheckToFile). RunCheck
  /// refuses it when it names a file the run reads, and leaves it out of
  /// the files found inside directories.
  std::optional<std::string> output;
};

/// How a run ended.
struct RunOutcome {
  /// A usage error (exit 2): one message, nothing was written to the report
  /// stream. nullopt when the run was carried out.
  std::optional<std::string> usage_error;
  RunSummary summary;
  /// A finding reached the --fail-on severity (exit 1).
  bool failing = false;
};

/// Carries out a run, writing the report to `out` and nothing anywhere else.
/// Every input is read and recognised once; declarations among the inputs
/// join every evaluation; results reach the emitter in input order, each as
/// soon as the audit events it may join with are known. Usage errors are
/// returned, never thrown; only a failure of the machine itself throws.
RunOutcome RunCheck(const RunRequest& request, std::ostream& out);

/// RunCheck with the report written to the file `request.output`: into a new
/// temporary file beside it (".NAME.samlint-PID-N", created at the report's
/// first write, after the directory INPUTs were listed), renamed over it once
/// the run was carried out, with the replaced file's permissions. A usage
/// error or a throw leaves an existing file untouched and removes the
/// temporary file. A file that cannot be written is a usage error, found
/// before any input is read.
RunOutcome RunCheckToFile(const RunRequest& request);

}  // namespace samlint
