// A `check` run: every input read and recognised once (in parallel), the
// declarations among them joined into the options of each config, then every
// input checked (in parallel) and its results emitted in input order.
#include "samlint/run.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "pipeline/prepared_input.h"
#include "run/ordered_work.h"
#include "run/run_options.h"
#include "samlint/check.h"
#include "samlint/config.h"
#include "samlint/sources.h"
#include "samlint/suppress.h"

namespace samlint {
namespace {

// The lowest severity that makes `check` exit 1 (--fail-on).
std::optional<Severity> FailOnSeverity(const std::string& name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "note") return Severity::kNote;
  return std::nullopt;
}

std::string DirectoryOf(const InputRef& input) {
  if (input.is_stdin) return ".";
  std::filesystem::path parent = std::filesystem::path(input.path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// -o must not name a file the run reads: the report would overwrite it.
Status CheckOutputIsNotRead(const RunRequest& r) {
  if (!r.output) return Status();
  std::vector<std::pair<std::string_view, const std::string*>> read;
  for (const std::string& in : r.inputs) {
    if (in != "-") read.emplace_back("an INPUT", &in);
  }
  for (const std::string& f : r.declarations) read.emplace_back("--declarations", &f);
  for (const std::string& f : r.certs) read.emplace_back("--cert", &f);
  for (const std::string& f : r.metadata) read.emplace_back("--idp-metadata", &f);
  if (r.sp_key) read.emplace_back("--sp-key", &*r.sp_key);
  if (r.config) read.emplace_back("--config", &*r.config);
  if (r.baseline) read.emplace_back("--baseline", &*r.baseline);
  for (const auto& [option, path] : read) {
    std::error_code ec;
    if (std::filesystem::equivalent(*r.output, *path, ec)) {
      return Status::Error("-o: " + *r.output + " is " +
                           (option == "an INPUT" ? std::string(option)
                                                 : "the file given to " + std::string(option)) +
                           " of this run; the report would overwrite it: write it to another file");
    }
  }
  return Status();
}

// The report's own file (-o) found inside a directory INPUT is not an input:
// an earlier run wrote it. Counted as skipped.
void LeaveOutReportFile(const RunRequest& r, ExpandedInputs& expanded) {
  if (!r.output) return;
  const std::string name = std::filesystem::path(*r.output).filename().string();
  std::erase_if(expanded.inputs, [&](const InputRef& in) {
    if (in.is_stdin || std::filesystem::path(in.path).filename().string() != name) return false;
    std::error_code ec;
    if (!std::filesystem::equivalent(*r.output, in.path, ec)) return false;
    ++expanded.skipped;
    expanded.skipped_inputs.push_back({in.path, "the report file (-o)"});
    return true;
  });
}

// The option values that need no config, checked before anything is read;
// fails with the usage error.
Status ValidateRequest(const RunRequest& r) {
  if (!ParseReportFormat(r.format)) {
    return Status::Error("--format: unknown format '" + r.format +
                         "' (use text, concise, json, sarif, github, gitlab, junit or html)");
  }
  if (Status output = CheckOutputIsNotRead(r); !output.ok()) return output;
  if (r.docs_url && !IsDocsUrl(*r.docs_url)) {
    return Status::Error("--docs-url: '" + *r.docs_url +
                         "' is not an http(s) URL without a fragment (for example "
                         "https://github.com/OWNER/samlint/blob/v0.1.0/docs/rules.md)");
  }
  if (r.fail_on && !FailOnSeverity(*r.fail_on)) {
    return Status::Error("--fail-on: unknown severity '" + *r.fail_on +
                         "' (use error, warning or note)");
  }
  if (r.jobs && *r.jobs < 1) return Status::Error("--jobs: must be at least 1");
  if (r.color != "auto" && r.color != "always" && r.color != "never") {
    return Status::Error("--color: use auto, always or never");
  }
  if (std::count(r.inputs.begin(), r.inputs.end(), "-") > 1) {
    return Status::Error("INPUT: standard input (-) can be read only once");
  }
  if (r.quiet && r.explain) return Status::Error("--explain and --quiet exclude each other");
  if (Status selection = RuleSelection().Apply(CommandLineSelectors(r)); !selection.ok()) {
    return selection;
  }
  if (r.config && r.no_config) {
    return Status::Error("--config and --no-config exclude each other");
  }
  if (r.config) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*r.config, ec)) {
      return Status::Error("--config: cannot read " + *r.config + ": no such file");
    }
  }
  return Status();
}

// Where the hint for an unusable baseline tells the user to write a new one:
// the path given when nothing is there yet, else a file beside it that does
// not exist, so following the hint never overwrites a file (often an input
// given to --baseline by mistake).
std::string NewBaselinePath(const std::string& given) {
  std::error_code ec;
  if (!std::filesystem::exists(given, ec) && !ec) return given;
  const std::filesystem::path dir = std::filesystem::path(given).parent_path();
  for (int n = 0; n < 100; ++n) {
    std::string leaf =
        n == 0 ? "samlint-baseline.json" : "samlint-baseline-" + std::to_string(n) + ".json";
    std::string candidate = (dir / leaf).string();
    if (!std::filesystem::exists(candidate, ec) && !ec) return candidate;
  }
  return (dir / "samlint-baseline-new.json").string();
}

// The outcome of a run stopped by a usage error: nothing was written.
RunOutcome UsageOutcome(const Status& error) {
  RunOutcome outcome;
  outcome.usage_error = error.message();
  return outcome;
}

// An input read once and recognised once; what it declares is known before
// anything is evaluated.
PreparedInput ReadAndPrepare(const InputRef& input, const Limits& limits, Timestamp sign_in) {
  PreparedInput prepared;
  prepared.name = input.name;
  Result<LimitedBytes> read = ReadInput(input, limits.input_bytes);
  if (!read.ok()) {
    prepared.finished.push_back(UnreadableInput(input.name, read.error()));
  } else if (read->size > limits.input_bytes) {
    // Only a file can be read again; what was read says whether it may be a capture.
    prepared = PrepareLargeInput(input.name, input.is_stdin ? std::string() : input.path,
                                 read->size, read->bytes, limits);
  } else {
    prepared = PrepareInput(input.name, std::move(read->bytes), limits, sign_in);
  }
  return prepared;
}

// Severity overrides, then the baseline, then counting: what the report shows is what counts.
class Counter {
 public:
  Counter(Emitter& emitter, std::optional<Baseline>& baseline, Severity fail_on,
          RunOutcome& outcome)
      : emitter_(emitter), baseline_(baseline), fail_on_(fail_on), outcome_(outcome) {}

  void Emit(CheckResult& r, const CheckOptions& o) {
    ApplyRuleSelection(r, o.rule_selection);
    ApplyRuleSettings(r, o.rule_settings);
    if (baseline_) baseline_->Apply(r);
    RunSummary& summary = outcome_.summary;
    summary.suppressed += r.suppressed;
    for (const auto& d : r.diagnostics) {
      if (d.severity == Severity::kError)
        ++summary.errors;
      else if (d.severity == Severity::kWarning)
        ++summary.warnings;
      else
        ++summary.notes;
      // Severity is ordered note < warning < error.
      outcome_.failing |= d.severity >= fail_on_;
      ++by_rule_[{d.rule, d.severity}];
    }
    emitter_.Result(r);
  }

  /// Fills the summary's counts per rule, in StatisticsTable's order.
  void Finish() {
    std::vector<RuleCount>& rows = outcome_.summary.by_rule;
    rows.clear();
    for (const auto& [key, count] : by_rule_) rows.push_back({key.first, key.second, count});
    std::stable_sort(rows.begin(), rows.end(), [](const RuleCount& a, const RuleCount& b) {
      if (a.count != b.count) return a.count > b.count;
      if (a.rule != b.rule) return a.rule < b.rule;
      return a.severity > b.severity;
    });
  }

 private:
  Emitter& emitter_;
  std::optional<Baseline>& baseline_;
  Severity fail_on_;
  RunOutcome& outcome_;
  std::map<std::pair<std::string, Severity>, int> by_rule_;
};

// Whether a prepared input may hold audit events that name a response's assertion.
bool MayHoldEvents(const PreparedInput& input) {
  return input.kind == InputKind::kArtifact && input.split.kind == "cloudtrail";
}

// The bytes a prepared input holds until it is checked, roughly.
std::size_t HeldBytes(const PreparedInput& input) {
  std::size_t held = sizeof(PreparedInput) + input.bytes.size();
  for (const ArtifactPart& part : input.split.parts) held += part.saml.size() + 256;
  return held;
}

// Prepared inputs hold their bytes from recognition to checking up to this
// many bytes in all; the inputs past it are read again when they are checked,
// so that a run's memory does not grow with its inputs.
constexpr std::size_t kHeldBytes = std::size_t{8} << 20;

// A report waits at most this long in the stream's buffer while inputs are
// being checked (then it is flushed when the run next waits for an input).
constexpr std::chrono::milliseconds kFlushEvery{100};

// How many inputs the threads may work ahead of the one being written.
std::size_t WindowFor(std::size_t jobs) { return std::max<std::size_t>(16, 4 * jobs); }

// Results on their way to the emitter, in input order: an audit event that
// names an assertion waits for the first response with that ID (or for the
// last input), and what follows it waits with it. A response is kept only
// while a later input holds an event that names its assertion.
class EventJoin {
 public:
  /// `enabled`: several inputs (a single one is never joined). `last_naming`:
  /// for each assertion ID an audit event names, the last input naming it.
  EventJoin(bool enabled, const CheckOptions& run_options,
            std::map<std::string, std::size_t> last_naming)
      : enabled_(enabled), run_options_(run_options), last_naming_(std::move(last_naming)) {}

  /// Adds the next result of input `index`, in input order.
  void Add(CheckResult result, const CheckOptions& options, std::size_t index) {
    if (!enabled_) result.response.reset();
    if (result.response != nullptr) {
      const std::string& id = result.assertion_id;
      if (waiting_.count(id) != 0) {
        for (Queued& q : queue_) {
          if (q.waiting && q.result.event_assertion_id == id) {
            JoinEventWithResponse(q.result, result, run_options_);
            q.waiting = false;
          }
        }
        waiting_.erase(id);
      }
      auto named = last_naming_.find(id);
      if (named != last_naming_.end() && named->second > index && responses_.count(id) == 0) {
        responses_.emplace(id, Kept(result));
      }
      result.response.reset();
    }
    bool waiting = false;
    if (enabled_ && AwaitsResponse(result)) {
      auto kept = responses_.find(result.event_assertion_id);
      if (kept != responses_.end()) {
        JoinEventWithResponse(result, kept->second, run_options_);
      } else {
        waiting = true;
        waiting_.insert(result.event_assertion_id);
      }
    }
    queue_.push_back(Queued{std::move(result), &options, waiting});
  }

  /// Forgets the responses no input after `index` names.
  void Forget(std::size_t index) {
    std::erase_if(responses_, [&](const auto& kept) {
      return last_naming_.at(kept.first) <= index;
    });
  }

  /// Emits the results that are final, in order; `all` when no input is left.
  void Flush(Counter& counter, bool all) {
    while (!queue_.empty() && (all || !queue_.front().waiting)) {
      counter.Emit(queue_.front().result, *queue_.front().options);
      queue_.pop_front();
    }
  }

 private:
  struct Queued {
    CheckResult result;
    const CheckOptions* options;
    bool waiting;
  };

  // What a joined event needs of a response: its read and its name.
  static CheckResult Kept(const CheckResult& response) {
    CheckResult kept;
    kept.kind = response.kind;
    kept.input = response.input;
    kept.part = response.part;
    kept.response = response.response;
    return kept;
  }

  bool enabled_;
  const CheckOptions& run_options_;
  std::map<std::string, std::size_t> last_naming_;
  std::deque<Queued> queue_;
  std::map<std::string, CheckResult> responses_;  // the first response per assertion ID
  std::set<std::string> waiting_;                 // assertion IDs pending events name
};

// The exclude patterns of a run (cli-contract.md, Decisions: Directories):
// --exclude, else the config's `exclude`, else DefaultExcludes(); plus
// --extend-exclude and the config's `extend-exclude`. Command-line patterns
// start from the working directory, a config's from its directory.
class ExcludeRules {
 public:
  ExcludeRules(const RunRequest& request, Configs& configs)
      : request_(request), configs_(configs) {}

  std::optional<std::string> Match(const std::string& path, bool named) {
    const ProjectConfig* c = ConfigFor(path);
    const std::string cwd = ".";
    const std::string& config_base = c != nullptr ? c->directory : cwd;
    std::optional<std::string> hit;
    if (request_.exclude) {
      hit = MatchExclude(*request_.exclude, cwd, path, named);
    } else if (c != nullptr && c->exclude) {
      hit = MatchExclude(*c->exclude, config_base, path, named);
    } else {
      hit = MatchExclude(DefaultExcludes(), config_base, path, named);
    }
    if (!hit) hit = MatchExclude(request_.extend_exclude, cwd, path, named);
    if (!hit && c != nullptr) hit = MatchExclude(c->extend_exclude, config_base, path, named);
    return hit;
  }

 private:
  // The config over `path`; a broken one counts as none here (it is reported
  // where it is an input, or as the usage error once inputs are known).
  const ProjectConfig* ConfigFor(const std::string& path) {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::string directory = parent.empty() ? "." : parent.string();
    auto it = by_directory_.find(directory);
    if (it != by_directory_.end()) return it->second;
    Result<const ProjectConfig*> found = configs_.For(directory);
    const ProjectConfig* c = found.ok() ? *found : nullptr;
    by_directory_.emplace(directory, c);
    return c;
  }

  const RunRequest& request_;
  Configs& configs_;
  std::map<std::string, const ProjectConfig*> by_directory_;
};

// --show-files: one line per input that would be checked, and one per file
// or folder skipped with why, in name order.
void WriteFileList(const std::vector<InputRef>& inputs, const std::vector<SkippedInput>& skipped,
                   std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const InputRef& in : inputs) lines.emplace_back(in.name, "");
  for (const SkippedInput& s : skipped) lines.emplace_back(s.name, "  skipped: " + s.reason);
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [name, why] : lines) out << name << why << "\n";
}

}  // namespace

RunOutcome RunCheck(const RunRequest& request, std::ostream& out) {
  if (Status valid = ValidateRequest(request); !valid.ok()) return UsageOutcome(valid);
  Result<Limits> run_limits = RunLimits(request);
  if (!run_limits.ok()) return UsageOutcome(run_limits.status());
  const Limits& limits = *run_limits;
  Configs configs(request, request.inputs);
  ExpandOptions expand;
  expand.force_exclude = request.force_exclude;
  ExcludeRules exclude_rules(request, configs);
  expand.excluded = [&](const std::string& path, bool named) {
    return exclude_rules.Match(path, named);
  };
  ExpandedInputs expanded = ExpandInputs(request.inputs, expand);
  LeaveOutReportFile(request, expanded);
  std::vector<std::string> input_paths;
  for (const auto& in : expanded.inputs) {
    if (!in.is_stdin) input_paths.push_back(in.path);
  }
  configs.NoteInputs(input_paths);
  Result<const ProjectConfig*> found_run_config =
      configs.For(expanded.inputs.empty() ? "." : DirectoryOf(expanded.inputs.front()));
  if (!found_run_config.ok()) return UsageOutcome(found_run_config.status());
  const ProjectConfig* run_config = *found_run_config;

  std::vector<InputRef> inputs = std::move(expanded.inputs);
  std::vector<const ProjectConfig*> input_config;
  for (const InputRef& in : inputs) {
    Result<const ProjectConfig*> found = configs.For(DirectoryOf(in));
    if (!found.ok()) return UsageOutcome(found.status());
    input_config.push_back(*found);
  }

  unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t jobs = request.jobs ? static_cast<std::size_t>(*request.jobs) : hardware;
  CheckOptions sign_in_options;
  sign_in_options.now = request.now ? ParseDateTime(*request.now) : std::nullopt;
  const Timestamp sign_in = SignInInstant(sign_in_options);
  const std::size_t window = WindowFor(jobs);

  // Recognise every input first: declarations among them join every
  // evaluation, and audit events name the responses to keep for them. Inputs
  // keep what checking them needs while kHeldBytes allows; past it, only what
  // recognition found out, and they are read again when checked.
  std::vector<std::unique_ptr<PreparedInput>> held(inputs.size());
  std::vector<bool> skip(inputs.size(), false);
  std::map<std::string, std::size_t> last_naming;  // assertion ID -> last input whose event names it
  std::vector<Declarations> input_declarations;
  std::set<std::string> declaration_inputs;
  {
    std::size_t held_bytes = 0;
    OrderedWork<PreparedInput> reading(inputs.size(), jobs, window, [&](std::size_t i) {
      return ReadAndPrepare(inputs[i], limits, sign_in);
    });
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      PreparedInput prepared = reading.Take(i);
      if (prepared.declarations) {
        if (inputs[i].is_stdin ||
            declaration_inputs.insert(CanonicalPath(inputs[i].path)).second) {
          input_declarations.push_back(std::move(*prepared.declarations));
        }
        prepared.declarations.reset();
      }
      if (MayHoldEvents(prepared)) {
        for (const ArtifactPart& part : prepared.split.parts) {
          if (part.event && !part.event->saml_assertion_id.empty() &&
              part.event->error_code.empty()) {
            last_naming[part.event->saml_assertion_id] = i;
          }
        }
      }
      if (!prepared.recognised && (!inputs[i].named || request.skip_unrecognised)) {
        skip[i] = true;
        expanded.skipped_inputs.push_back(
            {inputs[i].name, "not a kind samlint reads (" + prepared.looks_like + ")"});
        continue;
      }
      std::size_t bytes = HeldBytes(prepared);
      if (inputs[i].is_stdin || held_bytes + bytes <= kHeldBytes) {
        held_bytes += bytes;
        held[i] = std::make_unique<PreparedInput>(std::move(prepared));
      }
    }
  }
  // Inputs that are not a kind samlint reads are skipped and counted; no
  // event names them (an input with events is recognised).
  {
    std::vector<std::size_t> renumbered(inputs.size());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (skip[i]) {
        ++expanded.skipped;
        continue;
      }
      renumbered[i] = kept;
      if (kept != i) {  // a self-move would empty the input
        inputs[kept] = std::move(inputs[i]);
        held[kept] = std::move(held[i]);
        input_config[kept] = input_config[i];
      }
      ++kept;
    }
    inputs.resize(kept);
    held.resize(kept);
    input_config.resize(kept);
    for (auto& [id, index] : last_naming) index = renumbered[index];
  }
  if (request.show_files) {
    WriteFileList(inputs, expanded.skipped_inputs, out);
    RunOutcome listed;
    listed.summary.checked = static_cast<int>(inputs.size());
    listed.summary.skipped = expanded.skipped;
    return listed;
  }

  // Declarations files from --declarations (else the config), minus those also given as INPUT.
  auto declaration_files = [&](const ProjectConfig* c) {
    std::vector<std::string> files;
    std::set<std::string> seen = declaration_inputs;
    for (const std::string& f :
         !request.declarations.empty() || c == nullptr ? request.declarations : c->declarations) {
      if (seen.insert(CanonicalPath(f)).second) files.push_back(f);
    }
    return files;
  };

  using SharedOptions = std::shared_ptr<const CheckOptions>;
  std::map<const ProjectConfig*, SharedOptions> built;
  auto options_for = [&](const ProjectConfig* c) -> Result<SharedOptions> {
    auto it = built.find(c);
    if (it != built.end()) return it->second;
    Result<CheckOptions> o = BuildOptions(request, c, input_declarations, declaration_files(c));
    if (!o.ok()) return o.status();
    if (Status valid = ValidateOptions(*o, true); !valid.ok()) return valid;
    auto shared = std::make_shared<const CheckOptions>(std::move(o).value());
    return built.emplace(c, std::move(shared)).first->second;
  };
  Result<SharedOptions> built_run_options = options_for(run_config);
  if (!built_run_options.ok()) return UsageOutcome(built_run_options.status());
  const SharedOptions run_options = *built_run_options;
  if (Status valid = ValidateOptions(*run_options, !request.inputs.empty()); !valid.ok()) {
    return UsageOutcome(valid);
  }
  std::vector<SharedOptions> per_input;
  for (const ProjectConfig* c : input_config) {
    Result<SharedOptions> o = options_for(c);
    if (!o.ok()) return UsageOutcome(o.status());
    per_input.push_back(*o);
  }

  std::string fail_on_name = request.fail_on.value_or(
      run_config != nullptr && run_config->fail_on ? *run_config->fail_on : std::string("error"));
  Severity fail_on = FailOnSeverity(fail_on_name).value_or(Severity::kError);

  std::optional<Baseline> baseline;
  if (request.baseline || (run_config != nullptr && run_config->baseline)) {
    baseline.emplace();
    bool from_cli = request.baseline.has_value();
    const std::string& path = from_cli ? *request.baseline : *run_config->baseline;
    if (Status loaded = LoadBaseline(path, *baseline); !loaded.ok()) {
      std::string make = NewBaselinePath(path);
      std::string hint = " (make one with: samlint check ... --format json > " + make;
      if (make != path) hint += ", then pass " + make;
      return UsageOutcome(
          Status::Error((from_cli ? "--baseline: " : run_config->path + ": baseline: ") +
                        loaded.message() + hint + ")"));
    }
  }

  ReportOptions report;
  report.docs_url = request.docs_url.value_or("");
  report.color = request.color == "always" || (request.color == "auto" && request.color_auto);
  // Past one input, the factor tables would bury the findings (42,424 inputs
  // gave 285 MB of them): one line per result unless --explain asks.
  report.summary_lines = inputs.size() > 1 && !request.explain;
  report.quiet = request.quiet;
  report.statistics = request.statistics;
  auto emitter = MakeEmitter(*ParseReportFormat(request.format), out, report);

  RunOutcome outcome;
  outcome.summary.skipped = expanded.skipped;
  Counter counter(*emitter, baseline, fail_on, outcome);

  emitter->Begin();
  if (run_options->declarations) {
    std::vector<std::string> files = declaration_files(run_config);
    if (!files.empty()) {
      Declarations from_files;
      for (const std::string& f : files) (void)LoadDeclarations(f, from_files, run_options->limits);
      if (auto findings = DeclarationsResult(from_files, files))
        counter.Emit(*findings, *run_options);
    }
  }
  if (auto declarations = CheckDeclarations(*run_options))
    counter.Emit(*declarations, *run_options);

  OrderedWork<std::vector<CheckResult>> checking(
      inputs.size(), jobs, window, [&](std::size_t i) {
        if (held[i] != nullptr) {
          PreparedInput prepared = std::move(*held[i]);
          held[i].reset();
          return CheckPrepared(std::move(prepared), *per_input[i]);
        }
        PreparedInput prepared = ReadAndPrepare(inputs[i], limits, sign_in);
        prepared.declarations.reset();  // joined when the input was recognised
        return CheckPrepared(std::move(prepared), *per_input[i]);
      });
  EventJoin join(inputs.size() > 1, *run_options, std::move(last_naming));
  auto flushed_at = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    // Before waiting for the next input, write what is ready if it has waited
    // long enough to be worth a system call.
    if (!checking.Ready(i)) {
      auto now = std::chrono::steady_clock::now();
      if (now - flushed_at >= kFlushEvery) {
        out.flush();
        flushed_at = now;
      }
    }
    std::vector<CheckResult> parts = checking.Take(i);
    ++outcome.summary.checked;
    for (CheckResult& r : parts) join.Add(std::move(r), *per_input[i], i);
    join.Forget(i);
    join.Flush(counter, false);
    if (request.progress) request.progress(RunProgress{i + 1, inputs.size()});
  }
  join.Flush(counter, true);
  counter.Finish();
  emitter->End(outcome.summary);
  return outcome;
}

}  // namespace samlint
