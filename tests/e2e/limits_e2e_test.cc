// --limit NAME=N on the command line: a bad assignment is a one-line usage
// error; an input that reaches a limit is a limit-exceeded finding naming the
// limit and the option, with the input's real size when it is too large.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHar = "testdata/artifacts/har/aws-signin.har";
constexpr const char* kResponse = "testdata/responses/aws-api.xml";

std::string TempFile(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() /
               ("samlint-limits-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// The one limit-exceeded message of the report's first result ("" when none).
std::string LimitMessage(const Checked& c) {
  std::vector<json> found = Diags(c.Result(), "limit-exceeded");
  if (found.size() != 1 || !Get(found[0], "message").is_string()) return "";
  return Get(found[0], "message").get<std::string>();
}

TEST(E2eLimits, UnknownLimitIsAOneLineUsageError) {
  CliRun run = RunCli({"check", "--limit", "bogus=1", "x"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.err,
            "samlint: --limit: unknown limit \"bogus\"; the limits are input-bytes, "
            "inflated-bytes, signatures, xml-nodes, json-nodes, capture-bytes\n");
  EXPECT_EQ(run.out, "");
}

TEST(E2eLimits, JsonNodesLoweredOnANormalHar) {
  Checked c = Check({"--limit", "json-nodes=10", kHar});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  EXPECT_EQ(LimitMessage(c),
            "The input holds more than 10 JSON values; samlint stopped reading it at the limit "
            "json-nodes=10 (raise it with --limit json-nodes=N).")
      << c.Dump();
  Checked normal = Check({kHar});
  EXPECT_TRUE(Diags(normal.Result(), "limit-exceeded").empty()) << normal.Dump();
}

TEST(E2eLimits, OversizedInputReportsItsRealSize) {
  // 20 MB: more than input-bytes (16 MiB) by more than one read buffer.
  std::string xml = ReadSource(kResponse);
  xml.append(20'000'000 - xml.size(), '\n');
  const std::string path = TempFile("big.xml", xml);
  Checked file = Check({path});
  Checked piped = Check({"-"}, xml);
  fs::remove(path);
  const std::string want =
      "The input is 20000000 bytes; samlint did not read it, because of the limit "
      "input-bytes=16777216 (raise it with --limit input-bytes=N).";
  EXPECT_EQ(file.run.exit_code, 1) << file.Dump();
  EXPECT_EQ(LimitMessage(file), want) << file.Dump();
  EXPECT_EQ(piped.run.exit_code, 1) << piped.Dump();
  EXPECT_EQ(LimitMessage(piped), want) << piped.Dump();
}

TEST(E2eLimits, InputBytesRaisedLetsALargeInputThroughAndLoweredTripsANormalOne) {
  std::string xml = ReadSource(kResponse);
  const std::size_t size = xml.size();
  xml.append(17'000'000 - xml.size(), '\n');
  const std::string path = TempFile("large.xml", xml);
  Checked raised = Check({"--limit", "input-bytes=32M", path});
  fs::remove(path);
  EXPECT_TRUE(Diags(raised.Result(), "limit-exceeded").empty()) << raised.Dump();
  EXPECT_EQ(Get(raised.Result(), "kind"), "saml-response") << raised.Dump();

  Checked lowered = Check({"--limit", "input-bytes=" + std::to_string(size - 1), kResponse});
  EXPECT_EQ(lowered.run.exit_code, 1) << lowered.Dump();
  EXPECT_EQ(LimitMessage(lowered),
            "The input is " + std::to_string(size) +
                " bytes; samlint did not read it, because of the limit input-bytes=" +
                std::to_string(size - 1) + " (raise it with --limit input-bytes=N).")
      << lowered.Dump();
  Checked exact = Check({"--limit", "input-bytes=" + std::to_string(size), kResponse});
  EXPECT_TRUE(Diags(exact.Result(), "limit-exceeded").empty()) << exact.Dump();
}

TEST(E2eLimits, InflatedBytesLoweredOnAGzipLog) {
  Checked c = Check({"--limit", "inflated-bytes=1k", "testdata/artifacts/cloudtrail/log.json.gz"});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  EXPECT_EQ(LimitMessage(c),
            "The gzip data inflates to more than 1024 bytes; samlint stopped reading it at the "
            "limit inflated-bytes=1024 (raise it with --limit inflated-bytes=N).")
      << c.Dump();
}

TEST(E2eLimits, DeclarationsFileOverALimitIsAFindingNotAUsageError) {
  const std::string get_role = ReadSource("testdata/declarations/aws-get-role.json");
  const std::string path = TempFile("get-role.json", get_role);
  Checked c = Check({"--declarations", path, "--limit", "json-nodes=5", kResponse});
  fs::remove(path);
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  bool found = false;
  for (const json& r : c.Results()) {
    for (const json& d : Diags(r, "limit-exceeded")) {
      const std::string message = Get(d, "message").get<std::string>();
      found |= message.find(path) == 0 &&
               message.ends_with("the limit json-nodes=5 (raise it with --limit json-nodes=N).");
    }
  }
  EXPECT_TRUE(found) << c.Dump();
}

}  // namespace
}  // namespace samlint::e2e
