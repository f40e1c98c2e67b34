// What a run's command line and its samlint.toml files make of the options:
// configs found per input directory, options merged per config.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "samlint/config.h"
#include "samlint/declarations.h"
#include "samlint/limits.h"
#include "samlint/options.h"
#include "samlint/run.h"
#include "samlint/status.h"
#include "samlint/suppress.h"

namespace samlint {

/// `path` made canonical, or as given when it cannot be.
std::string CanonicalPath(const std::string& path);

/// The --limit assignments over the defaults; fails with the usage error
/// ("--limit: ...") that RunCheck reports.
Result<Limits> RunLimits(const RunRequest& request);

/// The command line's layer of rule selection (--select, --extend-select, --ignore).
RuleSelectors CommandLineSelectors(const RunRequest& request);

/// Options for the inputs under `config` (nullptr: none): the command line
/// wins over it. `input_declarations` come from declarations files among the
/// inputs, `declaration_files` are the other ones to load. Fails with the
/// usage error, naming the option (or the config and its key), that RunCheck reports.
Result<CheckOptions> BuildOptions(const RunRequest& request, const ProjectConfig* config,
                                  const std::vector<Declarations>& input_declarations,
                                  const std::vector<std::string>& declaration_files);

/// The configs of one run: found per input directory, loaded once each.
class Configs {
 public:
  Configs(const RunRequest& request, const std::vector<std::string>& input_paths);

  /// The config for an input in `directory`, or nullptr (none, --no-config,
  /// or a broken config that is itself an input). Fails with the usage error
  /// for another broken config.
  Result<const ProjectConfig*> For(const std::string& directory);

  /// Inputs found inside directories: a broken config among them is reported
  /// as an input, not as a usage error.
  void NoteInputs(const std::vector<std::string>& input_paths);

 private:
  const RunRequest& request_;
  std::set<std::string> inputs_;  // canonical paths of the inputs named like a config
  std::map<std::string, std::optional<std::string>> by_directory_;
  std::map<std::string, std::shared_ptr<ProjectConfig>> loaded_;
};

}  // namespace samlint
