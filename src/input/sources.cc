#include "samlint/sources.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "base/file.h"
#include "base/strings.h"

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

void ExpandDirectory(const std::string& arg, ExpandedInputs& out) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec);
  const std::size_t prefix = (fs::path(arg) / "").generic_string().size();
  if (ec) {
    out.inputs.push_back({arg, arg, false});  // reading it reports the error
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::string leaf = p.filename().string();
    if (!leaf.empty() && leaf.front() == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      else ++out.skipped;
      continue;
    }
    if (it->is_directory(ec)) continue;
    if (!it->is_regular_file(ec)) continue;
    if (!HasReadableExtension(leaf)) {
      ++out.skipped;
      continue;
    }
    // The iterator's paths start with `arg` and its separator: what follows is
    // the relative path, read off lexically (no system call per file).
    std::string path = p.generic_string();
    found.push_back(path.substr(std::min(prefix, path.size())));
  }
  std::sort(found.begin(), found.end());
  for (const std::string& rel : found) {
    std::string name = JoinName(arg, rel);
    out.inputs.push_back({name, name, false});
  }
}

}  // namespace

ExpandedInputs ExpandInputs(std::span<const std::string> args) {
  ExpandedInputs out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.inputs.push_back({"-", "", true});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      ExpandDirectory(arg, out);
    } else {
      out.inputs.push_back({arg, arg, false});
    }
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
