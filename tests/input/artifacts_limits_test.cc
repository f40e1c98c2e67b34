// Work limits of the artifact reader: gzip inflation (inflated-bytes) and JSON
// values (json-nodes). Hostile inputs are generated here; each test asserts the
// limit reached and the work done (bytes inflated, values parsed), never time.
#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "input/artifacts.h"
#include "samlint/limits.h"
#include "support/artifact_fixtures.h"
#include "support/gzip.h"

namespace samlint {
namespace {

using samlint::testing::Gzip;
using samlint::testing::ReadTestdata;

constexpr std::size_t kMiB = std::size_t{1} << 20;

// "[[],[],...,[]]" padded with spaces to exactly `size` bytes.
std::string EmptyArrays(std::size_t size) {
  std::string text = "[";
  text.reserve(size);
  while (text.size() + 6 <= size) text += "[],";
  text += "[]]";
  text.append(size - text.size(), ' ');
  return text;
}

// "[0,0,...,0]" of about `size` bytes.
std::string TinyValues(std::size_t size) {
  std::string text = "[0";
  text.reserve(size);
  while (text.size() + 3 <= size) text += ",0";
  text += "]";
  return text;
}

bool EndsWithHint(const SplitInput& split, const Limits& limits) {
  const std::string hint = LimitHint(limits, split.limit) + ".";
  return split.error.size() >= hint.size() &&
         split.error.compare(split.error.size() - hint.size(), hint.size(), hint) == 0;
}

TEST(ArtifactsLimits, GzipOfEmptyArraysStopsAtJsonNodes) {
  // About 65 KB of gzip that inflates to 64 MiB of [[],[],...]: within
  // inflated-bytes, so the JSON reader gets it and stops at json-nodes.
  const std::string gz = Gzip(EmptyArrays(64 * kMiB));
  ASSERT_LT(gz.size(), 100'000u);
  const Limits limits;
  const SplitInput split = SplitArtifact(gz, limits);
  EXPECT_EQ(split.kind, "");
  EXPECT_EQ(split.limit, "json-nodes");
  EXPECT_NE(split.error.find("--limit json-nodes=N"), std::string::npos) << split.error;
  EXPECT_TRUE(EndsWithHint(split, limits)) << split.error;
  EXPECT_EQ(split.inflated_bytes, 64 * kMiB);
  // The work: the parser stopped at the first value past the limit, not at
  // the 22 million arrays the text holds.
  EXPECT_EQ(split.json_values, limits.json_nodes + 1);
}

TEST(ArtifactsLimits, GzipInflationStopsAtInflatedBytes) {
  const std::string gz = Gzip(EmptyArrays(64 * kMiB));
  Limits limits;
  limits.inflated_bytes = kMiB;
  const SplitInput split = SplitArtifact(gz, limits);
  EXPECT_EQ(split.limit, "inflated-bytes");
  EXPECT_EQ(split.error,
            "The gzip data inflates to more than 1048576 bytes; samlint stopped reading it at the "
            "limit inflated-bytes=1048576 (raise it with --limit inflated-bytes=N).");
  EXPECT_LE(split.inflated_bytes, kMiB);  // inflation stopped there
  EXPECT_EQ(split.json_values, 0u);       // and nothing was parsed
}

TEST(ArtifactsLimits, InflatedBytesRaisedAndLoweredOnARealLog) {
  const std::string gz = ReadTestdata("artifacts/cloudtrail/log.json.gz");
  const std::size_t inflated = SplitArtifact(gz).inflated_bytes;
  ASSERT_GT(inflated, gz.size());
  Limits limits;
  limits.inflated_bytes = inflated;  // exactly enough
  const SplitInput read = SplitArtifact(gz, limits);
  EXPECT_EQ(read.kind, "cloudtrail");
  EXPECT_EQ(read.limit, "");
  EXPECT_EQ(read.inflated_bytes, inflated);
  limits.inflated_bytes = inflated - 1;
  const SplitInput refused = SplitArtifact(gz, limits);
  EXPECT_EQ(refused.kind, "");
  EXPECT_EQ(refused.limit, "inflated-bytes");
  EXPECT_TRUE(EndsWithHint(refused, limits)) << refused.error;
}

TEST(ArtifactsLimits, SixteenMiBOfTinyValuesStopsAtJsonNodes) {
  const std::string text = TinyValues(16 * kMiB);
  const Limits limits;
  const SplitInput split = SplitArtifact(text, limits);
  EXPECT_EQ(split.limit, "json-nodes");
  EXPECT_EQ(split.error,
            "The input holds more than 1000000 JSON values; samlint stopped reading it at the "
            "limit json-nodes=1000000 (raise it with --limit json-nodes=N).");
  EXPECT_EQ(split.json_values, limits.json_nodes + 1);
}

TEST(ArtifactsLimits, JsonNodesRaisedAndLoweredOnARealCapture) {
  for (const char* fixture :
       {"artifacts/har/aws-signin.har", "artifacts/cloudtrail/lookup-events.json",
        "artifacts/cloudtrail/events.jsonl"}) {
    const std::string bytes = ReadTestdata(fixture);
    const SplitInput normal = SplitArtifact(bytes);
    ASSERT_NE(normal.kind, "") << fixture;
    ASSERT_GT(normal.json_values, 10u) << fixture;
    Limits limits;
    limits.json_nodes = normal.json_values;  // exactly what the input holds
    const SplitInput read = SplitArtifact(bytes, limits);
    EXPECT_EQ(read.kind, normal.kind) << fixture;
    EXPECT_EQ(read.parts.size(), normal.parts.size()) << fixture;
    limits.json_nodes = normal.json_values - 1;
    const SplitInput refused = SplitArtifact(bytes, limits);
    EXPECT_EQ(refused.kind, "") << fixture;
    EXPECT_EQ(refused.limit, "json-nodes") << fixture;
    EXPECT_TRUE(EndsWithHint(refused, limits)) << refused.error;
  }
}

TEST(ArtifactsLimits, WorkGrowsLinearlyWithTheInput) {
  // Under the limit every value is parsed once: twice the input, twice the work.
  Limits limits;
  limits.json_nodes = 10'000'000;
  const SplitInput small = SplitArtifact(TinyValues(kMiB), limits);
  const SplitInput large = SplitArtifact(TinyValues(2 * kMiB), limits);
  EXPECT_EQ(small.limit, "");
  EXPECT_EQ(large.limit, "");
  EXPECT_EQ(small.json_values, kMiB / 2);  // "[0" then ",0" pairs: one value per 2 bytes
  EXPECT_EQ(large.json_values, kMiB);
}

}  // namespace
}  // namespace samlint
