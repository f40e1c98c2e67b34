/// Project configuration (samlint.toml): parsing, discovery, and what it sets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/result.h"

namespace samlint {

/// Config files are refused above this size (a real one is a few hundred bytes).
inline constexpr std::size_t kMaxConfigBytes = 1024u * 1024u;

/// A session target for the roles whose ARN (or role name) matches `pattern`.
struct RoleTarget {
  std::string pattern;  ///< glob: `*` within a path segment, `**` across, `?` one character
  std::int64_t seconds = 0;
};

/// A rule's severity set by the config; nullopt means "off" (the rule is disabled).
struct RuleSetting {
  std::string rule;
  std::optional<Severity> severity;
};

/// One problem in a config file, at a 1-based line and column.
struct ConfigProblem {
  int line = 0;
  int column = 0;
  std::string message;  ///< one sentence, with a "did you mean" suggestion where one is near
};

/// What a samlint.toml sets. Paths are already resolved against the file's directory.
struct ProjectConfig {
  std::string path;       ///< the config file as found or given
  std::string directory;  ///< its directory, which relative paths and excludes start from
  std::optional<std::string> cloud;
  std::vector<std::string> scenarios;
  std::optional<std::int64_t> target;
  std::optional<std::int64_t> role_max_session;
  std::optional<std::int64_t> duration_seconds;
  std::optional<std::int64_t> login_session;
  std::optional<std::int64_t> permission_set_session;
  std::optional<std::int64_t> sp_session_limit;
  std::optional<std::int64_t> workforce_pool_session;
  std::optional<std::string> sp_entity_id;
  std::optional<std::string> sp_acs_url;
  std::optional<std::int64_t> clock_skew;
  std::optional<bool> role_chaining;
  std::optional<bool> require_signature;
  std::optional<std::string> fail_on;
  std::optional<std::string> baseline;
  std::vector<std::string> declarations;
  std::vector<std::string> certs;
  std::vector<std::string> idp_metadata;
  std::vector<RoleTarget> targets;
  std::vector<RuleSetting> rules;
  /// `exclude`: replaces DefaultExcludes() when set (even to []).
  std::optional<std::vector<std::string>> exclude;
  std::vector<std::string> extend_exclude;  ///< `extend-exclude`: added to the excludes
  /// Rule selection, as --select / --extend-select / --ignore: rule ids,
  /// prefixes of rule ids, or "ALL". nullopt `select`: every rule.
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

struct ConfigParse {
  ProjectConfig config;                 ///< what the valid keys set
  std::vector<ConfigProblem> problems;  ///< empty when the file is valid
};

/// Parses a config's text. `path` names the file in problems and anchors its
/// relative paths. Never throws; bad keys and values become problems.
ConfigParse ParseConfig(std::string_view text, const std::string& path);

/// Reads and parses a config file; an unreadable or oversized file is one problem at 0:0.
ConfigParse LoadConfig(const std::string& path);

/// True for the file names discovery looks for: samlint.toml and .samlint.toml.
bool IsConfigFileName(std::string_view file_name);

/// The config file for an input in `directory`: the first samlint.toml or
/// .samlint.toml found walking up to the filesystem root; nullopt when none.
std::optional<std::string> FindConfig(const std::string& directory);

/// The names skipped inside directories unless `--exclude` or `exclude`
/// replaces them: dependency, build and vendor folders (node_modules, build,
/// dist, vendor, target, venv, __pycache__, ...; README § Decisions lists them).
const std::vector<std::string>& DefaultExcludes();

/// The first of `patterns` that excludes `path`, or nullopt. A pattern
/// without `/` matches the path's own name (a file or folder) and, when
/// `with_folders`, the name of each folder between `base` and it; a pattern
/// with `/` (a leading `/` or `./` is dropped) matches the path relative to
/// `base`, and a pattern naming a folder excludes everything below it. An
/// empty pattern matches nothing. Paths outside `base` match names only.
std::optional<std::string> MatchExclude(const std::vector<std::string>& patterns,
                                        const std::string& base, const std::string& path,
                                        bool with_folders);

/// Glob match: `*` and `?` stay within one `/`-separated segment, `**` spans segments.
bool GlobMatch(std::string_view pattern, std::string_view text);

/// The role target for `role_arn`: the first `[[targets]]` entry whose pattern
/// matches the ARN or the role name; nullopt when none does.
std::optional<std::int64_t> TargetForRole(const std::vector<RoleTarget>& targets,
                                          const std::string& role_arn);

/// The nearest of `candidates` to `word` (edit distance at most a third of its
/// length, at least 1, at most 3), or empty.
std::string NearestWord(std::string_view word, const std::vector<std::string_view>& candidates);

/// Checks a config file given as an INPUT: a `"kind": "config"` result whose
/// problems are `config-invalid` findings.
CheckResult CheckConfigInput(std::string_view input_name, std::string_view bytes);

/// Whether `bytes` named `input_name` is a samlint config: a config file name,
/// or TOML whose top-level keys are mostly config keys.
bool LooksLikeConfig(std::string_view input_name, std::string_view bytes);

}  // namespace samlint
