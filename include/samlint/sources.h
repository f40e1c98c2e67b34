/// Where inputs come from: files, directories (recursed in a stable order), stdin.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace samlint {

/// One input to check.
struct InputRef {
  std::string name;  ///< as reported: the path given, dir/relative for files found inside a directory, "-" for stdin
  std::string path;  ///< what to open; empty for stdin
  bool is_stdin = false;
};

struct ExpandedInputs {
  std::vector<InputRef> inputs;
  int skipped = 0;  ///< files inside directories skipped for their name or extension
};

/// Expands command-line INPUTs. A named file is always kept (even if missing:
/// reading it reports the problem). Inside directories, dot-files and
/// dot-folders are skipped, and so are files whose extension samlint does not
/// read; the rest is sorted by byte order of their relative paths.
ExpandedInputs ExpandInputs(std::span<const std::string> args);

/// The extensions samlint reads inside directories.
bool HasReadableExtension(const std::string& file_name);

/// Reads a whole input (file or stdin) into `bytes`, keeping at most `limit`
/// + 1 bytes; `size` (when given) is set to the input's real size, which is
/// larger than `limit` when the input is (the rest of a stream is counted,
/// not kept). Returns false and sets `error` (one sentence) when it cannot.
bool ReadInput(const InputRef& input, std::size_t limit, std::string& bytes, std::string& error,
               std::uintmax_t* size = nullptr);

}  // namespace samlint
