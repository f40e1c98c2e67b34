// -o/--output: the report goes to a temporary file beside the one named and
// replaces it only once the run was carried out, so a usage error (exit 2) or
// a crash never leaves a partial report where a good one was. The run's
// report stream writes through LazyFileBuffer (64 KiB writes).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

#include "samlint/run.h"

namespace samlint {
namespace {

std::string Why(int error) { return std::strerror(error); }

// The temporary file: removed when it goes out of scope uncommitted.
class TemporaryFile {
 public:
  TemporaryFile() = default;
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  // Creates a new file beside `target`, named ".NAME.samlint-PID-N" (a leading
  // '.': a directory walk skips it) with `target`'s permissions when it exists.
  // Returns errno on failure.
  int Create(const std::filesystem::path& target, const struct stat* existing) {
    std::filesystem::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    const std::string stem = "." + target.filename().string() + ".samlint-" +
                             std::to_string(static_cast<long>(::getpid())) + "-";
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string candidate = (dir / (stem + std::to_string(attempt))).string();
      int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0 && errno == EEXIST) continue;
      if (fd < 0) return errno;
      path_ = candidate;
      int error = 0;
      if (existing != nullptr && ::fchmod(fd, existing->st_mode & 07777) != 0) error = errno;
      ::close(fd);
      return error;
    }
    return EEXIST;
  }

  const std::string& path() const { return path_; }
  void Committed() { path_.clear(); }

 private:
  std::string path_;
};

// The report's bytes, into the temporary file, which is created at the first
// write: by then the run has listed the files of its directory INPUTs, so
// the temporary file is not among them (not even as a skipped file).
class LazyFileBuffer final : public std::streambuf {
 public:
  LazyFileBuffer(TemporaryFile& file, std::filesystem::path target, const struct stat* existing)
      : file_(file), target_(std::move(target)), existing_(existing), buffer_(kSize) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  LazyFileBuffer(const LazyFileBuffer&) = delete;
  LazyFileBuffer& operator=(const LazyFileBuffer&) = delete;
  ~LazyFileBuffer() override {
    if (fd_ >= 0) ::close(fd_);
  }

  // Writes what is buffered and closes the file (creating it if nothing was
  // written); errno of the first failure, or 0.
  int Close() {
    Flush();
    if (fd_ >= 0 && ::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
    return error_;
  }

 protected:
  int_type overflow(int_type ch) override {
    Flush();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  static constexpr std::size_t kSize = std::size_t{64} << 10;

  bool Flush() {
    if (error_ == 0 && fd_ < 0 && !opened_) {
      opened_ = true;
      error_ = file_.Create(target_, existing_);
      if (error_ == 0) {
        fd_ = ::open(file_.path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ < 0) error_ = errno;
      }
    }
    const char* at = pbase();
    while (error_ == 0 && at < pptr()) {
      ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error_ = errno;
      if (n > 0) at += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  TemporaryFile& file_;
  std::filesystem::path target_;
  const struct stat* existing_;
  std::vector<char> buffer_;
  int fd_ = -1;
  bool opened_ = false;
  int error_ = 0;
};

RunOutcome Failed(std::string message) {
  RunOutcome outcome;
  outcome.usage_error = std::move(message);
  return outcome;
}

}  // namespace

RunOutcome RunCheckToFile(const RunRequest& request) {
  if (!request.output || request.output->empty()) return Failed("-o: the file name is empty");
  const std::string& named = *request.output;
  // Writing through a symbolic link replaces the file it points to, as a
  // shell redirection would, not the link.
  std::filesystem::path target = named;
  std::error_code ec;
  if (std::filesystem::is_symlink(target, ec)) {
    target = std::filesystem::weakly_canonical(target, ec);
    if (ec) target = named;
  }
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) {
    return Failed("-o: " + named + " is a directory; name the report's file");
  }
  if (exists && !S_ISREG(existing.st_mode)) {
    return Failed("-o: " + named + " is not a regular file; name the report's file");
  }
  if (exists && ::access(target.c_str(), W_OK) != 0) {
    return Failed("-o: cannot write " + named + ": " + Why(errno));
  }
  {
    // A file that cannot be written is found before any input is read.
    TemporaryFile probe;
    if (int error = probe.Create(target, nullptr); error != 0) {
      return Failed("-o: cannot write " + named + ": " + Why(error));
    }
  }

  RunRequest to_file = request;
  to_file.color_auto = false;  // a file is not a terminal
  TemporaryFile temporary;
  LazyFileBuffer buffer(temporary, target, exists ? &existing : nullptr);
  std::ostream out(&buffer);
  RunOutcome outcome = RunCheck(to_file, out);
  if (outcome.usage_error) return outcome;
  if (int error = buffer.Close(); error != 0) {
    return Failed("-o: writing " + named + " failed: " + Why(error));
  }
  if (::rename(temporary.path().c_str(), target.c_str()) != 0) {
    return Failed("-o: cannot replace " + named + ": " + Why(errno));
  }
  temporary.Committed();
  return outcome;
}

}  // namespace samlint
