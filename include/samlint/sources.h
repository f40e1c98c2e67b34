/// Where inputs come from: files, directories (recursed in a stable order), stdin.
#pragma once

#include <cstddef>
#include <cstdint>
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
