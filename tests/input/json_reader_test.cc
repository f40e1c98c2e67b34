// input/json_reader: bounded parsing and lenient member access.
#include "input/json_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace samlint::input {
namespace {

Json Parsed(const std::string& text) {
  JsonBudget budget{1000};
  Json out;
  EXPECT_TRUE(ParseJson(text, out, budget)) << text;
  return out;
}

TEST(JsonReader, NestedTooDeepCountsBracketsOutsideStrings) {
  const std::string deep = std::string(kMaxJsonDepth + 1, '[');
  EXPECT_TRUE(NestedTooDeep(deep));
  EXPECT_FALSE(NestedTooDeep(std::string(kMaxJsonDepth, '[')));
  EXPECT_FALSE(NestedTooDeep("\"" + deep + "\""));
  EXPECT_TRUE(NestedTooDeep("\"x\n" + deep)) << "a line break ends a string";
  EXPECT_FALSE(NestedTooDeep(std::string(kMaxJsonDepth, '[') + "]" + "["));
}

TEST(JsonReader, ParseJsonCountsEveryValueAgainstTheBudget) {
  JsonBudget budget{3};
  Json out;
  EXPECT_TRUE(ParseJson("[1,2]", out, budget));
  EXPECT_EQ(budget.used, 3u);
  EXPECT_FALSE(budget.exceeded);
  EXPECT_FALSE(ParseJson("1", out, budget));
  EXPECT_TRUE(budget.exceeded);
  EXPECT_TRUE(out.is_discarded());
}

TEST(JsonReader, ParseJsonRefusesInvalidJsonWithoutThrowing) {
  JsonBudget budget{1000};
  Json out;
  EXPECT_FALSE(ParseJson("{\"a\":", out, budget));
  EXPECT_TRUE(out.is_discarded());
  EXPECT_FALSE(budget.exceeded);
}

TEST(JsonReader, MemberPrefersTheExactSpellingThenAnyCase) {
  const Json j = Parsed(R"({"roleArn":"lower","ROLEARN":"exact","Other":1})");
  EXPECT_EQ(StringMember(&j, "roleArn"), "lower");
  EXPECT_EQ(StringMember(&j, "ROLEARN"), "exact");
  EXPECT_EQ(StringMember(&j, "other"), "");
  const Json one = Parsed(R"({"roleArn":"lower"})");
  EXPECT_EQ(StringMember(&one, "RoleArn"), "lower");
  EXPECT_EQ(Member(&j, "missing"), nullptr);
  EXPECT_EQ(Member(nullptr, "RoleArn"), nullptr);
  const Json array = Parsed("[1]");
  EXPECT_EQ(Member(&array, "0"), nullptr);
}

TEST(JsonReader, TypedMembersAnswerNullForOtherTypes) {
  const Json j = Parsed(R"({"o":{},"a":[],"s":"x","n":1})");
  EXPECT_NE(ObjectMember(&j, "o"), nullptr);
  EXPECT_EQ(ObjectMember(&j, "a"), nullptr);
  EXPECT_NE(ArrayMember(&j, "a"), nullptr);
  EXPECT_EQ(ArrayMember(&j, "o"), nullptr);
  EXPECT_EQ(StringMember(&j, "n"), "");
  EXPECT_TRUE(HasStringMember(&j, "s"));
  EXPECT_FALSE(HasStringMember(&j, "n"));
}

TEST(JsonReader, DurationOfReadsNumbersAndDigitStrings) {
  const Json j = Parsed(
      R"({"int":3600,"float":7200.0,"text":" 900 ","frac":1.5,"word":"1h","huge":18446744073709551615,"nul":null})");
  std::string text;
  EXPECT_EQ(DurationOf(Member(&j, "int"), &text), std::optional<std::int64_t>(3600));
  EXPECT_EQ(DurationOf(Member(&j, "float"), &text), std::optional<std::int64_t>(7200));
  EXPECT_EQ(DurationOf(Member(&j, "text"), &text), std::optional<std::int64_t>(900));
  EXPECT_EQ(text, "");
  EXPECT_EQ(DurationOf(Member(&j, "frac"), &text), std::nullopt);
  EXPECT_EQ(text, "1.5");
  EXPECT_EQ(DurationOf(Member(&j, "word"), &text), std::nullopt);
  EXPECT_EQ(text, "1h");
  EXPECT_EQ(DurationOf(Member(&j, "huge"), nullptr), std::nullopt);
  EXPECT_EQ(DurationOf(Member(&j, "nul"), nullptr), std::nullopt);
  EXPECT_EQ(DurationOf(nullptr, nullptr), std::nullopt);
}

TEST(JsonReader, FindStringAnywherePrefersOwnMembersOverNestedOnes) {
  const Json j = Parsed(R"({"a":{"samlAssertionId":"nested"},"SAMLAssertionID":"own"})");
  EXPECT_EQ(FindStringAnywhere(j, "samlassertionid"), "own");
  const Json deep = Parsed(R"([{"x":[{"SamlAssertionId":"deep"}]}])");
  EXPECT_EQ(FindStringAnywhere(deep, "samlassertionid"), "deep");
  EXPECT_EQ(FindStringAnywhere(deep, "missing"), "");
}

}  // namespace
}  // namespace samlint::input
