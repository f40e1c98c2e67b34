// RunCheckToFile (-o/--output): the report replaces the file only once the
// run was carried out; inputs are never overwritten.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "samlint/run.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

namespace fs = std::filesystem;

class ReportFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("samlint-report-file-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }

  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  static void Write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
  }
  // Everything in the directory but `keep`: a temporary file left behind shows here.
  std::vector<std::string> Others(const std::string& keep) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().filename() != keep) out.push_back(e.path().filename().string());
    }
    return out;
  }

  RunRequest JsonRun(const fs::path& output) const {
    RunRequest r;
    r.inputs = {testing::TestData("responses/aws-api.xml")};
    r.format = "json";
    r.no_config = true;
    r.output = output.string();
    return r;
  }

  fs::path dir_;
};

TEST_F(ReportFile, WritesTheReportAndLeavesNothingElse) {
  fs::path out = dir_ / "report.json";
  Write(out, "old");
  RunOutcome outcome = RunCheckToFile(JsonRun(out));
  ASSERT_FALSE(outcome.usage_error) << *outcome.usage_error;
  nlohmann::json report = nlohmann::json::parse(Read(out), nullptr, false);
  ASSERT_TRUE(report.is_object()) << Read(out);
  EXPECT_EQ(report["results"].size(), 1u);
  EXPECT_TRUE(Others("report.json").empty());
}

TEST_F(ReportFile, KeepsTheModeOfTheFileItReplaces) {
  fs::path out = dir_ / "report.json";
  Write(out, "old");
  ::chmod(out.c_str(), 0640);
  ASSERT_FALSE(RunCheckToFile(JsonRun(out)).usage_error);
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(ReportFile, AUsageErrorLeavesTheOldReportUntouched) {
  fs::path out = dir_ / "report.json";
  Write(out, "the previous report");
  RunRequest r = JsonRun(out);
  r.target = "abc";
  RunOutcome outcome = RunCheckToFile(r);
  ASSERT_TRUE(outcome.usage_error);
  EXPECT_NE(outcome.usage_error->find("--target"), std::string::npos) << *outcome.usage_error;
  EXPECT_EQ(Read(out), "the previous report");
  EXPECT_TRUE(Others("report.json").empty());
}

TEST_F(ReportFile, AnUnwritablePlaceIsAUsageErrorNamingTheOption) {
  RunOutcome missing_dir = RunCheckToFile(JsonRun(dir_ / "no-such-dir" / "r.json"));
  ASSERT_TRUE(missing_dir.usage_error);
  EXPECT_EQ(missing_dir.usage_error->rfind("-o: cannot write ", 0), 0u) << *missing_dir.usage_error;

  RunOutcome directory = RunCheckToFile(JsonRun(dir_));
  ASSERT_TRUE(directory.usage_error);
  EXPECT_NE(directory.usage_error->find("is a directory"), std::string::npos);

  RunRequest empty = JsonRun(dir_);
  empty.output = "";
  EXPECT_TRUE(RunCheckToFile(empty).usage_error);
}

TEST_F(ReportFile, RefusesToOverwriteAFileTheRunReads) {
  fs::path input = dir_ / "response.xml";
  fs::copy_file(testing::TestData("responses/aws-api.xml"), input);
  const std::string before = Read(input);
  for (const std::string& spelling : {input.string(), (dir_ / "." / "response.xml").string()}) {
    RunRequest r = JsonRun(spelling);
    r.inputs = {input.string()};
    RunOutcome outcome = RunCheckToFile(r);
    ASSERT_TRUE(outcome.usage_error) << spelling;
    EXPECT_NE(outcome.usage_error->find("is an INPUT of this run"), std::string::npos)
        << *outcome.usage_error;
  }
  RunRequest declarations = JsonRun(input);
  declarations.inputs = {testing::TestData("responses/aws-api.xml")};
  declarations.declarations = {input.string()};
  RunOutcome outcome = RunCheckToFile(declarations);
  ASSERT_TRUE(outcome.usage_error);
  EXPECT_NE(outcome.usage_error->find("--declarations"), std::string::npos) << *outcome.usage_error;
  EXPECT_EQ(Read(input), before);
  EXPECT_TRUE(Others("response.xml").empty());
}

TEST_F(ReportFile, TheReportInsideADirectoryInputIsNotAnInput) {
  fs::copy_file(testing::TestData("responses/aws-api.xml"), dir_ / "response.xml");
  fs::path out = dir_ / "report.xml";
  Write(out, "<testsuites/>");  // an earlier run's report
  RunRequest r = JsonRun(out);
  r.inputs = {dir_.string()};
  RunOutcome outcome = RunCheckToFile(r);
  ASSERT_FALSE(outcome.usage_error) << *outcome.usage_error;
  EXPECT_EQ(outcome.summary.checked, 1);
  EXPECT_EQ(outcome.summary.skipped, 1);  // the earlier report; the temporary file is not listed
  nlohmann::json report = nlohmann::json::parse(Read(out), nullptr, false);
  ASSERT_EQ(report["results"].size(), 1u);
  EXPECT_EQ(report["results"][0]["input"], (dir_ / "response.xml").string());
}

TEST_F(ReportFile, TheTemporaryFileIsNotAmongTheFilesOfADirectoryInput) {
  fs::copy_file(testing::TestData("responses/aws-api.xml"), dir_ / "response.xml");
  RunRequest r = JsonRun(dir_ / "new-report.json");
  r.inputs = {dir_.string()};
  RunOutcome outcome = RunCheckToFile(r);
  ASSERT_FALSE(outcome.usage_error) << *outcome.usage_error;
  EXPECT_EQ(outcome.summary.checked, 1);
  EXPECT_EQ(outcome.summary.skipped, 0);
}

TEST_F(ReportFile, AnEmptyReportStillReplacesTheFile) {
  fs::path out = dir_ / "findings.txt";
  Write(out, "stale findings");
  RunRequest r = JsonRun(out);
  r.format = "concise";
  r.quiet = true;
  fs::create_directories(dir_ / "empty");
  r.inputs = {(dir_ / "empty").string()};  // nothing to check: nothing to write
  RunOutcome outcome = RunCheckToFile(r);
  ASSERT_FALSE(outcome.usage_error) << *outcome.usage_error;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_EQ(Read(out), "");
}

}  // namespace
}  // namespace samlint
