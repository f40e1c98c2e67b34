// input/sources: expanding INPUT arguments and reading an input with a size limit.
#include "samlint/sources.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
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
  ASSERT_EQ(expanded.skipped_inputs.size(), 3u);
  EXPECT_EQ(expanded.skipped_inputs[0].name, dir + "/.git/") << "a folder not entered";
  EXPECT_EQ(expanded.skipped_inputs[0].reason, "hidden");
  EXPECT_EQ(expanded.skipped_inputs[2].name, dir + "/a/readme.md");
  EXPECT_EQ(expanded.skipped_inputs[2].reason, "extension not read");
  EXPECT_FALSE(expanded.inputs[0].named);
  EXPECT_TRUE(expanded.inputs[3].named);
  EXPECT_TRUE(expanded.inputs[2].is_stdin);
  EXPECT_EQ(expanded.inputs[2].path, "");
  EXPECT_EQ(expanded.inputs[3].path, "missing.xml");
}

// A git work tree at root_, made by git itself.
bool GitInit(const fs::path& root) {
  const std::string command = "git init -q '" + root.string() + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

TEST_F(SourcesTest, InsideAGitWorkTreeWhatGitIgnoresIsSkipped) {
  if (!GitInit(root_)) GTEST_SKIP() << "git is not installed";
  Write(".gitignore",
        "/generated/\n"      // anchored folder
        "*.log.json\n"        // any depth
        "captures/**/old.har\n"
        "!keep.log.json\n"    // negation
        "cache/\n");          // folders only: the file named cache.json stays
  Write("sub/.gitignore", "local.xml\n");  // nested
  Write(".git/info/exclude", "private.xml\n");
  Write("generated/a.xml", "x");
  Write("deep/generated/b.xml", "x");   // not anchored at the root: kept
  Write("x.log.json", "x");
  Write("keep.log.json", "x");
  Write("captures/2026/11/old.har", "x");
  Write("captures/new.har", "x");
  Write("cache/c.xml", "x");
  Write("cache.json", "x");
  Write("sub/local.xml", "x");
  Write("local.xml", "x");               // the nested rule applies below sub/ only
  Write("private.xml", "x");
  const std::vector<std::string> args = {root_.string()};
  const ExpandedInputs expanded = ExpandInputs(args);
  const std::string dir = root_.string();
  EXPECT_EQ(Names(expanded),
            (std::vector<std::string>{dir + "/cache.json", dir + "/captures/new.har",
                                      dir + "/deep/generated/b.xml", dir + "/keep.log.json",
                                      dir + "/local.xml"}));
  std::vector<std::string> ignored;
  for (const SkippedInput& s : expanded.skipped_inputs) {
    if (s.reason == "ignored by git") ignored.push_back(s.name.substr(dir.size() + 1));
  }
  EXPECT_EQ(ignored, (std::vector<std::string>{"cache/", "captures/2026/11/old.har", "generated/",
                                               "private.xml", "sub/local.xml", "x.log.json"}));

  ExpandOptions no_git;
  no_git.respect_gitignore = false;
  EXPECT_EQ(ExpandInputs(args, no_git).inputs.size(), 11u);
}

TEST_F(SourcesTest, NamedFilesAreKeptUnlessForceExclude) {
  if (!GitInit(root_)) GTEST_SKIP() << "git is not installed";
  Write(".gitignore", "ignored.xml\n");
  const std::string ignored = Write("ignored.xml", "x");
  const std::string excluded = Write("node_modules/p.json", "x");
  ExpandOptions options;
  options.excluded = [](const std::string& path, bool named) -> std::optional<std::string> {
    if (named && path.find("/node_modules/") != std::string::npos) return "node_modules";
    return std::nullopt;
  };
  const std::vector<std::string> args = {ignored, excluded};
  EXPECT_EQ(Names(ExpandInputs(args, options)), args) << "an INPUT named is always checked";
  options.force_exclude = true;
  const ExpandedInputs forced = ExpandInputs(args, options);
  EXPECT_TRUE(forced.inputs.empty());
  EXPECT_EQ(forced.skipped, 2);
  ASSERT_EQ(forced.skipped_inputs.size(), 2u);
  EXPECT_EQ(forced.skipped_inputs[0].reason, "ignored by git");
  EXPECT_EQ(forced.skipped_inputs[1].reason, "excluded by node_modules");
}

TEST_F(SourcesTest, ExcludedFoldersAreNotEntered) {
  Write("node_modules/a/package.json", "x");
  Write("idp/r.xml", "x");
  ExpandOptions options;
  int asked_below = 0;
  options.excluded = [&](const std::string& path, bool) -> std::optional<std::string> {
    if (path.find("node_modules/") != std::string::npos) ++asked_below;
    if (fs::path(path).filename() == "node_modules") return "node_modules";
    return std::nullopt;
  };
  const std::vector<std::string> args = {root_.string()};
  const ExpandedInputs expanded = ExpandInputs(args, options);
  EXPECT_EQ(Names(expanded), (std::vector<std::string>{root_.string() + "/idp/r.xml"}));
  EXPECT_EQ(asked_below, 0) << "nothing below an excluded folder is looked at";
  EXPECT_EQ(expanded.skipped, 0) << "folders not entered count no files";
  ASSERT_EQ(expanded.skipped_inputs.size(), 1u);
  EXPECT_EQ(expanded.skipped_inputs[0].name, root_.string() + "/node_modules/");
  EXPECT_EQ(expanded.skipped_inputs[0].reason, "excluded by node_modules");
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
