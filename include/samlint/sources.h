/// Where inputs come from: files, directories (recursed in a stable order), stdin.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "samlint/status.h"

namespace samlint {

/// One input to check.
struct InputRef {
  std::string name;  ///< as reported: the path given, dir/relative for files found inside a directory, "-" for stdin
  std::string path;  ///< what to open; empty for stdin
  bool is_stdin = false;
  bool named = true;  ///< given on the command line; false for a file found inside a directory
};

/// A file or folder a run does not check, and why (what --show-files lists).
struct SkippedInput {
  std::string name;    ///< named like an input; a folder that was not entered ends with '/'
  std::string reason;  ///< "hidden", "extension not read", "ignored by git", "excluded by PATTERN", ...
};

struct ExpandedInputs {
  std::vector<InputRef> inputs;
  /// Files skipped for their name, extension, an exclude or git (folders not
  /// entered are listed in `skipped_inputs` but their files are not counted).
  int skipped = 0;
  std::vector<SkippedInput> skipped_inputs;  ///< files and folders, in walk order
};

/// The exclude pattern that applies to `path` (a file or folder found inside a
/// directory when `named` is false, a file named on the command line when it
/// is true), or nullopt when none does.
using ExcludeCheck =
    std::function<std::optional<std::string>(const std::string& path, bool named)>;

/// How INPUTs are expanded (cli-contract.md, Decisions: Directories).
struct ExpandOptions {
  ExcludeCheck excluded;         ///< may be empty: nothing is excluded by pattern
  bool respect_gitignore = true; ///< inside git work trees, skip what git ignores
  bool force_exclude = false;    ///< excludes and git's ignore rules apply to named files too
};

/// Expands command-line INPUTs. A named file is always kept (even if missing:
/// reading it reports the problem) unless `force_exclude` and an exclude or
/// git ignores it. Inside directories, dot-files and dot-folders are skipped,
/// folders and files an exclude or git ignores, and files whose extension
/// samlint does not read; the rest is sorted by byte order of their relative
/// paths. Never throws.
ExpandedInputs ExpandInputs(std::span<const std::string> args, const ExpandOptions& options = {});

/// The extensions samlint reads inside directories.
bool HasReadableExtension(const std::string& file_name);

/// An input's bytes, read with a size limit.
struct LimitedBytes {
  std::string bytes;        ///< the content, cut to at most the limit + 1 bytes
  std::uintmax_t size = 0;  ///< the whole size, counted (not kept) past the limit

  /// True when the input was larger than `limit`; then `bytes` is not all of it.
  bool Exceeds(std::size_t limit) const { return size > limit; }
};

/// Reads a whole input (file or stdin), keeping at most `limit` + 1 bytes;
/// `size` is the input's real size, larger than `limit` when the input is
/// (the rest of a stream is counted, not kept). Fails with a one-sentence
/// message when the input cannot be read.
Result<LimitedBytes> ReadInput(const InputRef& input, std::size_t limit);

}  // namespace samlint
