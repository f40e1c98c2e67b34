#include "base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace samlint {
namespace {

std::string SystemReason(int error) { return std::generic_category().message(error); }

// Past the limit only the size matters: keep one byte more than the limit, so
// the caller can tell, and count the rest.
Result<LimitedBytes> ReadUpTo(std::istream& in, std::size_t limit) {
  LimitedBytes out;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    out.size += got;
    const std::size_t room = out.bytes.size() <= limit ? limit + 1 - out.bytes.size() : 0;
    out.bytes.append(buffer, std::min(got, room));
  }
  if (in.bad()) return Status::Error(SystemReason(EIO), StatusCode::kReadFailed);
  return out;
}

}  // namespace

Result<LimitedBytes> ReadFileUpTo(const std::string& path, std::size_t limit) {
  // open, fstat, read, close: a regular file's size is known before reading,
  // so one read takes all of it (or the limit and one byte more).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      return Status::Error(SystemReason(ENOENT), StatusCode::kNotFound);
    }
    return Status::Error(SystemReason(error), StatusCode::kOpenFailed);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::Error(SystemReason(errno), StatusCode::kReadFailed);
  if (S_ISDIR(st.st_mode)) return Status::Error(SystemReason(EISDIR), StatusCode::kIsDirectory);
  const bool regular = S_ISREG(st.st_mode);
  const auto file_size = static_cast<std::uintmax_t>(st.st_size);
  LimitedBytes out;
  // Past the limit only the size matters: keep one byte more than the limit,
  // so the caller can tell; a regular file's size is its stat size, anything
  // else (a pipe, a device) is counted to its end.
  const std::size_t keep = limit + 1;
  std::size_t want =
      regular ? static_cast<std::size_t>(std::min<std::uintmax_t>(file_size, keep)) : 0;
  // Exactly the size of a regular file; a pipe (or a file whose stat size is
  // 0, as in /proc) starts with 64 KiB and grows.
  out.bytes.resize(want > 0 ? want : std::min<std::size_t>(keep, 1 << 16));
  std::size_t have = 0;
  char scratch[1 << 16];
  for (;;) {
    char* into = have < out.bytes.size() ? out.bytes.data() + have : scratch;
    const std::size_t room = have < out.bytes.size() ? out.bytes.size() - have : sizeof scratch;
    const ssize_t got = ::read(fd, into, room);
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status::Error(SystemReason(EIO), StatusCode::kReadFailed);
    }
    if (got == 0) break;
    const auto n = static_cast<std::size_t>(got);
    out.size += n;
    if (into != scratch) have += n;
    // All of a regular file, or the limit and one byte: its size says the rest.
    if (regular && (have >= keep || have == file_size)) break;
    if (have == out.bytes.size() && have < keep) {
      out.bytes.resize(std::min(keep, 2 * have));  // a pipe, or a file that grew
    }
  }
  out.bytes.resize(std::min(have, keep));
  // What was grown for a pipe is not kept: inputs are held between reading and checking.
  if (out.bytes.capacity() - out.bytes.size() > 4096) out.bytes.shrink_to_fit();
  if (regular) out.size = std::max(out.size, file_size);
  return out;
}

Result<LimitedBytes> ReadStreamUpTo(std::istream& in, std::size_t limit) {
  return ReadUpTo(in, limit);
}

}  // namespace samlint
