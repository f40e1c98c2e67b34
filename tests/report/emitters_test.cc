// report/emitters: format names, the emitter factory and IsDocsUrl.
#include "report/emitters.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "samlint/report.h"

namespace samlint {
namespace {

// What an emitter of `format` writes for a run with no results.
std::string EmptyRun(ReportFormat format) {
  std::ostringstream out;
  auto emitter = MakeEmitter(format, out, ReportOptions{});
  emitter->Begin();
  emitter->End(RunSummary{});
  return out.str();
}

TEST(MakeEmitter, GivesEachFormatItsOwnEmitter) {
  EXPECT_EQ(EmptyRun(ReportFormat::kJson).rfind("{\n  \"tool\"", 0), 0U);
  EXPECT_EQ(EmptyRun(ReportFormat::kSarif).rfind("{\n  \"$schema\"", 0), 0U);
  EXPECT_EQ(EmptyRun(ReportFormat::kHtml).rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_EQ(EmptyRun(ReportFormat::kGithub).find('{'), std::string::npos);
  const std::string text = EmptyRun(ReportFormat::kText);
  EXPECT_EQ(text.find("\"tool\""), std::string::npos);
  EXPECT_NE(text, EmptyRun(ReportFormat::kGithub));
}

TEST(IsDocsUrl, AcceptsHttpAndHttpsUrlsWithAHost) {
  EXPECT_TRUE(IsDocsUrl("https://docs.example.com/rules"));
  EXPECT_TRUE(IsDocsUrl("http://intranet:8080/samlint/?v=1"));
}

TEST(IsDocsUrl, RefusesOtherSchemes) {
  EXPECT_FALSE(IsDocsUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsDocsUrl("ftp://example.com/"));
  EXPECT_FALSE(IsDocsUrl("docs.example.com"));
}

TEST(IsDocsUrl, RefusesAUrlWithoutHost) {
  EXPECT_FALSE(IsDocsUrl("https://"));
  EXPECT_FALSE(IsDocsUrl("https:///rules"));
}

TEST(IsDocsUrl, RefusesCharactersThatWouldEscapeAnAttributeOrFragment) {
  EXPECT_FALSE(IsDocsUrl("https://example.com/a\"b"));
  EXPECT_FALSE(IsDocsUrl("https://example.com/<x>"));
  EXPECT_FALSE(IsDocsUrl("https://example.com/a b"));
  EXPECT_FALSE(IsDocsUrl("https://example.com/#x"));
}

}  // namespace
}  // namespace samlint
