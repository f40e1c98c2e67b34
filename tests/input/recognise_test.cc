// input/recognise: whether a file found inside a directory is SAML material
// (checked, maybe unreadable) or not a kind samlint reads (skipped).
#include "input/recognise.h"

#include <gtest/gtest.h>

#include <string>

namespace samlint {
namespace {

constexpr char kResponse[] =
    "<?xml version=\"1.0\"?>\n<!-- sample -->\n"
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"r\">"
    "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">";

std::string Base64(const std::string& text) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned v = unsigned{static_cast<unsigned char>(text[i])} << 16U |
                       unsigned{static_cast<unsigned char>(text[i + 1])} << 8U |
                       unsigned{static_cast<unsigned char>(text[i + 2])};
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  return out;  // whole groups only: enough for these tests
}

TEST(Recognise, ASamlResponseCutShortIsStillRecognised) {
  EXPECT_TRUE(RecogniseResponse(kResponse).recognised);
  EXPECT_TRUE(RecogniseResponse("<Response>").recognised) << "no namespace: reported, not skipped";
  EXPECT_TRUE(RecogniseResponse("<!DOCTYPE r [<!ENTITY a \"b\">]><saml2:Assertion/>").recognised);
  EXPECT_TRUE(
      RecogniseResponse("<soap:Envelope><x xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>")
          .recognised);
}

TEST(Recognise, OtherXmlIsNotAndSaysItsRoot) {
  Recognition pom =
      RecogniseResponse("<?xml version=\"1.0\"?>\n<project><modelVersion/></project>");
  EXPECT_FALSE(pom.recognised);
  EXPECT_EQ(pom.looks_like, "XML <project>");
  EXPECT_FALSE(RecogniseResponse("<soap:Envelope><other/></soap:Envelope>").recognised)
      << "a SOAP envelope without SAML";
  EXPECT_FALSE(RecogniseResponse("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:"
                                 "metadata\"/>")
                   .recognised)
      << "metadata is given with --idp-metadata, not as INPUT";
}

TEST(Recognise, Base64AndFormBodiesOfAResponseAreRecognisedEvenCutShort) {
  const std::string encoded = Base64(kResponse);
  EXPECT_TRUE(RecogniseResponse(encoded).recognised);
  EXPECT_TRUE(RecogniseResponse(encoded.substr(0, 81)).recognised) << "cut mid-group";
  EXPECT_TRUE(RecogniseResponse("SAMLResponse=%%%broken&RelayState=x").recognised);
  EXPECT_TRUE(RecogniseResponse("Action=AssumeRoleWithSAML&RoleArn=").recognised);
  Recognition other = RecogniseResponse(Base64("<project><modelVersion/></project>"));
  EXPECT_FALSE(other.recognised);
  EXPECT_EQ(other.looks_like, "base64 of XML <project>");
}

TEST(Recognise, ATemplateNoReaderTookIsABrokenOne) {
  EXPECT_TRUE(RecogniseResponse("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  R:\n"
                                "    Description: a: b\n")
                  .recognised);
}

TEST(Recognise, TextJsonAndEmptyFilesAreNot) {
  EXPECT_EQ(RecogniseResponse("hello readme\n").looks_like, "text");
  EXPECT_FALSE(RecogniseResponse("hello readme\n").recognised);
  EXPECT_FALSE(RecogniseResponse("{\"name\": \"x\", \"version\": \"1.0.0\"}").recognised);
  EXPECT_EQ(RecogniseResponse("{\"name\": \"x\"}").looks_like, "JSON");
  EXPECT_EQ(RecogniseResponse(" \n").looks_like, "empty");
  EXPECT_FALSE(RecogniseResponse("version: '3'\nservices: {}\n").recognised);
}

TEST(Recognise, BrokenFilesAreRecognisedByWhatTheyName) {
  EXPECT_TRUE(
      RecogniseBroken("{\"log\": {\"version\": \"1.2\", \"entries\": [{", 1 << 20).recognised)
      << "a HAR cut short";
  EXPECT_TRUE(RecogniseBroken("{\"Records\": [{\"eventSource\": \"sts", 1 << 20).recognised);
  EXPECT_TRUE(RecogniseBroken("{\"SAMLResponse\": \"PHNhbWxw", 1 << 20).recognised);
  Recognition tsconfig = RecogniseBroken("{ // comment\n \"compilerOptions\": {} }", 1 << 20);
  EXPECT_FALSE(tsconfig.recognised);
  EXPECT_EQ(tsconfig.looks_like, "not valid JSON");
  Recognition pyproject = RecogniseBroken("[tool.black]\nline-length = 99\n", 1 << 20);
  EXPECT_FALSE(pyproject.recognised);
  EXPECT_EQ(pyproject.looks_like, "TOML");
}

}  // namespace
}  // namespace samlint
