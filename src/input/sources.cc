#include "samlint/sources.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <system_error>

#include "base/file.h"
#include "base/strings.h"
#include "input/git_ignore.h"

namespace samlint {
namespace fs = std::filesystem;

bool HasReadableExtension(const std::string& file_name) {
  static constexpr std::string_view kExtensions[] = {".xml", ".saml", ".b64", ".base64", ".txt",
                                                     ".har", ".json", ".jsonl", ".gz",   ".yaml",
                                                     ".yml", ".toml"};
  const std::string lower = AsciiLowercase(file_name);
  return std::any_of(std::begin(kExtensions), std::end(kExtensions), [&](std::string_view ext) {
    return lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
  });
}

namespace {

std::string JoinName(const std::string& dir, const std::string& relative) {
  if (!dir.empty() && dir.back() == '/') return dir + relative;
  return dir + "/" + relative;
}

// Why a file or folder met while walking, or a named file under
// --force-exclude, is not checked; nullopt when it is.
class Skipper {
 public:
  explicit Skipper(const ExpandOptions& options) : options_(options) {
    if (options.respect_gitignore) git_.emplace();
  }

  /// `use_git`: false inside a directory INPUT that git itself ignores.
  std::optional<std::string> Excluded(const std::string& path, bool named, bool use_git = true) {
    if (options_.excluded) {
      if (std::optional<std::string> pattern = options_.excluded(path, named)) {
        return "excluded by " + *pattern;
      }
    }
    if (use_git && GitIgnores(path)) return std::string("ignored by git");
    return std::nullopt;
  }

  bool GitIgnores(const std::string& path) { return git_ && git_->Ignored(path); }

 private:
  const ExpandOptions& options_;
  std::optional<GitIgnore> git_;
};

void ExpandDirectory(const std::string& arg, Skipper& skipper, ExpandedInputs& out) {
  std::vector<std::string> found;
  std::vector<SkippedInput> skipped;
  std::error_code ec;
  fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec);
  const std::size_t prefix = (fs::path(arg) / "").generic_string().size();
  if (ec) {
    out.inputs.push_back({arg, arg, false, true});  // reading it reports the error
    return;
  }
  // libgit2 counts a file inside an ignored folder as ignored: inside a
  // directory INPUT git ignores (a build folder named on purpose), git's
  // rules are not applied, since every file would be skipped.
  const bool use_git = !skipper.GitIgnores(fs::path(arg).lexically_normal().string());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::string leaf = p.filename().string();
    const bool directory = it->is_directory(ec);
    // The iterator's paths start with `arg` and its separator: what follows is
    // the relative path, read off lexically (no system call per file).
    std::string path = p.generic_string();
    std::string relative = path.substr(std::min(prefix, path.size()));
    auto skip = [&](std::string reason) {
      if (directory) {
        it.disable_recursion_pending();
        relative += '/';
      } else {
        ++out.skipped;
      }
      skipped.push_back({std::move(relative), std::move(reason)});
    };
    if (!leaf.empty() && leaf.front() == '.') {
      skip("hidden");
      continue;
    }
    if (!directory && !it->is_regular_file(ec)) continue;
    if (!directory && !HasReadableExtension(leaf)) {
      skip("extension not read");
      continue;
    }
    if (std::optional<std::string> reason = skipper.Excluded(path, false, use_git)) {
      skip(std::move(*reason));
      continue;
    }
    if (!directory) found.push_back(std::move(relative));
  }
  std::sort(found.begin(), found.end());
  for (const std::string& rel : found) {
    std::string name = JoinName(arg, rel);
    out.inputs.push_back({name, name, false, false});
  }
  std::sort(skipped.begin(), skipped.end(),
            [](const SkippedInput& a, const SkippedInput& b) { return a.name < b.name; });
  for (SkippedInput& s : skipped) {
    s.name = JoinName(arg, s.name);
    out.skipped_inputs.push_back(std::move(s));
  }
}

}  // namespace

ExpandedInputs ExpandInputs(std::span<const std::string> args, const ExpandOptions& options) {
  ExpandedInputs out;
  Skipper skipper(options);
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.inputs.push_back({"-", "", true, true});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      ExpandDirectory(arg, skipper, out);
      continue;
    }
    if (options.force_exclude) {
      if (std::optional<std::string> reason = skipper.Excluded(arg, true)) {
        ++out.skipped;
        out.skipped_inputs.push_back({arg, std::move(*reason)});
        continue;
      }
    }
    out.inputs.push_back({arg, arg, false, true});
  }
  return out;
}

Result<LimitedBytes> ReadInput(const InputRef& input, std::size_t limit) {
  if (input.is_stdin) {
    Result<LimitedBytes> read = ReadStreamUpTo(std::cin, limit);
    if (!read.ok()) return Status::Error("cannot read standard input", StatusCode::kReadFailed);
    return read;
  }
  Result<LimitedBytes> read = ReadFileUpTo(input.path, limit);
  if (read.ok()) return read;
  switch (read.status().code()) {
    case StatusCode::kNotFound:
      return Status::Error("cannot read " + input.path + ": no such file or directory",
                           StatusCode::kNotFound);
    case StatusCode::kIsDirectory:
      return Status::Error("cannot read " + input.path + ": it is a directory",
                           StatusCode::kIsDirectory);
    case StatusCode::kOpenFailed:
      return Status::Error("cannot open " + input.path + ": " + read.error(),
                           StatusCode::kOpenFailed);
    default:
      return Status::Error("cannot read " + input.path, StatusCode::kReadFailed);
  }
}

}  // namespace samlint
