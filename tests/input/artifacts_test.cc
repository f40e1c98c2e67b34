// input/artifacts: telling artifacts apart from SAML responses, and hostile or
// broken input of every format.
#include "input/artifacts.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/artifact_fixtures.h"
#include "support/gzip.h"

namespace samlint {
namespace {

using samlint::testing::Gzip;
using samlint::testing::Pointers;
using samlint::testing::ReadTestdata;

// ---------------------------------------------------------------------------
// Inputs that are not artifacts: the caller checks them as SAML responses.

TEST(ArtifactsNotArtifact, SamlResponsesAndUnrelatedJson) {
  for (const char* relative : {"encoded/aws-api.form.txt", "encoded/aws-api.b64",
                               "encoded/aws-api-urlsafe.b64", "responses/aws-api.xml"}) {
    const SplitInput split = SplitArtifact(ReadTestdata(relative));
    EXPECT_EQ(split.kind, "") << relative;
    EXPECT_TRUE(split.parts.empty()) << relative;
    EXPECT_EQ(split.error, "") << relative;
  }
  for (const char* text :
       {"", "  \n", "{}", "[]", R"({"a":1})", "[1,2]", "null", R"({"requests":[1,2]})",
        R"({"Events":[{"x":1}]})", R"({"RoleArn":"arn:aws:iam::1:role/r"})",
        "SAMLResponse=PHg%2BPC94Pg%3D%3D&RelayState=x"}) {
    const SplitInput split = SplitArtifact(text);
    EXPECT_EQ(split.kind, "") << text;
    EXPECT_TRUE(split.parts.empty()) << text;
  }
}

// ---------------------------------------------------------------------------
// Hostile and broken input

TEST(ArtifactsHostile, TruncatedJsonIsNotRecognised) {
  for (const char* relative :
       {"har/aws-signin.har", "cloudtrail/log.json", "sts/aws-cli-assume-role-with-saml.json",
        "actiontrail/events.json"}) {
    const std::string full = ReadTestdata(std::string("artifacts/") + relative);
    const SplitInput split = SplitArtifact(std::string_view(full).substr(0, full.size() / 2));
    EXPECT_EQ(split.kind, "") << relative;
    EXPECT_TRUE(split.parts.empty()) << relative;
    EXPECT_NE(split.error.find("not valid JSON"), std::string::npos) << relative;
  }
}

TEST(ArtifactsHostile, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const SplitInput split = SplitArtifact(deep);
  EXPECT_EQ(split.kind, "");
  EXPECT_NE(split.error.find("nested more than 256"), std::string::npos);

  const std::string ok = "{\"a\":" + std::string(250, '[') + std::string(250, ']') + "}";
  EXPECT_EQ(SplitArtifact(ok).error, "");
  // Brackets inside strings do not count.
  const std::string in_string = "{\"a\":\"" + std::string(1000, '[') + "\\\"\"}";
  EXPECT_EQ(SplitArtifact(in_string).error, "");
  // Nor inside an embedded lookup-events record, which is checked on its own.
  const std::string embedded =
      "{\"Events\":[{\"CloudTrailEvent\":\"" + std::string(1000, '[') + "\"}]}";
  EXPECT_EQ(SplitArtifact(embedded).kind, "");
}

TEST(ArtifactsHostile, GzipBombIsRefused) {
  const std::string zeros(std::size_t{1} << 20, '\0');
  const std::string bomb = Gzip(zeros, 65, Z_BEST_SPEED);  // 65 MiB inflated
  ASSERT_LT(bomb.size(), std::size_t{1} << 20);
  const SplitInput split = SplitArtifact(bomb);
  EXPECT_EQ(split.kind, "");
  EXPECT_TRUE(split.parts.empty());
  EXPECT_EQ(split.limit, "inflated-bytes");
  EXPECT_EQ(split.error,
            "The gzip data inflates to more than 67108864 bytes; samlint stopped reading it at "
            "the limit inflated-bytes=67108864 (raise it with --limit inflated-bytes=N).");
}

TEST(ArtifactsHostile, CorruptAndNestedGzip) {
  const std::string gz = ReadTestdata("artifacts/cloudtrail/log.json.gz");
  const SplitInput truncated = SplitArtifact(std::string_view(gz).substr(0, gz.size() - 100));
  EXPECT_EQ(truncated.kind, "");
  EXPECT_EQ(truncated.error, "the gzip data is corrupt or truncated");

  std::string flipped = gz;
  flipped[gz.size() / 2] = static_cast<char>(flipped[gz.size() / 2] ^ 0x5A);
  EXPECT_EQ(SplitArtifact(flipped).kind, "");

  const SplitInput twice = SplitArtifact(Gzip(gz));
  EXPECT_EQ(twice.kind, "");
  EXPECT_NE(twice.error.find("only one level"), std::string::npos);

  const SplitInput xml = SplitArtifact(Gzip(ReadTestdata("responses/aws-api.xml")));
  EXPECT_EQ(xml.kind, "");
  EXPECT_NE(xml.error.find("holds no HAR capture"), std::string::npos);
}

TEST(ArtifactsHostile, ConcatenatedGzipMembersAreAllRead) {
  const std::string event =
      R"({"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1"})";
  const SplitInput split = SplitArtifact(Gzip(event + "\n") + Gzip(event + "\n"));
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/0", "/1"}));
}

TEST(ArtifactsHostile, InvalidUtf8AndOddBytesNeverThrow) {
  EXPECT_EQ(SplitArtifact("{\"log\":{\"entries\":[\"\xFF\xFE\"]}}").kind, "");
  EXPECT_EQ(SplitArtifact(std::string("{\0}", 3)).kind, "");
  EXPECT_EQ(SplitArtifact("\x1F").kind, "");
  EXPECT_EQ(SplitArtifact("\x1F\x8B").error, "the gzip data is corrupt or truncated");
}

TEST(ArtifactsHostile, EveryPrefixAndManyMutationsAreHandled) {
  for (const char* relative :
       {"actiontrail/assume-role-with-saml.json", "cloudtrail/events.jsonl"}) {
    const std::string full = ReadTestdata(std::string("artifacts/") + relative);
    for (std::size_t n = 0; n <= full.size(); n += 7) {
      const SplitInput split = SplitArtifact(std::string_view(full).substr(0, n));
      EXPECT_TRUE(split.kind.empty() || split.kind == "cloudtrail" || split.kind == "actiontrail");
    }
    std::uint32_t state = 12345;
    for (int i = 0; i < 200; ++i) {
      std::string mutated = full;
      for (int k = 0; k < 4; ++k) {
        state = state * 1664525u + 1013904223u;
        const std::size_t at = state % mutated.size();
        mutated[at] = static_cast<char>(state >> 24);
      }
      const SplitInput split = SplitArtifact(mutated);
      for (const ArtifactPart& part : split.parts) {
        EXPECT_TRUE(part.event.has_value() || part.request.has_value());
      }
    }
  }
}

}  // namespace
}  // namespace samlint
