// ASCII string helpers (base/strings).
#include "base/strings.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
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
  EXPECT_EQ(AsciiToUpper('q'), 'Q');
  EXPECT_EQ(AsciiToUpper('{'), '{');
  EXPECT_EQ(AsciiToUpper('`'), '`');
  EXPECT_EQ(AsciiToUpper('\xE9'), '\xE9');
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

TEST(CaseTest, FindNoCaseAtTheEdges) {
  constexpr std::size_t npos = std::string_view::npos;
  EXPECT_EQ(FindNoCase("abc", ""), 0u);
  EXPECT_EQ(FindNoCase("abc", "", 3), 3u);
  EXPECT_EQ(FindNoCase("abc", "", 4), npos);
  EXPECT_EQ(FindNoCase("", ""), 0u);
  EXPECT_EQ(FindNoCase("abc", "c", 3), npos);
  EXPECT_EQ(FindNoCase("abc", "C", 2), 2u);
  EXPECT_EQ(FindNoCase("abc", "abcd"), npos);
  EXPECT_EQ(FindNoCase("ab", "b", 9), npos);
  // The match found is the first, whichever case its first letter has.
  EXPECT_EQ(FindNoCase("xFoRm form", "form"), 1u);
  EXPECT_EQ(FindNoCase("x form FORM", "FORM"), 2u);
  // Candidates overlap: a failed one must not skip the next.
  EXPECT_EQ(FindNoCase("aAaAb", "AAB"), 2u);
  EXPECT_EQ(FindNoCase("<<<FORM", "<form"), 2u);
  // A match may not run past the end.
  EXPECT_EQ(FindNoCase("xxfor", "form"), npos);
  // Only ASCII letters fold.
  EXPECT_EQ(FindNoCase("\xC9t\xE9", "\xE9"), 2u);
  EXPECT_EQ(FindNoCase("[{", "{"), 1u);
}

// FindNoCase as it is specified: the first start at or after `from` where
// every byte matches ignoring ASCII case.
std::size_t FindNoCaseByDefinition(std::string_view haystack, std::string_view needle,
                                   std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsNoCase(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

TEST(CaseTest, FindNoCaseMatchesItsDefinitionOnRandomText) {
  std::mt19937 rng(3);
  const std::string_view alphabet = "aAbB<>@[`{ ";
  std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1);
  auto random_text = [&](std::size_t max_length) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, max_length)(rng), ' ');
    for (char& c : text) c = alphabet[letter(rng)];
    return text;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string haystack = random_text(24);
    const std::string needle = random_text(4);
    const std::size_t from = std::uniform_int_distribution<std::size_t>(0, 26)(rng);
    ASSERT_EQ(FindNoCase(haystack, needle, from), FindNoCaseByDefinition(haystack, needle, from))
        << "'" << haystack << "' '" << needle << "' from " << from;
  }
}

TEST(StripBomAndSpaceTest, BomInsideWhitespace) {
  EXPECT_EQ(StripBomAndSpace(" \xEF\xBB\xBF\n<a/> "), "<a/>");
  EXPECT_EQ(StripBomAndSpace("<a/>"), "<a/>");
  EXPECT_EQ(StripBomAndSpace("x\xEF\xBB\xBF"), "x\xEF\xBB\xBF");
}

}  // namespace
}  // namespace samlint
