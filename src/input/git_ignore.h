// Git's ignore rules for paths inside git work trees (nested .gitignore
// files, .git/info/exclude, core.excludesFile), read with libgit2 so that
// they mean exactly what `git check-ignore --no-index` says. Internal to the
// input stage (sources.cc and its tests).
#pragma once

#include <map>
#include <memory>
#include <string>

namespace samlint {

/// Answers "does git ignore this path?" for any number of work trees; each
/// repository is opened once. Not thread-safe: one walk uses one instance.
class GitIgnore {
 public:
  GitIgnore();
  ~GitIgnore();
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  /// Whether git ignores `path`, an existing file or folder; false outside a
  /// git work tree, for the work tree itself, and when libgit2 cannot tell.
  bool Ignored(const std::string& path);

 private:
  struct Repository;
  struct Folder {
    std::shared_ptr<Repository> repository;  // nullptr: not in a work tree
    std::string relative;  // the folder relative to its work tree, "" or ending in '/'
  };
  const Folder& FolderOf(const std::string& directory);

  std::map<std::string, Folder> folders_;                            // by directory as given
  std::map<std::string, std::shared_ptr<Repository>> repositories_;  // by work tree
};

}  // namespace samlint
