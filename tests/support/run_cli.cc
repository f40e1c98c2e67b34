#include "support/run_cli.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

extern char** environ;

namespace samlint::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempPath(const char* tag) {
  std::string pattern = std::string("/tmp/samlint-e2e-") + tag + "-XXXXXX";
  int fd = mkstemp(pattern.data());
  if (fd >= 0) close(fd);
  return pattern;
}

}  // namespace

nlohmann::json CliRun::Json() const {
  return nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
}

std::string TestData(const std::string& relative) {
  return std::string(SAMLINT_TESTDATA) + "/" + relative;
}

CliRun RunCli(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::string in_path = TempPath("in"), out_path = TempPath("out"), err_path = TempPath("err");
  {
    std::ofstream in(in_path, std::ios::binary);
    in << stdin_text;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_TRUNC, 0600);
  posix_spawn_file_actions_addchdir_np(&actions, SAMLINT_SOURCE_DIR);

  std::vector<std::string> argv_storage{SAMLINT_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage{"NO_COLOR=1"};
  for (char** e = environ; *e != nullptr; ++e) {
    std::string var(*e);
    if (var.rfind("NO_COLOR=", 0) != 0) env_storage.push_back(var);
  }
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  CliRun run;
  pid_t pid = 0;
  if (posix_spawn(&pid, SAMLINT_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = ReadAll(out_path);
  run.err = ReadAll(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return run;
}

}  // namespace samlint::testing
