// ASCII string helpers (base/strings).
#include "base/strings.h"

#include <gtest/gtest.h>

#include <string_view>

namespace samlint {
namespace {

TEST(TrimTest, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(Trim(" \t\r\nabc d\n "), "abc d");
  EXPECT_EQ(Trim("abc"), "abc");
  EXPECT_EQ(Trim(" \n\t"), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(TrimTest, KeepsCharactersOutsideTheSet) {
  EXPECT_EQ(Trim("\vabc\f"), "\vabc\f");
  EXPECT_EQ(Trim("\vabc\f", kCWhitespace), "abc");
  EXPECT_EQ(Trim("--a-b--", "-"), "a-b");
}

TEST(IsAsciiSpaceTest, OnlyTheFourXmlSpaces) {
  EXPECT_TRUE(IsAsciiSpace(' '));
  EXPECT_TRUE(IsAsciiSpace('\r'));
  EXPECT_FALSE(IsAsciiSpace('\v'));
  EXPECT_FALSE(IsAsciiSpace('\0'));
  EXPECT_FALSE(IsAsciiSpace('x'));
}

TEST(CaseTest, FoldsOnlyAsciiLetters) {
  EXPECT_EQ(AsciiToLower('Q'), 'q');
  EXPECT_EQ(AsciiToLower('['), '[');
  EXPECT_EQ(AsciiLowercase("Sts.AmazonAWS.com \xC3\x89"), "sts.amazonaws.com \xC3\x89");
}

TEST(CaseTest, EqualsNoCase) {
  EXPECT_TRUE(EqualsNoCase("POST", "post"));
  EXPECT_TRUE(EqualsNoCase("", ""));
  EXPECT_FALSE(EqualsNoCase("POST", "posts"));
  EXPECT_FALSE(EqualsNoCase("GET", "PUT"));
}

TEST(CaseTest, StartsWithNoCase) {
  EXPECT_TRUE(StartsWithNoCase("AWS:x", "aws:"));
  EXPECT_TRUE(StartsWithNoCase("<!DOCTYPE html>", "<!doctype"));
  EXPECT_FALSE(StartsWithNoCase("aw", "aws"));
  EXPECT_FALSE(StartsWithNoCase("xaws", "aws"));
}

TEST(CaseTest, FindNoCase) {
  EXPECT_EQ(FindNoCase("<p><FORM>", "<form"), 3u);
  EXPECT_EQ(FindNoCase("<form><Form>", "<form", 1), 6u);
  EXPECT_EQ(FindNoCase("<p>", "<form"), std::string_view::npos);
}

TEST(StripBomAndSpaceTest, BomInsideWhitespace) {
  EXPECT_EQ(StripBomAndSpace(" \xEF\xBB\xBF\n<a/> "), "<a/>");
  EXPECT_EQ(StripBomAndSpace("<a/>"), "<a/>");
  EXPECT_EQ(StripBomAndSpace("x\xEF\xBB\xBF"), "x\xEF\xBB\xBF");
}

}  // namespace
}  // namespace samlint
