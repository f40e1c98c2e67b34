// input/har_stream: a HAR capture read as a stream keeps what SplitHar finds,
// and only the request fields of each entry.
#include "input/har_stream.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "input/artifacts.h"
#include "input/capture.h"
#include "support/artifact_fixtures.h"

namespace samlint {
namespace {

using samlint::testing::ReadTestdata;

std::optional<SplitInput> Stream(const std::string& text, const Limits& limits = {}) {
  std::istringstream in(text);
  return input::StreamHar(in, limits);
}

// Every committed HAR fixture: the stream finds the same parts as the whole-text reader.
TEST(HarStream, SameParts_AsSplitArtifactOnTheFixtures) {
  for (const char* fixture : {"artifacts/har/aws-signin.har", "artifacts/har/aliyun-signin.har",
                              "artifacts/har/no-saml.har", "artifacts/har/sts-calls.har"}) {
    const std::string text = ReadTestdata(fixture);
    const SplitInput whole = SplitArtifact(text);
    const std::optional<SplitInput> streamed = Stream(text);
    ASSERT_TRUE(streamed.has_value()) << fixture;
    EXPECT_EQ(streamed->kind, whole.kind) << fixture;
    EXPECT_EQ(streamed->error, whole.error) << fixture;
    ASSERT_EQ(streamed->parts.size(), whole.parts.size()) << fixture;
    for (std::size_t i = 0; i < whole.parts.size(); ++i) {
      EXPECT_EQ(streamed->parts[i].pointer, whole.parts[i].pointer) << fixture;
      EXPECT_EQ(streamed->parts[i].saml, whole.parts[i].saml) << fixture;
      EXPECT_EQ(streamed->parts[i].capture_url, whole.parts[i].capture_url) << fixture;
      EXPECT_EQ(streamed->parts[i].capture_time, whole.parts[i].capture_time) << fixture;
      ASSERT_EQ(streamed->parts[i].request.has_value(), whole.parts[i].request.has_value())
          << fixture;
      if (whole.parts[i].request) {
        EXPECT_EQ(streamed->parts[i].request->duration_seconds,
                  whole.parts[i].request->duration_seconds)
            << fixture;
      }
    }
  }
}

std::string Entry(const std::string& method, const std::string& post_data,
                  const std::string& response_text) {
  return R"({"startedDateTime": "2026-11-23T10:00:00Z", "request": {"method": ")" + method +
         R"(", "url": "https://signin.aws.amazon.com/saml", "headers": [{"name": "a", "value": "b"}])" +
         (post_data.empty() ? "" : R"(, "postData": )" + post_data) +
         R"(}, "response": {"status": 200, "content": {"size": 1, "text": ")" + response_text +
         R"(", "numbers": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}})";
}

TEST(HarStream, KeepsOnlyTheSamlPostsWithTheirOriginalIndex) {
  const std::string form = R"({"mimeType": "application/x-www-form-urlencoded", "params": )"
                           R"([{"name": "SAMLResponse", "value": "PHg+eTwveD4="}]})";
  const std::string text_body =
      R"({"mimeType": "application/x-www-form-urlencoded", "text": "RelayState=a&SAMLResponse=PHo+PC96Pg%3D%3D"})";
  const std::string har = R"({"log": {"version": "1.2", "entries": [)" +
                          Entry("GET", "", std::string(1000, 'x')) + "," + Entry("POST", form, "") +
                          "," + Entry("POST", R"({"text": "a=b"})", "") + "," +
                          Entry("post", text_body, "") + R"(], "pages": []}})";
  const std::optional<SplitInput> split = Stream(har);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->kind, "har");
  EXPECT_EQ(split->error, "");
  ASSERT_EQ(split->parts.size(), 2u);
  EXPECT_EQ(split->parts[0].pointer, "/log/entries/1");
  EXPECT_EQ(split->parts[0].saml, "PHg+eTwveD4=");
  EXPECT_EQ(split->parts[0].capture_url, "https://signin.aws.amazon.com/saml");
  EXPECT_EQ(split->parts[0].capture_time, "2026-11-23T10:00:00Z");
  EXPECT_EQ(split->parts[1].pointer, "/log/entries/3");
}

TEST(HarStream, ResponseBodiesDoNotCountAgainstJsonNodes) {
  // Ten numbers and a header per entry are skipped, never kept: a budget of
  // 20 values is enough for the kept request fields of each entry.
  const std::string form = R"({"params": [{"name": "SAMLResponse", "value": "PHg+eTwveD4="}]})";
  std::string har = R"({"log": {"entries": [)";
  for (int i = 0; i < 50; ++i) har += Entry("GET", "", "body") + ",";
  har += Entry("POST", form, "") + "]}}";
  Limits limits;
  limits.json_nodes = 20;
  const std::optional<SplitInput> split = Stream(har, limits);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->limit, "");
  ASSERT_EQ(split->parts.size(), 1u);
  EXPECT_EQ(split->parts[0].pointer, "/log/entries/50");

  limits.json_nodes = 3;  // the POST entry itself keeps more than 3 values
  const std::optional<SplitInput> limited = Stream(har, limits);
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->limit, "json-nodes");
  EXPECT_NE(limited->error.find("--limit json-nodes=N"), std::string::npos) << limited->error;
}

TEST(HarStream, PostDataAboveInputBytesIsNotKept) {
  const std::string form =
      R"({"params": [{"name": "SAMLResponse", "value": ")" + std::string(200, 'A') + R"("}]})";
  Limits limits;
  limits.input_bytes = 100;
  const std::optional<SplitInput> split =
      Stream(R"({"log": {"entries": [)" + Entry("POST", form, "") + "]}}", limits);
  ASSERT_TRUE(split.has_value());
  EXPECT_TRUE(split->parts.empty());
  EXPECT_EQ(split->error, input::kHarWithoutSaml);
}

TEST(HarStream, WhatIsNoHarCaptureIsLeftAlone) {
  EXPECT_FALSE(Stream(R"([{"log": {"entries": []}}])").has_value());
  EXPECT_FALSE(Stream(R"({"Records": [{"eventName": "AssumeRoleWithSAML"}]})").has_value());
  EXPECT_FALSE(Stream(R"({"log": {"entries": {}}})").has_value());
  EXPECT_FALSE(Stream("not json").has_value());
}

TEST(HarStream, TruncatedCaptureSaysWhere) {
  const std::string har = R"({"log": {"entries": [)" + Entry("GET", "", "x");
  const std::optional<SplitInput> split = Stream(har.substr(0, har.size() - 5));
  ASSERT_TRUE(split.has_value());
  EXPECT_TRUE(split->parts.empty());
  EXPECT_NE(split->error.find("not valid JSON at byte"), std::string::npos) << split->error;
}

}  // namespace
}  // namespace samlint
