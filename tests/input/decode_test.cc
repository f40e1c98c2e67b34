#include "input/decode.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "support/encoders.h"

namespace samlint {
namespace {

using test::EncodeBase64;
using test::EncodePercent;
constexpr std::string_view kXml = test::kAwkwardResponseXml;

TEST(EncodingNameTest, NamesEveryEncoding) {
  EXPECT_EQ(EncodingName(InputEncoding::kXml), "xml");
  EXPECT_EQ(EncodingName(InputEncoding::kBase64), "base64");
  EXPECT_EQ(EncodingName(InputEncoding::kFormBody), "form");
  EXPECT_EQ(EncodingName(InputEncoding::kHtmlForm), "html-form");
  EXPECT_EQ(EncodingName(InputEncoding::kUnknown), "unknown");
}

void ExpectXml(const DecodedInput& decoded, InputEncoding encoding) {
  EXPECT_EQ(decoded.encoding, encoding) << decoded.error;
  EXPECT_EQ(decoded.xml, kXml);
  EXPECT_EQ(decoded.error, "");
}

void ExpectUnknown(const DecodedInput& decoded, std::string_view error) {
  EXPECT_EQ(decoded.encoding, InputEncoding::kUnknown);
  EXPECT_EQ(decoded.xml, "");
  EXPECT_EQ(decoded.error, error);
}

constexpr std::string_view kNotSaml =
    "not a SAML response: expected XML, base64 or a SAMLResponse= form body";

TEST(DecodeInputTest, EmptyInput) {
  ExpectUnknown(DecodeInput(""), "the input is empty");
  ExpectUnknown(DecodeInput(" \r\n\t "), "the input is empty");
  ExpectUnknown(DecodeInput("\xEF\xBB\xBF"), "the input is empty");
  ExpectUnknown(DecodeInput("\n\xEF\xBB\xBF\n"), "the input is empty");
}

TEST(DecodeInputTest, Xml) {
  ExpectXml(DecodeInput(kXml), InputEncoding::kXml);
}

// Raw XML is kept byte for byte (BOM and leading blank lines included) so that
// reported line:column positions are the file's own.
TEST(DecodeInputTest, XmlKeepsLeadingBytesForPositions) {
  const std::string padded = "\n\n  " + std::string(kXml) + "\n";
  DecodedInput a = DecodeInput(padded);
  EXPECT_EQ(a.encoding, InputEncoding::kXml);
  EXPECT_EQ(a.xml, padded);
  const std::string bom = "\xEF\xBB\xBF" + std::string(kXml);
  DecodedInput b = DecodeInput(bom);
  EXPECT_EQ(b.encoding, InputEncoding::kXml);
  EXPECT_EQ(b.xml, bom);
}

TEST(DecodeInputTest, XmlMentioningSamlResponseStaysXml) {
  const std::string xml =
      "<Envelope><input name=\"SAMLResponse\" value=\"PHg+\"/>"
      "<Note>SAMLResponse=PHg+</Note></Envelope>";
  const DecodedInput decoded = DecodeInput(xml);
  EXPECT_EQ(decoded.encoding, InputEncoding::kXml);
  EXPECT_EQ(decoded.xml, xml);
}

TEST(DecodeInputTest, Base64) {
  ExpectXml(DecodeInput(EncodeBase64(kXml)), InputEncoding::kBase64);
  ExpectXml(DecodeInput("\xEF\xBB\xBF\r\n" + EncodeBase64(kXml) + "\r\n"), InputEncoding::kBase64);
}

TEST(DecodeInputTest, Base64WithLineBreaks) {
  const std::string wrapped = EncodeBase64(kXml, false, true, 76);
  ASSERT_NE(wrapped.find("\r\n"), std::string::npos);
  ExpectXml(DecodeInput(wrapped), InputEncoding::kBase64);
  ExpectXml(DecodeInput(EncodeBase64(kXml, false, true, 64)), InputEncoding::kBase64);
}

TEST(DecodeInputTest, UrlSafeBase64) {
  ExpectXml(DecodeInput(EncodeBase64(kXml, true, false)), InputEncoding::kBase64);
  ExpectXml(DecodeInput(EncodeBase64(kXml, true, true)), InputEncoding::kBase64);
}

TEST(DecodeInputTest, PercentEncodedBase64) {
  const std::string escaped = EncodePercent(EncodeBase64(kXml));
  ASSERT_NE(escaped.find("%2B"), std::string::npos);
  ASSERT_NE(escaped.find("%2F"), std::string::npos);
  ASSERT_NE(escaped.find("%3D"), std::string::npos);
  ExpectXml(DecodeInput(escaped), InputEncoding::kBase64);

  std::string lowercase = escaped;
  for (std::size_t at = lowercase.find("%2B"); at != std::string::npos;
       at = lowercase.find("%2B", at)) {
    lowercase.replace(at, 3, "%2b");
  }
  ExpectXml(DecodeInput(lowercase), InputEncoding::kBase64);
}

TEST(DecodeInputTest, PartlyPercentEncodedBase64KeepsPlus) {
  // Only '=' escaped: the raw '+' characters must stay base64 digits.
  std::string text = EncodeBase64(kXml);
  ASSERT_NE(text.find('+'), std::string::npos);
  text.replace(text.find('='), 1, "%3D");
  ExpectXml(DecodeInput(text), InputEncoding::kBase64);
}

TEST(DecodeInputTest, Base64ThatIsNotXml) {
  ExpectUnknown(DecodeInput("aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IHhtbA=="),
                "base64 decoded to 28 bytes that are not XML");
  ExpectUnknown(DecodeInput("abcd"), "base64 decoded to 3 bytes that are not XML");
}

TEST(DecodeInputTest, TruncatedBase64) {
  const DecodedInput decoded = DecodeInput("PD94bWwgdmVyc2lvbj0iMS4wIj8+P");
  EXPECT_EQ(decoded.encoding, InputEncoding::kUnknown);
  EXPECT_NE(decoded.error.find("not valid base64"), std::string::npos) << decoded.error;
}

TEST(DecodeInputTest, FormBody) {
  const std::string body = "SAMLResponse=" + EncodePercent(EncodeBase64(kXml)) +
                           "&RelayState=https%3A%2F%2Fapp.example.com%2Fhome%3Fa%3D1+b";
  const DecodedInput decoded = DecodeInput(body);
  ExpectXml(decoded, InputEncoding::kFormBody);
  EXPECT_EQ(decoded.relay_state, "https://app.example.com/home?a=1 b");
}

TEST(DecodeInputTest, FormBodyFieldOrderAndLeadingQuestionMark) {
  const std::string escaped = EncodePercent(EncodeBase64(kXml));
  DecodedInput decoded = DecodeInput("RelayState=token&SAMLResponse=" + escaped + "\r\n");
  ExpectXml(decoded, InputEncoding::kFormBody);
  EXPECT_EQ(decoded.relay_state, "token");

  decoded = DecodeInput("?SAMLResponse=" + escaped);
  ExpectXml(decoded, InputEncoding::kFormBody);
  EXPECT_EQ(decoded.relay_state, "");

  decoded = DecodeInput("SigAlg=x&SAMLResponse=" + escaped + "&Other=%41");
  ExpectXml(decoded, InputEncoding::kFormBody);
}

TEST(DecodeInputTest, FormBodyWithUnescapedBase64) {
  // Hand-built bodies often leave '+', '/' and '=' raw; '+' cannot mean a
  // space inside base64, so this still decodes.
  ExpectXml(DecodeInput("SAMLResponse=" + EncodeBase64(kXml) + "&RelayState=r"),
            InputEncoding::kFormBody);
}

TEST(DecodeInputTest, FormBodyErrors) {
  EXPECT_EQ(DecodeInput("SAMLResponse=PHg%2").encoding, InputEncoding::kUnknown);
  ExpectUnknown(DecodeInput("SAMLResponse=aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IHhtbA%3D%3D"),
                "base64 decoded to 28 bytes that are not XML");
  EXPECT_EQ(DecodeInput("SAMLResponse=&RelayState=x").encoding, InputEncoding::kUnknown);
  // "SAMLResponse=" only counts at the start of a field.
  ExpectUnknown(DecodeInput("RelayState=x&NotSAMLResponse=PHg%2B"), kNotSaml);
}

std::string HtmlPage(std::string_view input_tags) {
  return "<!DOCTYPE html>\n<html>\n<head><title>Working...</title></head>\n"
         "<body onload=\"document.forms[0].submit()\">\n"
         "<form method=\"post\" action=\"https://signin.aws.amazon.com/saml\">\n" +
         std::string(input_tags) +
         "\n<noscript><input type=\"submit\" value=\"Continue\"/></noscript>\n"
         "</form>\n</body>\n</html>\n";
}

TEST(DecodeInputTest, HtmlPageWithHiddenInput) {
  const DecodedInput decoded = DecodeInput(
      HtmlPage("<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + EncodeBase64(kXml) +
               "\"/>\n<input type=\"hidden\" name=\"RelayState\" value=\"a&amp;b\"/>"));
  ExpectXml(decoded, InputEncoding::kHtmlForm);
  EXPECT_EQ(decoded.relay_state, "a&b");
}

TEST(DecodeInputTest, HtmlAttributeOrderQuotesAndCase) {
  ExpectXml(DecodeInput(HtmlPage("<INPUT VALUE='" + EncodeBase64(kXml) +
                                 "' TYPE='hidden' NAME='SAMLResponse'>")),
            InputEncoding::kHtmlForm);
  ExpectXml(DecodeInput(HtmlPage(
                "<input type=hidden name = SAMLResponse value=" + EncodeBase64(kXml) + ">")),
            InputEncoding::kHtmlForm);
  ExpectXml(DecodeInput(HtmlPage("<input type=\"hidden\" name=\"SAMLResponse\" value=\"" +
                                 EncodeBase64(kXml, false, true, 76) + "\">")),
            InputEncoding::kHtmlForm);
}

TEST(DecodeInputTest, HtmlEntitiesInValue) {
  std::string value;
  for (char c : EncodeBase64(kXml)) {
    if (c == '+') {
      value += "&#43;";
    } else if (c == '/') {
      value += "&#x2F;";
    } else if (c == '=') {
      value += "&#X3d;";
    } else {
      value.push_back(c);
    }
  }
  ExpectXml(DecodeInput(
                HtmlPage("<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + value + "\">")),
            InputEncoding::kHtmlForm);

  const DecodedInput decoded =
      DecodeInput(HtmlPage("<input name=\"SAMLResponse\" value=\"" + EncodeBase64(kXml) +
                           "\"><input name=\"RelayState\" value=\"&lt;&gt;&quot;&#39;&apos;&amp;"
                           "&unknown;&#0;\">"));
  ExpectXml(decoded, InputEncoding::kHtmlForm);
  EXPECT_EQ(decoded.relay_state, "<>\"''&&unknown;&#0;");
}

TEST(DecodeInputTest, HtmlDetectedByFormAlone) {
  ExpectXml(DecodeInput("<form method=\"post\"><input name=\"SAMLResponse\" value=\"" +
                        EncodeBase64(kXml) + "\"></form>"),
            InputEncoding::kHtmlForm);
  ExpectXml(DecodeInput("<?xml version=\"1.0\"?>\n<!-- page -->\n"
                        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        "<input name=\"SAMLResponse\" value=\"" +
                        EncodeBase64(kXml) + "\"/></body></html>"),
            InputEncoding::kHtmlForm);
  ExpectXml(DecodeInput("\xEF\xBB\xBF  <!doctype HTML><input name=\"SAMLResponse\" value=\"" +
                        EncodeBase64(kXml) + "\">"),
            InputEncoding::kHtmlForm);
}

TEST(DecodeInputTest, HtmlSkipsCommentsAndScripts) {
  const std::string page = HtmlPage(
      "<!-- <input name=\"SAMLResponse\" value=\"aGVsbG8=\"> -->\n"
      "<script>var s = '<input name=\"SAMLResponse\" value=\"aGVsbG8=\">';</script>\n"
      "<input name=\"SAMLResponseX\" value=\"aGVsbG8=\">\n"
      "<input name=\"SAMLResponse\" value=\"" +
      EncodeBase64(kXml) + "\">");
  ExpectXml(DecodeInput(page), InputEncoding::kHtmlForm);
}

TEST(DecodeInputTest, HtmlWithoutSamlResponse) {
  const DecodedInput decoded = DecodeInput(HtmlPage("<input name=\"username\" value=\"x\">"));
  EXPECT_EQ(decoded.encoding, InputEncoding::kUnknown);
  EXPECT_NE(decoded.error.find("SAMLResponse"), std::string::npos) << decoded.error;
  EXPECT_EQ(DecodeInput("<html><body>Sign-in failed</body></html>").encoding,
            InputEncoding::kUnknown);
}

TEST(DecodeInputTest, HtmlWithNonXmlValue) {
  ExpectUnknown(DecodeInput(HtmlPage("<input name=\"SAMLResponse\" "
                                     "value=\"aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IHhtbA==\">")),
                "base64 decoded to 28 bytes that are not XML");
}

TEST(DecodeInputTest, Garbage) {
  ExpectUnknown(DecodeInput("hello world!"), kNotSaml);
  ExpectUnknown(DecodeInput("{\"SAMLResponse\": \"PHg+\"}"), kNotSaml);
  ExpectUnknown(DecodeInput("PHg%zz"), kNotSaml);
  ExpectUnknown(DecodeInput(std::string("\x00\x01\x02\xFF", 4)), kNotSaml);
}

TEST(DecodeInputTest, DecodedXmlLosesItsBomAndWhitespace) {
  ExpectXml(DecodeInput(EncodeBase64("\xEF\xBB\xBF\n" + std::string(kXml) + "\n")),
            InputEncoding::kBase64);
}

}  // namespace
}  // namespace samlint
