#include "base/file.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace samlint {
namespace {

namespace fs = std::filesystem;

std::string SystemReason(int error) { return std::generic_category().message(error); }

// Past the limit only the size matters: keep one byte more than the limit, so
// the caller can tell, and count the rest. A regular file's size is known
// without reading the rest, so `path` (when not empty) ends the read early.
Result<LimitedBytes> ReadUpTo(std::istream& in, std::size_t limit, const std::string& path) {
  LimitedBytes out;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    out.size += got;
    const std::size_t room = out.bytes.size() <= limit ? limit + 1 - out.bytes.size() : 0;
    out.bytes.append(buffer, std::min(got, room));
    if (out.bytes.size() > limit && !path.empty()) {
      std::error_code ec;
      const std::uintmax_t file_size = fs::file_size(path, ec);
      if (!ec && fs::is_regular_file(path, ec)) {
        out.size = std::max(out.size, file_size);
        break;
      }
    }
  }
  if (in.bad()) return Status::Error(SystemReason(EIO), StatusCode::kReadFailed);
  return out;
}

}  // namespace

Result<LimitedBytes> ReadFileUpTo(const std::string& path, std::size_t limit) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Status::Error(SystemReason(ENOENT), StatusCode::kNotFound);
  }
  if (fs::is_directory(path, ec)) {
    return Status::Error(SystemReason(EISDIR), StatusCode::kIsDirectory);
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::Error(SystemReason(errno), StatusCode::kOpenFailed);
  return ReadUpTo(file, limit, path);
}

Result<LimitedBytes> ReadStreamUpTo(std::istream& in, std::size_t limit) {
  return ReadUpTo(in, limit, std::string());
}

}  // namespace samlint
