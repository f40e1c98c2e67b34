// Directories like ruff (cli-contract.md, Decisions: Directories): inside a
// git work tree what git ignores is skipped, dependency and build folders are
// excluded by default (--exclude replaces, --extend-exclude adds), files of no
// kind samlint reads are skipped and counted (--show-files lists them), and a
// recognised but broken file, or any file named on the command line, is an
// error unless --force-exclude / --skip-unrecognised say otherwise.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& relative) {
  std::ifstream in(samlint::testing::TestData(relative), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string LastLine(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

// A git repository the way a project keeps its IdP material: a good response
// in idp/, a .gitignore, package.json, a README, node_modules/ and build/ (each
// holding a broken response that must never be read).
class RepoDirectory : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (fs::temp_directory_path() /
             ("samlint-dirs-" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
                .string();
    fs::remove_all(root_);
    fs::create_directories(root_);
    git_ = std::system(("git init -q '" + root_ + "' >/dev/null 2>&1").c_str()) == 0;
    const std::string broken = Slurp("batch/broken-truncated.xml");
    Write(".gitignore", "/ignored/\n*.local.xml\n");
    Write("idp/aws-console.xml", Slurp("batch/aws-console.xml"));
    Write("idp/README.md", "# IdP samples\n");
    Write("idp/notes.txt", "Saved from the browser on Monday.\n");
    Write("package.json", "{\"name\": \"infra\", \"version\": \"1.0.0\"}\n");
    Write("tsconfig.json", "{\n  // comments make it invalid JSON\n  \"compilerOptions\": {}\n}\n");
    Write("README.md", "# infra\n");
    Write("node_modules/saml-lib/broken.xml", broken);
    Write("build/broken.xml", broken);
    Write("ignored/broken.xml", broken);
    Write("idp/draft.local.xml", broken);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, const std::string& content) {
    const fs::path path = fs::path(root_) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }
  std::string Path(const std::string& relative) const { return root_ + "/" + relative; }

  std::string root_;
  bool git_ = false;
};

TEST_F(RepoDirectory, OnlyTheSamlMaterialIsCheckedAndTheRestIsCounted) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  Checked c = Check({root_});
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "input"), Path("idp/aws-console.xml"));
  EXPECT_EQ(Get(c.Result(), "kind"), "saml-response");
  // Files: .gitignore (hidden), README.md and idp/README.md (extension),
  // package.json, tsconfig.json and idp/notes.txt (not a kind samlint reads),
  // idp/draft.local.xml (git). Folders not entered count no files.
  EXPECT_EQ(Get(Get(c.report, "summary"), "checked"), 1) << c.Dump();
  EXPECT_EQ(Get(Get(c.report, "summary"), "skipped"), 7) << c.Dump();

  CliRun text = RunCli({"check", root_});
  EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE(LastLine(text.out).find("1 input checked, 7 skipped"), std::string::npos) << text.out;
}

TEST_F(RepoDirectory, ShowFilesListsWhatWouldBeCheckedAndWhyTheRestIsNot) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  CliRun run = RunCli({"check", root_, "--show-files"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string want =
      Path(".git/") + "  skipped: hidden\n" + Path(".gitignore") + "  skipped: hidden\n" +
      Path("README.md") + "  skipped: extension not read\n" + Path("build/") +
      "  skipped: excluded by build\n" + Path("idp/README.md") + "  skipped: extension not read\n" +
      Path("idp/aws-console.xml") + "\n" + Path("idp/draft.local.xml") +
      "  skipped: ignored by git\n" + Path("idp/notes.txt") +
      "  skipped: not a kind samlint reads (text)\n" + Path("ignored/") +
      "  skipped: ignored by git\n" + Path("node_modules/") +
      "  skipped: excluded by node_modules\n" + Path("package.json") +
      "  skipped: not a kind samlint reads (JSON)\n" + Path("tsconfig.json") +
      "  skipped: not a kind samlint reads (not valid JSON)\n";
  EXPECT_EQ(run.out, want);
}

TEST_F(RepoDirectory, ARecognisedButBrokenFileInsideIsAnError) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  Write("idp/broken.xml", Slurp("batch/broken-truncated.xml"));
  Write("idp/cut.har", "{\"log\": {\"version\": \"1.2\", \"entries\": [{\"request\": ");
  Checked c = Check({root_});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.ResultCount(), 3u) << c.Dump();
  EXPECT_EQ(Get(c.Result(1), "input"), Path("idp/broken.xml"));
  EXPECT_EQ(Get(c.Result(1), "kind"), "unreadable");
  EXPECT_EQ(Diags(c.Result(1), "xml-malformed").size(), 1u) << c.Dump();
  EXPECT_EQ(Get(c.Result(2), "input"), Path("idp/cut.har"));
  EXPECT_EQ(Get(c.Result(2), "kind"), "unreadable");
}

TEST_F(RepoDirectory, ExcludeReplacesTheDefaultsAndExtendExcludeAdds) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  // --exclude idp: node_modules/ and build/ are entered again, and their broken files fail.
  Checked replaced = Check({root_, "--exclude", "idp"});
  EXPECT_EQ(replaced.run.exit_code, 1) << replaced.Dump();
  std::vector<std::string> inputs;
  for (const json& r : replaced.Results()) inputs.push_back(Get(r, "input"));
  EXPECT_EQ(inputs, (std::vector<std::string>{Path("build/broken.xml"),
                                              Path("node_modules/saml-lib/broken.xml")}));
  // --extend-exclude idp: the defaults stay, and nothing is left to check.
  Checked extended = Check({root_, "--extend-exclude", "idp", "--extend-exclude", "*.json"});
  EXPECT_EQ(extended.run.exit_code, 0) << extended.Dump();
  EXPECT_EQ(extended.ResultCount(), 0u) << extended.Dump();
  // --exclude '' clears the list: every folder is entered.
  Checked none = Check({root_, "--exclude", ""});
  EXPECT_EQ(none.ResultCount(), 3u) << none.Dump();
}

TEST_F(RepoDirectory, TheConfigsExcludeAndExtendExcludeWorkTheSameWay) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  Write("samlint.toml", "extend-exclude = [\"idp/aws-*.xml\"]\n");
  Checked extended = Check({root_});
  EXPECT_EQ(extended.run.exit_code, 0) << extended.Dump();
  ASSERT_EQ(extended.ResultCount(), 1u) << extended.Dump();
  EXPECT_EQ(Get(extended.Result(), "kind"), "config") << "only samlint.toml is left";
  Write("samlint.toml", "exclude = [\"node_modules\"]\n");
  Checked replaced = Check({root_});
  EXPECT_EQ(replaced.run.exit_code, 1) << "build/ is entered: " << replaced.Dump();
  bool build_checked = false;
  for (const json& r : replaced.Results())
    build_checked |= Get(r, "input") == Path("build/broken.xml");
  EXPECT_TRUE(build_checked) << replaced.Dump();
}

TEST_F(RepoDirectory, ANamedFileIsCheckedUnlessForceExcludeOrSkipUnrecognised) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  Write("samlint.toml", "# the project root, where excludes start\n");
  // Named: an unrecognised file is still an error, and so is an ignored or excluded one.
  Checked named =
      Check({Path("package.json"), Path("build/broken.xml"), Path("ignored/broken.xml")});
  EXPECT_EQ(named.run.exit_code, 1) << named.Dump();
  ASSERT_EQ(named.ResultCount(), 3u) << named.Dump();
  EXPECT_EQ(Get(named.Result(), "kind"), "unreadable");
  EXPECT_EQ(Diags(named.Result(), "input-unreadable").size(), 1u) << named.Dump();

  // What pre-commit passes, treated as if found in the directory.
  Checked hook = Check({Path("package.json"), Path("build/broken.xml"), Path("ignored/broken.xml"),
                        Path("idp/aws-console.xml"), "--force-exclude", "--skip-unrecognised"});
  EXPECT_EQ(hook.run.exit_code, 0) << hook.Dump();
  ASSERT_EQ(hook.ResultCount(), 1u) << hook.Dump();
  EXPECT_EQ(Get(hook.Result(), "input"), Path("idp/aws-console.xml"));
  EXPECT_EQ(Get(Get(hook.report, "summary"), "skipped"), 3) << hook.Dump();

  // Each flag alone does only its part.
  EXPECT_EQ(Check({Path("package.json"), "--force-exclude"}).run.exit_code, 1);
  EXPECT_EQ(Check({Path("build/broken.xml"), "--skip-unrecognised"}).run.exit_code, 1)
      << "a recognised broken file is not skipped";
  CliRun listed = RunCli({"check", Path("package.json"), Path("build/broken.xml"),
                          "--force-exclude", "--skip-unrecognised", "--show-files"});
  EXPECT_EQ(listed.out, Path("build/broken.xml") + "  skipped: excluded by build\n" +
                            Path("package.json") + "  skipped: not a kind samlint reads (JSON)\n");
}

TEST_F(RepoDirectory, ADirectoryGitIgnoresIsWalkedWhenNamed) {
  if (!git_) GTEST_SKIP() << "git is not installed";
  Checked c = Check({Path("ignored")});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "input"), Path("ignored/broken.xml"));
}

}  // namespace
}  // namespace samlint::e2e
