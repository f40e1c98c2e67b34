/// The one way the library reads a file or a stream: whole, but never keeping more than a limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

#include "samlint/sources.h"
#include "samlint/status.h"

namespace samlint {

/// Reads the file at `path`, keeping at most `limit` + 1 bytes; a regular
/// file's size comes from the file system, anything else (a pipe) is counted
/// to its end. Fails with kNotFound, kIsDirectory, kOpenFailed or kReadFailed; the Status
/// message is the system's reason ("No such file or directory", ...) for the
/// caller to put in its own sentence.
Result<LimitedBytes> ReadFileUpTo(const std::string& path, std::size_t limit);

/// Reads `in` to its end the same way. Fails with kReadFailed when the stream breaks.
Result<LimitedBytes> ReadStreamUpTo(std::istream& in, std::size_t limit);

}  // namespace samlint
