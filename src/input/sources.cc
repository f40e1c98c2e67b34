#include "samlint/sources.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

namespace samlint {
namespace fs = std::filesystem;

bool HasReadableExtension(const std::string& file_name) {
  static constexpr std::string_view kExtensions[] = {".xml", ".saml", ".b64", ".base64", ".txt",
                                                     ".har", ".json", ".jsonl", ".gz",   ".yaml",
                                                     ".yml", ".toml"};
  std::string lower = file_name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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
    found.push_back(fs::relative(p, arg, ec).generic_string());
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

bool ReadInput(const InputRef& input, std::size_t limit, std::string& bytes, std::string& error,
               std::uintmax_t* size) {
  bytes.clear();
  std::uintmax_t total = 0;
  std::istream* in = &std::cin;
  std::ifstream file;
  if (!input.is_stdin) {
    std::error_code ec;
    if (!fs::exists(input.path, ec)) {
      error = "cannot read " + input.path + ": no such file or directory";
      return false;
    }
    if (fs::is_directory(input.path, ec)) {
      error = "cannot read " + input.path + ": it is a directory";
      return false;
    }
    file.open(input.path, std::ios::binary);
    if (!file) {
      error = "cannot open " + input.path + ": " + std::strerror(errno);
      return false;
    }
    in = &file;
  }
  char buffer[1 << 16];
  while (*in) {
    in->read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in->gcount());
    total += got;
    // Past the limit only the size matters (the caller reports it): keep one
    // byte more than the limit, so the caller can tell, and count the rest.
    const std::size_t room = bytes.size() <= limit ? limit + 1 - bytes.size() : 0;
    bytes.append(buffer, std::min(got, room));
    if (bytes.size() > limit && !input.is_stdin) {
      // A file's size is known without reading the rest.
      std::error_code ec;
      const std::uintmax_t file_size = fs::file_size(input.path, ec);
      if (!ec && fs::is_regular_file(input.path, ec)) {
        total = std::max(total, file_size);
        break;
      }
    }
  }
  if (size != nullptr) *size = total;
  if (in->bad()) {
    error = "cannot read " + (input.is_stdin ? std::string("standard input") : input.path);
    return false;
  }
  return true;
}

}  // namespace samlint
