// Base64, percent and form decoding, and hex encoding (base/codec).
#include "base/codec.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/encoders.h"

namespace samlint {
namespace {

using test::EncodeBase64;
constexpr std::string_view kXml = test::kAwkwardResponseXml;

std::string Base64Of(std::string_view text) {
  std::string out;
  EXPECT_TRUE(DecodeBase64(text, out)) << text;
  return out;
}

TEST(Base64Test, EncodingOfSampleUsesEveryAwkwardCharacter) {
  const std::string encoded = EncodeBase64(kXml);
  EXPECT_NE(encoded.find('+'), std::string::npos);
  EXPECT_NE(encoded.find('/'), std::string::npos);
  EXPECT_NE(encoded.find('='), std::string::npos);
}

TEST(Base64Test, DecodesRfc4648Vectors) {
  EXPECT_EQ(Base64Of(""), "");
  EXPECT_EQ(Base64Of("Zg=="), "f");
  EXPECT_EQ(Base64Of("Zm8="), "fo");
  EXPECT_EQ(Base64Of("Zm9v"), "foo");
  EXPECT_EQ(Base64Of("Zm9vYg=="), "foob");
  EXPECT_EQ(Base64Of("Zm9vYmE="), "fooba");
  EXPECT_EQ(Base64Of("Zm9vYmFy"), "foobar");
}

TEST(Base64Test, PaddingIsOptional) {
  EXPECT_EQ(Base64Of("Zg"), "f");
  EXPECT_EQ(Base64Of("Zm8"), "fo");
  EXPECT_EQ(Base64Of("Zm9vYg"), "foob");
}

TEST(Base64Test, AcceptsBothAlphabetsEvenMixed) {
  EXPECT_EQ(Base64Of("+/+/"), "\xFB\xFF\xBF");
  EXPECT_EQ(Base64Of("-_-_"), "\xFB\xFF\xBF");
  EXPECT_EQ(Base64Of("+_-/"), "\xFB\xFF\xBF");
  EXPECT_EQ(Base64Of(EncodeBase64(kXml, /*url_safe=*/true, /*pad=*/false)), kXml);
}

TEST(Base64Test, SkipsWhitespaceAndLineBreaks) {
  EXPECT_EQ(Base64Of(" Zm9v\r\nYmFy\n"), "foobar");
  EXPECT_EQ(Base64Of("Z m\t9 v"), "foo");
  EXPECT_EQ(Base64Of("Zg=\n="), "f");
  std::string binary;
  for (int i = 0; i < 1000; ++i) {
    binary.push_back(static_cast<char>(i * 37 % 256));
  }
  const std::string wrapped = EncodeBase64(binary, false, true, 76);
  ASSERT_NE(wrapped.find("\r\n"), std::string::npos);
  EXPECT_EQ(wrapped.find("\r\n"), 76U);
  EXPECT_EQ(Base64Of(wrapped), binary);
}

TEST(Base64Test, RejectsMalformedText) {
  std::string out = "stale";
  for (std::string_view text : {"Zm9v!", "Zm9v.", "Zg=a", "Zg==Zg==", "Z===", "=", "====", "Zm9vY",
                                "Zg=", "Zm9v=", "Zm8==", "Zm9v%3D"}) {
    EXPECT_FALSE(DecodeBase64(text, out)) << '"' << text << '"';
  }
  EXPECT_FALSE(DecodeBase64(std::string_view("Zm\0v", 4), out));
  EXPECT_FALSE(DecodeBase64("Zm9v\xC3\xA9", out));
}

TEST(Base64Test, OverwritesOutput) {
  std::string out = "stale";
  ASSERT_TRUE(DecodeBase64("Zm9v", out));
  EXPECT_EQ(out, "foo");
}

TEST(PercentTest, DecodesEscapesInEitherCase) {
  std::string out;
  ASSERT_TRUE(DecodePercent("a%2Bb%3D%3d%2f", out, true));
  EXPECT_EQ(out, "a+b==/");
  ASSERT_TRUE(DecodePercent("%E2%82%AC%e2%82%ac", out, false));
  EXPECT_EQ(out, "\xE2\x82\xAC\xE2\x82\xAC");
  ASSERT_TRUE(DecodePercent("", out, true));
  EXPECT_EQ(out, "");
}

TEST(PercentTest, PlusIsSpaceOnlyWhenAsked) {
  std::string out;
  ASSERT_TRUE(DecodePercent("a+b%20c", out, true));
  EXPECT_EQ(out, "a b c");
  ASSERT_TRUE(DecodePercent("a+b%20c", out, false));
  EXPECT_EQ(out, "a+b c");
}

TEST(PercentTest, RejectsMalformedEscapes) {
  std::string out;
  for (std::string_view text : {"%", "abc%", "%2", "a%2", "%zz", "%g0", "%0g", "%%41"}) {
    EXPECT_FALSE(DecodePercent(text, out, true)) << '"' << text << '"';
  }
}

TEST(HexLowerTest, TwoLowerCaseDigitsPerByte) {
  EXPECT_EQ(HexLower(""), "");
  EXPECT_EQ(HexLower(std::string_view("\x00\x0f\xa5\xff", 4)), "000fa5ff");
  EXPECT_EQ(HexLower("Az"), "417a");
}

TEST(HexDigitValueTest, EitherCaseAndNothingElse) {
  EXPECT_EQ(HexDigitValue('0'), 0);
  EXPECT_EQ(HexDigitValue('a'), 10);
  EXPECT_EQ(HexDigitValue('F'), 15);
  EXPECT_EQ(HexDigitValue('g'), -1);
  EXPECT_EQ(HexDigitValue('%'), -1);
}

TEST(SplitFormFieldsTest, PairsInOrderEmptyOnesSkipped) {
  const std::vector<FormField> fields = SplitFormFields("a=1&&b&c=x=y&");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "a");
  EXPECT_EQ(fields[0].value, "1");
  EXPECT_EQ(fields[1].name, "b");
  EXPECT_EQ(fields[1].value, "");
  EXPECT_EQ(fields[2].name, "c");
  EXPECT_EQ(fields[2].value, "x=y");
  EXPECT_TRUE(SplitFormFields("").empty());
}

}  // namespace
}  // namespace samlint
