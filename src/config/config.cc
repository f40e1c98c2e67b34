// samlint.toml: keys are the CLI's option names (kebab-case), so a command
// line moves into the file unchanged. Every problem is collected with its
// line and column instead of stopping at the first, so one run shows them all.
#include "samlint/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/diagnostic.h"
#include "base/file.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "samlint/scenario.h"

namespace samlint {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxPatternBytes = 1024;
constexpr std::size_t kMaxListEntries = 1000;

const std::vector<std::string_view>& TopLevelKeys() {
  static const std::vector<std::string_view> keys = {"baseline",
                                                     "certs",
                                                     "cloud",
                                                     "clock-skew",
                                                     "declarations",
                                                     "duration-seconds",
                                                     "exclude",
                                                     "extend-exclude",
                                                     "extend-select",
                                                     "fail-on",
                                                     "idp-metadata",
                                                     "ignore",
                                                     "login-session",
                                                     "permission-set-session",
                                                     "require-signature",
                                                     "role-chaining",
                                                     "role-max-session",
                                                     "rules",
                                                     "scenarios",
                                                     "select",
                                                     "sp-acs-url",
                                                     "sp-entity-id",
                                                     "sp-session-limit",
                                                     "target",
                                                     "targets",
                                                     "workforce-pool-session"};
  return keys;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

class Parser {
 public:
  Parser(const std::string& path, ConfigParse& out) : out_(out) {
    out_.config.path = path;
    fs::path parent = fs::path(path).parent_path();
    out_.config.directory = parent.empty() ? "." : parent.string();
  }

  void Problem(const toml::source_region& where, std::string message) {
    out_.problems.push_back({static_cast<int>(where.begin.line),
                             static_cast<int>(where.begin.column), std::move(message)});
  }

  void Table(const toml::table& table) {
    for (auto&& [key, node] : table) {
      std::string name(key.str());
      const toml::source_region& where = key.source();
      if (name == "cloud") {
        if (auto s = String(name, node)) {
          if (ParseCloud(*s)) {
            out_.config.cloud = *s;
          } else {
            Problem(node.source(),
                    "'cloud' must be \"aws\", \"aliyun\", \"gcp\" or \"generic\", not \"" + *s + "\"");
          }
        }
      } else if (name == "scenarios") {
        for (const std::string& s : Strings(name, node)) {
          if (FindScenario(s) != nullptr) {
            out_.config.scenarios.push_back(s);
          } else {
            std::vector<std::string_view> ids;
            for (const ScenarioInfo& info : AllScenarios()) ids.push_back(info.name);
            Problem(node.source(), "unknown scenario '" + s + "'" + Suggest(s, ids));
          }
        }
      } else if (name == "target") {
        out_.config.target = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "role-max-session") {
        out_.config.role_max_session = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "duration-seconds") {
        out_.config.duration_seconds = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "login-session") {
        out_.config.login_session = SessionDuration(name, node, BareUnit::kHours);
      } else if (name == "permission-set-session") {
        out_.config.permission_set_session = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "sp-session-limit") {
        out_.config.sp_session_limit = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "workforce-pool-session") {
        out_.config.workforce_pool_session = SessionDuration(name, node, BareUnit::kSeconds);
      } else if (name == "sp-entity-id") {
        out_.config.sp_entity_id = String(name, node);
      } else if (name == "sp-acs-url") {
        out_.config.sp_acs_url = String(name, node);
      } else if (name == "clock-skew") {
        out_.config.clock_skew = Duration(name, node);
      } else if (name == "role-chaining") {
        out_.config.role_chaining = Bool(name, node);
      } else if (name == "require-signature") {
        out_.config.require_signature = Bool(name, node);
      } else if (name == "fail-on") {
        if (auto s = String(name, node)) {
          if (*s == "error" || *s == "warning" || *s == "note") {
            out_.config.fail_on = *s;
          } else {
            Problem(node.source(),
                    "'fail-on' must be \"error\", \"warning\" or \"note\", not \"" + *s + "\"");
          }
        }
      } else if (name == "baseline") {
        if (auto s = String(name, node)) out_.config.baseline = Resolve(*s);
      } else if (name == "declarations") {
        for (const std::string& s : Strings(name, node))
          out_.config.declarations.push_back(Resolve(s));
      } else if (name == "certs") {
        for (const std::string& s : Strings(name, node)) out_.config.certs.push_back(Resolve(s));
      } else if (name == "idp-metadata") {
        for (const std::string& s : Strings(name, node))
          out_.config.idp_metadata.push_back(Resolve(s));
      } else if (name == "exclude" || name == "extend-exclude") {
        std::vector<std::string>& list = name == "exclude" ? out_.config.exclude.emplace()
                                                           : out_.config.extend_exclude;
        for (const std::string& s : Strings(name, node)) {
          if (s.size() > kMaxPatternBytes) {
            Problem(node.source(), "an '" + name + "' pattern is longer than 1024 bytes");
          } else {
            list.push_back(s);
          }
        }
      } else if (name == "select") {
        out_.config.select = RuleSelectors(name, node);
      } else if (name == "extend-select") {
        out_.config.extend_select = RuleSelectors(name, node);
      } else if (name == "ignore") {
        out_.config.ignore = RuleSelectors(name, node);
      } else if (name == "targets") {
        Targets(node);
      } else if (name == "rules") {
        Rules(node);
      } else {
        Problem(where, "unknown key '" + name + "'" + Suggest(name, TopLevelKeys()));
      }
    }
  }

 private:
  static std::string Suggest(std::string_view word, const std::vector<std::string_view>& options) {
    std::string near = NearestWord(word, options);
    return near.empty() ? std::string() : " (did you mean '" + near + "'?)";
  }

  std::string Resolve(const std::string& relative) const {
    fs::path p(relative);
    if (p.is_absolute() || out_.config.directory == ".") return p.lexically_normal().string();
    return (fs::path(out_.config.directory) / p).lexically_normal().string();
  }

  std::optional<std::string> String(const std::string& key, const toml::node& node) {
    if (const auto* s = node.as_string()) return s->get();
    Problem(node.source(), "'" + key + "' must be a string");
    return std::nullopt;
  }

  std::optional<bool> Bool(const std::string& key, const toml::node& node) {
    if (const auto* b = node.as_boolean()) return b->get();
    Problem(node.source(), "'" + key + "' must be true or false");
    return std::nullopt;
  }

  // A string, or an array of strings (a single string is a list of one).
  std::vector<std::string> Strings(const std::string& key, const toml::node& node) {
    std::vector<std::string> out;
    if (const auto* s = node.as_string()) {
      out.push_back(s->get());
      return out;
    }
    const auto* array = node.as_array();
    if (array == nullptr) {
      Problem(node.source(), "'" + key + "' must be a string or an array of strings");
      return out;
    }
    for (const toml::node& element : *array) {
      if (out.size() >= kMaxListEntries) {
        Problem(element.source(), "'" + key + "' has more than 1000 entries");
        break;
      }
      if (const auto* s = element.as_string()) {
        out.push_back(s->get());
      } else {
        Problem(element.source(), "'" + key + "' entries must be strings");
      }
    }
    return out;
  }

  // Rule ids, prefixes of rule ids or "ALL"; one that names no rule is a problem.
  std::vector<std::string> RuleSelectors(const std::string& key, const toml::node& node) {
    std::vector<std::string> out;
    for (std::string& selector : Strings(key, node)) {
      if (SelectsAnyRule(selector)) {
        out.push_back(std::move(selector));
        continue;
      }
      std::vector<std::string> names = RuleSelectorNames();
      Problem(node.source(), "'" + key + "': '" + selector + "' matches no rule" +
                                 Suggest(selector, {names.begin(), names.end()}));
    }
    return out;
  }

  // A DURATION string ("8h", "PT8H", "3600") or an integer of seconds.
  std::optional<std::int64_t> Duration(const std::string& key, const toml::node& node) {
    if (const auto* i = node.as_integer()) {
      if (i->get() >= 0) return i->get();
      Problem(node.source(), "'" + key + "' must not be negative");
      return std::nullopt;
    }
    if (const auto* s = node.as_string()) {
      if (auto seconds = ParseDuration(s->get())) return seconds;
      Problem(node.source(), "'" + key + "': invalid duration \"" + s->get() +
                                 "\" (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or "
                                 "ISO 8601 like PT8H)");
      return std::nullopt;
    }
    Problem(node.source(), "'" + key + "' must be a duration string like \"8h\" or whole seconds");
    return std::nullopt;
  }

  // A session length: as Duration, but a bare number (an integer, or a
  // string of digits) is in the unit of the API that sets it, and one that
  // would mean less than the shortest session is refused with a suggestion.
  std::optional<std::int64_t> SessionDuration(const std::string& key, const toml::node& node,
                                              BareUnit unit) {
    std::string text;
    if (const auto* i = node.as_integer()) {
      if (i->get() < 0) {
        Problem(node.source(), "'" + key + "' must not be negative");
        return std::nullopt;
      }
      text = std::to_string(i->get());
    } else if (const auto* str = node.as_string()) {
      text = str->get();
    } else {
      Problem(node.source(), "'" + key + "' must be a duration string like \"8h\" or whole " +
                                 (unit == BareUnit::kHours ? "hours" : "seconds"));
      return std::nullopt;
    }
    if (!ParseDuration(text)) {
      Problem(node.source(), "'" + key + "': invalid duration \"" + text +
                                 "\" (use seconds like 3600, units like 90m, 8h, 1h30m, 1d, or "
                                 "ISO 8601 like PT8H)");
      return std::nullopt;
    }
    Result<std::int64_t> seconds = ParseSessionDuration(text, unit);
    if (seconds.ok()) return *seconds;
    Problem(node.source(), "'" + key + "' = " + text + ": " + seconds.error());
    return std::nullopt;
  }

  void Targets(const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr) {
      Problem(node.source(),
              "'targets' must be an array of tables: [[targets]] with role and target");
      return;
    }
    static const std::vector<std::string_view> keys = {"role", "target"};
    for (const toml::node& element : *array) {
      const auto* table = element.as_table();
      if (table == nullptr) {
        Problem(element.source(), "each 'targets' entry must be a table with role and target");
        continue;
      }
      std::optional<std::string> role;
      std::optional<std::int64_t> seconds;
      for (auto&& [key, value] : *table) {
        std::string name(key.str());
        if (name == "role") {
          role = String("role", value);
          if (role && role->size() > kMaxPatternBytes) {
            Problem(value.source(), "a 'role' pattern is longer than 1024 bytes");
            role.reset();
          }
        } else if (name == "target") {
          seconds = SessionDuration("target", value, BareUnit::kSeconds);
        } else {
          Problem(key.source(), "unknown key '" + name + "' in [[targets]]" + Suggest(name, keys));
        }
      }
      if (!role || !seconds) {
        if (!table->contains("role") || !table->contains("target")) {
          Problem(element.source(), "a [[targets]] entry needs both 'role' and 'target'");
        }
        continue;
      }
      out_.config.targets.push_back({*role, *seconds});
    }
  }

  void Rules(const toml::node& node) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      Problem(node.source(), "'rules' must be a table: [rules] with \"rule-id\" = \"error\"");
      return;
    }
    std::vector<std::string_view> ids;
    for (const RuleInfo& r : AllRules()) ids.push_back(r.id);
    for (auto&& [key, value] : *table) {
      std::string id(key.str());
      if (FindRule(id) == nullptr) {
        Problem(key.source(), "unknown rule '" + id + "'" + Suggest(id, ids));
        continue;
      }
      const auto* s = value.as_string();
      std::string level = s != nullptr ? s->get() : std::string();
      RuleSetting setting{id, std::nullopt};
      if (level == "error") {
        setting.severity = Severity::kError;
      } else if (level == "warning") {
        setting.severity = Severity::kWarning;
      } else if (level == "note") {
        setting.severity = Severity::kNote;
      } else if (level != "off") {
        static const std::vector<std::string_view> levels = {"error", "warning", "note", "off"};
        Problem(value.source(), "rule '" + id +
                                    "' must be \"error\", \"warning\", \"note\" or \"off\"" +
                                    (s != nullptr ? Suggest(level, levels) : std::string()));
        continue;
      }
      out_.config.rules.push_back(std::move(setting));
    }
  }

  ConfigParse& out_;
};

// Matches pattern[pi..] against text[ti..] by dynamic programming (no
// backtracking, so hostile patterns cost at most |pattern| x |text|).
bool Match(std::string_view pattern, std::string_view text) {
  const std::size_t n = text.size();
  std::vector<char> current(n + 1, 0), next(n + 1, 0);
  current[0] = 1;
  std::size_t i = 0;
  while (i < pattern.size()) {
    std::fill(next.begin(), next.end(), 0);
    if (pattern[i] == '*') {
      bool globstar = i + 1 < pattern.size() && pattern[i + 1] == '*';
      std::size_t width = globstar ? 2 : 1;
      // "**/" also matches no directory at all.
      bool slash_after = globstar && i + 2 < pattern.size() && pattern[i + 2] == '/';
      // One sweep: a position is reached from any reachable one before it, up
      // to the next '/' for a single star (linear, not quadratic, in |text|).
      bool reach = false;
      for (std::size_t t = 0; t <= n; ++t) {
        reach = reach || current[t];
        if (reach) next[t] = 1;
        if (t < n && !globstar && text[t] == '/') reach = false;
      }
      if (slash_after) {
        // Let "**/" match the empty string too.
        std::vector<char> skip(n + 1, 0);
        for (std::size_t t = 0; t <= n; ++t) {
          if (current[t]) skip[t] = 1;
        }
        std::vector<char> after_slash(n + 1, 0);
        for (std::size_t t = 0; t < n; ++t) {
          if (next[t] && text[t] == '/') after_slash[t + 1] = 1;
        }
        for (std::size_t t = 0; t <= n; ++t) next[t] = static_cast<char>(skip[t] || after_slash[t]);
        width = 3;
      }
      i += width;
    } else {
      for (std::size_t t = 0; t < n; ++t) {
        if (!current[t]) continue;
        if (pattern[i] == '?' ? text[t] != '/' : pattern[i] == text[t]) next[t + 1] = 1;
      }
      i += 1;
    }
    std::swap(current, next);
  }
  return current[n] != 0;
}

std::string Slashes(std::string s) {
  std::replace(s.begin(), s.end(), '\\', '/');
  return s;
}

}  // namespace

std::string NearestWord(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > 200) return {};
  std::size_t best = SIZE_MAX;
  std::string_view best_word;
  for (std::string_view c : candidates) {
    std::size_t d = EditDistance(word, c);
    if (d < best) {
      best = d;
      best_word = c;
    }
  }
  std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  if (best == 0 || best > limit) return {};
  return std::string(best_word);
}

ConfigParse ParseConfig(std::string_view text, const std::string& path) {
  ConfigParse out;
  Parser parser(path, out);
  if (text.size() > kMaxConfigBytes) {
    out.problems.push_back({1, 1,
                            "the file is " + std::to_string(text.size()) +
                                " bytes; samlint reads config files up to 1 MiB"});
    return out;
  }
  try {
    toml::table table = toml::parse(text, path);
    parser.Table(table);
  } catch (const toml::parse_error& e) {
    out.problems.push_back({static_cast<int>(e.source().begin.line),
                            static_cast<int>(e.source().begin.column),
                            "is not valid TOML: " + std::string(e.description())});
  } catch (const std::exception& e) {
    out.problems.push_back({1, 1, std::string("cannot be read: ") + e.what()});
  }
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) {
                     return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                   });
  return out;
}

ConfigParse LoadConfig(const std::string& path) {
  Result<LimitedBytes> read = ReadFileUpTo(path, kMaxConfigBytes);
  if (read.ok() && !read->Exceeds(kMaxConfigBytes)) return ParseConfig(read->bytes, path);
  ConfigParse out;
  out.config.path = path;
  if (read.ok()) {
    out.problems.push_back({1, 1,
                            "the file is " + std::to_string(read->size) +
                                " bytes; samlint reads config files up to 1 MiB"});
  } else if (read.status().code() == StatusCode::kNotFound ||
             read.status().code() == StatusCode::kIsDirectory) {
    out.problems.push_back({0, 0, "cannot be read: " + read.error()});
  } else {
    out.problems.push_back({0, 0, "cannot be read"});
  }
  return out;
}

bool IsConfigFileName(std::string_view file_name) {
  return file_name == "samlint.toml" || file_name == ".samlint.toml";
}

std::optional<std::string> FindConfig(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory.empty() ? fs::path(".") : fs::path(directory), ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  for (int depth = 0; depth < 4096; ++depth) {
    for (const char* name : {"samlint.toml", ".samlint.toml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) {
        // Reported paths stay relative to the working directory when they can.
        fs::path cwd = fs::current_path(ec);
        fs::path relative = ec ? fs::path() : candidate.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.string();
        return candidate.string();
      }
    }
    fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) break;
    dir = parent;
  }
  return std::nullopt;
}

bool GlobMatch(std::string_view pattern, std::string_view text) {
  if (pattern.size() > kMaxPatternBytes || text.size() > 4 * kMaxPatternBytes) return false;
  return Match(pattern, text);
}

const std::vector<std::string>& DefaultExcludes() {
  // Folders that hold other projects' files or build output, never the
  // project's own SAML material; ruff skips most of these by default too.
  static const std::vector<std::string> names = {
      "node_modules", "bower_components", "jspm_packages", "vendor",  "third_party",
      "build",        "_build",           "dist",          "target",  "buck-out",
      "bazel-*",      "venv",             "__pycache__",   "__pypackages__", "site-packages"};
  return names;
}

std::optional<std::string> MatchExclude(const std::vector<std::string>& patterns,
                                        const std::string& base, const std::string& path,
                                        bool with_folders) {
  if (patterns.empty()) return std::nullopt;
  const std::string name = fs::path(path).filename().string();
  std::string relative;
  bool inside = false;
  bool relative_known = false;
  // Only a path pattern, or folders between base and the path, need the path
  // relative to base (no system call otherwise).
  auto relative_path = [&]() -> const std::string& {
    if (!relative_known) {
      relative_known = true;
      std::error_code ec;
      fs::path absolute = fs::absolute(path, ec).lexically_normal();
      fs::path from = fs::absolute(base.empty() ? "." : base, ec).lexically_normal();
      relative = Slashes(absolute.lexically_relative(from).string());
      inside = !relative.empty() && relative != "." && relative.rfind("..", 0) != 0;
    }
    return relative;
  };
  for (const std::string& given : patterns) {
    std::string pattern = Slashes(given);
    while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
    if (pattern.empty() || pattern == "/") continue;
    if (pattern.find('/') == std::string::npos) {
      if (GlobMatch(pattern, name)) return given;
      if (!with_folders) continue;
      std::string_view rest = relative_path();
      if (!inside) continue;
      std::size_t start = 0;
      while (start < rest.size()) {
        std::size_t end = rest.find('/', start);
        if (end == std::string_view::npos) break;  // the last part is the name itself
        if (GlobMatch(pattern, rest.substr(start, end - start))) return given;
        start = end + 1;
      }
      continue;
    }
    if (pattern.rfind("./", 0) == 0) pattern = pattern.substr(2);
    if (!pattern.empty() && pattern.front() == '/') pattern = pattern.substr(1);
    const std::string& rel = relative_path();
    if (!inside) continue;
    if (GlobMatch(pattern, rel)) return given;
    // A folder pattern excludes everything below it.
    if (GlobMatch(pattern + "/**", rel)) return given;
  }
  return std::nullopt;
}

std::optional<std::int64_t> TargetForRole(const std::vector<RoleTarget>& targets,
                                          const std::string& role_arn) {
  if (role_arn.empty()) return std::nullopt;
  std::string name = role_arn;
  if (auto slash = role_arn.rfind('/'); slash != std::string::npos)
    name = role_arn.substr(slash + 1);
  for (const RoleTarget& t : targets) {
    // `*` stops at '/', so "arn:aws:iam::*:role/ops-*" and "ops-*" both work;
    // `**` reaches into role paths ("arn:aws:iam::*:role/**").
    if (GlobMatch(t.pattern, role_arn) || GlobMatch(t.pattern, name)) return t.seconds;
  }
  return std::nullopt;
}

bool LooksLikeConfig(std::string_view input_name, std::string_view bytes) {
  std::string file = fs::path(std::string(input_name)).filename().string();
  if (IsConfigFileName(file)) return true;
  if (bytes.size() > kMaxConfigBytes) return false;
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  char c = bytes[first];
  // XML, JSON and base64 blobs are never TOML tables worth trying.
  if (c == '<' || c == '{' || bytes.find('=') == std::string_view::npos) return false;
  try {
    toml::table table = toml::parse(bytes, std::string(input_name));
    std::size_t known = 0, total = 0;
    for (auto&& [key, node] : table) {
      (void)node;
      ++total;
      const auto& keys = TopLevelKeys();
      if (std::find(keys.begin(), keys.end(), key.str()) != keys.end()) ++known;
    }
    return total > 0 && known * 2 > total;
  } catch (...) {
    return false;
  }
}

CheckResult CheckConfigInput(std::string_view input_name, std::string_view bytes) {
  CheckResult result;
  result.input = std::string(input_name);
  result.kind = ResultKind::kConfig;
  ConfigParse parsed = ParseConfig(bytes, std::string(input_name));
  for (const ConfigProblem& p : parsed.problems) {
    Diagnostic d = MakeDiagnostic(
        Rule::kConfigInvalid,
        "The samlint config " + std::string(input_name) + ": " + p.message + ".", std::nullopt,
        "Fix the key or value; docs/config.md lists every key and the values it takes.");
    if (p.line > 0) d.location = Location{p.line, p.column};
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

}  // namespace samlint
