// End-to-end: where the report goes (-o/--output, --format html and
// terminals) and the concise, JUnit and GitLab formats, through the binary.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.h"

extern char** environ;

namespace samlint::testing {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class E2eReportDestination : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("samlint-e2e-output-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(E2eReportDestination, OutputFileHoldsWhatStdoutWouldHaveShown) {
  CliRun to_stdout = RunCli(With(kAliyunClampedArgs, {"--format", "json"}));
  fs::path out = dir_ / "report.json";
  CliRun to_file = RunCli(With(kAliyunClampedArgs, {"--format", "json", "-o", out.string()}));
  EXPECT_EQ(to_file.exit_code, to_stdout.exit_code);
  EXPECT_EQ(to_file.exit_code, 1) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(Read(out), to_stdout.out);
  // --output is the long spelling; "-o -" is stdout.
  CliRun long_form =
      RunCli(With(kAliyunClampedArgs, {"--format", "json", "--output=" + out.string()}));
  EXPECT_EQ(Read(out), to_stdout.out);
  CliRun dash = RunCli(With(kAliyunClampedArgs, {"--format", "json", "-o", "-"}));
  EXPECT_EQ(dash.out, to_stdout.out);
}

TEST_F(E2eReportDestination, UnwritableOutputIsAUsageErrorOnOneLine) {
  fs::path out = dir_ / "missing" / "report.json";
  CliRun run = RunCli(With(kAliyunClampedArgs, {"-o", out.string()}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "samlint: -o: cannot write " + out.string() + ": No such file or directory\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(E2eReportDestination, AFailedRunNeverReplacesTheOldReport) {
  fs::path out = dir_ / "report.json";
  std::ofstream(out) << "previous report";
  CliRun run = RunCli({"check", "testdata/examples/aliyun-console-clamped.xml", "--target", "8",
                       "-o", out.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Lines(run.err).size(), 1u) << run.err;
  EXPECT_NE(run.err.find("--target 8: did you mean 8h?"), std::string::npos) << run.err;
  EXPECT_EQ(Read(out), "previous report");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(E2eReportDestination, RefusesToWriteTheReportOverAnInput) {
  fs::path input = dir_ / "response.xml";
  fs::copy_file(TestData("examples/aliyun-console-clamped.xml"), input);
  const std::string before = Read(input);
  CliRun run = RunCli({"check", input.string(), "-o", input.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "samlint: -o: " + input.string() +
                         " is an INPUT of this run; the report would overwrite it: write it to "
                         "another file\n");
  EXPECT_EQ(Read(input), before);
}

TEST_F(E2eReportDestination, ConciseIsOneLinePerFindingThenTheSummary) {
  CliRun run = RunCli(With(kAliyunClampedArgs, {"--format", "concise"}));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  CliRun json_run = RunCli(With(kAliyunClampedArgs, {"--format", "json"}));
  const nlohmann::json json_report = json_run.Json();
  const nlohmann::json& diagnostics = json_report["results"][0]["diagnostics"];
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), diagnostics.size() + 1) << run.out;
  const std::regex shape(
      R"(^testdata/examples/aliyun-console-clamped\.xml(:\d+:\d+)?: (error|warning|note) \[[a-z-]+\] .+$)");
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], shape)) << lines[i];
    const nlohmann::json& d = diagnostics[i];
    std::string head = "testdata/examples/aliyun-console-clamped.xml";
    if (d.contains("location") && d["location"].is_object()) {
      head += ":" + std::to_string(d["location"]["line"].get<int>()) + ":" +
              std::to_string(d["location"]["column"].get<int>());
    }
    head += ": " + d["severity"].get<std::string>() + " [" + d["rule"].get<std::string>() + "] ";
    EXPECT_EQ(lines[i].rfind(head, 0), 0u) << lines[i] << "\nexpected to start with " << head;
    EXPECT_NE(lines[i].find(d["message"].get<std::string>()), std::string::npos) << lines[i];
    if (d.contains("scenario") && d["scenario"].is_string()) {
      EXPECT_NE(lines[i].find("(" + d["scenario"].get<std::string>()), std::string::npos);
    }
  }
  EXPECT_EQ(lines.back().rfind("1 input checked, 0 skipped: ", 0), 0u) << lines.back();
  CliRun quiet = RunCli(With(kAliyunClampedArgs, {"--format", "concise", "-q"}));
  EXPECT_EQ(Lines(quiet.out).size(), diagnostics.size());
}

TEST_F(E2eReportDestination, ConciseTellsRolesApart) {
  CliRun run = RunCli({"check", "testdata/responses/aws-three-roles.xml", "--scenario",
                       "aws:saml-api", "--target", "12h", "--format", "concise", "-q"});
  std::vector<std::string> below;
  for (const std::string& line : Lines(run.out)) {
    if (line.find("[lifetime-below-target]") != std::string::npos) below.push_back(line);
  }
  ASSERT_GE(below.size(), 2u) << run.out;
  std::set<std::string> distinct(below.begin(), below.end());
  EXPECT_EQ(distinct.size(), below.size()) << run.out;
  for (const std::string& line : below) EXPECT_NE(line.find(":role/"), std::string::npos) << line;
}

TEST_F(E2eReportDestination, JunitParsesAndFailsOnErrors) {
  fs::path out = dir_ / "junit.xml";
  CliRun run =
      RunCli({"check", "testdata/examples/aliyun-console-clamped.xml",
              "testdata/responses/aws-api.xml", "--login-session", "6h", "--role-max-session", "1h",
              "--target", "8h", "--format", "junit", "-o", out.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(out.c_str())) << Read(out);
  std::vector<std::string> suites;
  int failures = 0;
  for (pugi::xml_node s : doc.child("testsuites").children("testsuite")) {
    suites.push_back(s.attribute("name").value());
    int counted = 0;
    for (pugi::xml_node t : s.children("testcase")) counted += t.child("failure") ? 1 : 0;
    EXPECT_EQ(s.attribute("failures").as_int(), counted);
    failures += counted;
  }
  EXPECT_EQ(suites, (std::vector<std::string>{"testdata/examples/aliyun-console-clamped.xml",
                                              "testdata/responses/aws-api.xml"}));
  EXPECT_GT(failures, 0);
}

TEST_F(E2eReportDestination, GitlabCodeQualityHasOneIssuePerFinding) {
  CliRun run = RunCli(With(kAliyunClampedArgs, {"--format", "gitlab"}));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  nlohmann::json report = run.Json();
  ASSERT_TRUE(report.is_array()) << run.out;
  CliRun json_run = RunCli(With(kAliyunClampedArgs, {"--format", "json"}));
  const nlohmann::json json_report = json_run.Json();
  const nlohmann::json& diagnostics = json_report["results"][0]["diagnostics"];
  ASSERT_EQ(report.size(), diagnostics.size());
  for (std::size_t i = 0; i < report.size(); ++i) {
    EXPECT_EQ(report[i]["check_name"], diagnostics[i]["rule"]);
    EXPECT_EQ(report[i]["fingerprint"], diagnostics[i]["fingerprint"]);
    EXPECT_EQ(report[i]["location"]["path"], "testdata/examples/aliyun-console-clamped.xml");
    EXPECT_GE(report[i]["location"]["lines"]["begin"].get<int>(), 1);
  }
}

// Runs samlint with stdout on a pseudo-terminal; returns the exit code, stderr in `err`.
int RunOnTerminal(const std::vector<std::string>& args, std::string& err) {
  int master = -1, slave = -1;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return -1;
  fs::path err_path = fs::temp_directory_path() / ("samlint-pty-err-" + std::to_string(::getpid()));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, slave, 1);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addclose(&actions, master);
  posix_spawn_file_actions_addchdir_np(&actions, SAMLINT_SOURCE_DIR);
  std::vector<std::string> storage{SAMLINT_BINARY};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int code = -1;
  if (posix_spawn(&pid, SAMLINT_BINARY, &actions, nullptr, argv.data(), environ) == 0) {
    ::close(slave);
    slave = -1;
    char buffer[4096];
    while (::read(master, buffer, sizeof buffer) > 0) {
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  if (slave >= 0) ::close(slave);
  ::close(master);
  err = Read(err_path);
  fs::remove(err_path);
  return code;
}

TEST_F(E2eReportDestination, HtmlRefusesATerminalButNotAFile) {
  std::string err;
  int code = RunOnTerminal(With(kAliyunClampedArgs, {"--format", "html"}), err);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(Lines(err).size(), 1u) << err;
  EXPECT_NE(err.find("-o FILE"), std::string::npos) << err;

  fs::path out = dir_ / "report.html";
  code = RunOnTerminal(With(kAliyunClampedArgs, {"--format", "html", "-o", out.string()}), err);
  EXPECT_EQ(code, 1) << err;
  EXPECT_EQ(Read(out).rfind("<!DOCTYPE html>", 0), 0u);
  // Another format on a terminal is fine.
  EXPECT_EQ(RunOnTerminal(With(kAliyunClampedArgs, {"--format", "concise"}), err), 1) << err;
  // A pipe or a file is fine too (RunCli's stdout is a file).
  EXPECT_EQ(RunCli(With(kAliyunClampedArgs, {"--format", "html"})).exit_code, 1);
}

}  // namespace
}  // namespace samlint::testing
