#include "input/git_ignore.h"

#include <git2.h>

#include <filesystem>
#include <mutex>
#include <system_error>

namespace samlint {
namespace fs = std::filesystem;

struct GitIgnore::Repository {
  git_repository* handle = nullptr;
  ~Repository() { git_repository_free(handle); }
};

GitIgnore::GitIgnore() {
  git_libgit2_init();
  // Only ignore files are read, nothing is executed: a checkout owned by
  // another user (a CI container, a mounted volume) must not lose its
  // .gitignore because libgit2 refuses to open it.
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0); });
}

GitIgnore::~GitIgnore() {
  folders_.clear();
  repositories_.clear();
  git_libgit2_shutdown();
}

const GitIgnore::Folder& GitIgnore::FolderOf(const std::string& directory) {
  auto found = folders_.find(directory);
  if (found != folders_.end()) return found->second;
  Folder folder;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(directory.empty() ? "." : directory, ec);
  git_repository* handle = nullptr;
  if (!ec && git_repository_open_ext(&handle, canonical.c_str(), 0, nullptr) == 0) {
    const char* workdir = git_repository_workdir(handle);
    if (workdir == nullptr) {
      git_repository_free(handle);  // a bare repository ignores nothing
    } else {
      std::string root = workdir;
      auto& shared = repositories_[root];
      if (shared == nullptr) {
        shared = std::make_shared<Repository>();
        shared->handle = handle;
      } else {
        git_repository_free(handle);
      }
      std::string here = canonical.generic_string();
      if (here.back() != '/') here += '/';
      if (here.compare(0, root.size(), root) == 0) {
        folder.repository = shared;
        folder.relative = here.substr(root.size());
      }
    }
  }
  return folders_.emplace(directory, std::move(folder)).first->second;
}

bool GitIgnore::Ignored(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const fs::path p(trimmed);
  const Folder& folder = FolderOf(p.parent_path().string());
  if (folder.repository == nullptr) return false;
  const std::string name = p.filename().string();
  if (name.empty() || name == "." || name == "..") return false;
  const std::string relative = folder.relative + name;
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, folder.repository->handle, relative.c_str()) != 0) {
    return false;
  }
  return ignored == 1;
}

}  // namespace samlint
