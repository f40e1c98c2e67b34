// input/sources: expanding INPUT arguments and reading an input with a size limit.
#include "samlint/sources.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace samlint {
namespace {

namespace fs = std::filesystem;

/// A fresh directory under the system's temporary directory, removed afterwards.
class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("samlint-sources-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& relative, const std::string& content) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::vector<std::string> Names(const ExpandedInputs& expanded) {
    std::vector<std::string> names;
    for (const InputRef& input : expanded.inputs) names.push_back(input.name);
    return names;
  }

  fs::path root_;
};

TEST(Sources, ReadableExtensionsIgnoreCaseAndNeedAName) {
  EXPECT_TRUE(HasReadableExtension("a.xml"));
  EXPECT_TRUE(HasReadableExtension("A.JSONL"));
  EXPECT_TRUE(HasReadableExtension("trail.json.gz"));
  EXPECT_TRUE(HasReadableExtension("samlint.toml"));
  EXPECT_FALSE(HasReadableExtension(".xml"));
  EXPECT_FALSE(HasReadableExtension("notes.md"));
  EXPECT_FALSE(HasReadableExtension("xml"));
}

TEST_F(SourcesTest, DirectoriesAreSortedAndSkipDotFilesAndOtherExtensions) {
  Write("b.xml", "x");
  Write("a/z.json", "x");
  Write("a/readme.md", "x");
  Write(".hidden.xml", "x");
  Write(".git/c.xml", "x");
  const std::string dir = root_.string();
  const std::vector<std::string> args = {dir, "-", "missing.xml"};
  const ExpandedInputs expanded = ExpandInputs(args);
  EXPECT_EQ(Names(expanded),
            (std::vector<std::string>{dir + "/a/z.json", dir + "/b.xml", "-", "missing.xml"}));
  EXPECT_EQ(expanded.skipped, 2) << "readme.md and .hidden.xml; .git is not entered";
  EXPECT_TRUE(expanded.inputs[2].is_stdin);
  EXPECT_EQ(expanded.inputs[2].path, "");
  EXPECT_EQ(expanded.inputs[3].path, "missing.xml");
}

TEST_F(SourcesTest, ATrailingSlashIsNotDoubled) {
  Write("r.xml", "x");
  const std::vector<std::string> args = {root_.string() + "/"};
  EXPECT_EQ(Names(ExpandInputs(args)), (std::vector<std::string>{root_.string() + "/r.xml"}));
}

TEST_F(SourcesTest, ReadInputKeepsOneByteMoreThanTheLimitAndTellsTheRealSize) {
  const std::string path = Write("big.xml", std::string(100, 'a'));
  Result<LimitedBytes> cut = ReadInput(InputRef{path, path, false}, 10);
  ASSERT_TRUE(cut.ok()) << cut.error();
  EXPECT_EQ(cut->bytes.size(), 11u);
  EXPECT_EQ(cut->size, 100u);
  Result<LimitedBytes> whole = ReadInput(InputRef{path, path, false}, 100);
  ASSERT_TRUE(whole.ok()) << whole.error();
  EXPECT_EQ(whole->bytes, std::string(100, 'a'));
  EXPECT_EQ(whole->size, 100u);
}

TEST_F(SourcesTest, ReadInputSaysWhyItCannot) {
  const std::string missing = (root_ / "missing.xml").string();
  Result<LimitedBytes> not_found = ReadInput(InputRef{missing, missing, false}, 10);
  EXPECT_FALSE(not_found.ok());
  EXPECT_EQ(not_found.error(), "cannot read " + missing + ": no such file or directory");
  const std::string dir = root_.string();
  Result<LimitedBytes> directory = ReadInput(InputRef{dir, dir, false}, 10);
  EXPECT_FALSE(directory.ok());
  EXPECT_EQ(directory.error(), "cannot read " + dir + ": it is a directory");
}

}  // namespace
}  // namespace samlint
