// parse/extract: what ExtractFacts reads from a document and what it refuses.
#include "parse/extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/saml_builder.h"

namespace samlint {
namespace {

using testing::SamlBuilder;

constexpr const char* kProtocol = "urn:oasis:names:tc:SAML:2.0:protocol";
constexpr const char* kAssertion = "urn:oasis:names:tc:SAML:2.0:assertion";

// A minimal Response with one Assertion that holds `assertion_body`.
std::string Response(const std::string& assertion_body) {
  return std::string("<samlp:Response xmlns:samlp=\"") + kProtocol + "\" xmlns:saml=\"" +
         kAssertion + "\" ID=\"_r\"><saml:Assertion ID=\"_a\">" + assertion_body +
         "</saml:Assertion></samlp:Response>";
}

TEST(ExtractFacts, ReadsTheBuildersResponse) {
  const std::string xml = SamlBuilder{}.Build();
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_TRUE(out.facts.is_response);
  EXPECT_EQ(out.facts.envelope, Envelope::kNone);
  ASSERT_EQ(out.facts.assertions.size(), 1U);
  EXPECT_EQ(out.facts.assertions[0].id.value, "_a1");
  EXPECT_TRUE(out.facts.encrypted_assertions.empty());
  EXPECT_FALSE(out.facts.has_any_signature);
}

TEST(ExtractFacts, OffsetsPointAtWhatWasRead) {
  const std::string xml = SamlBuilder{}.Build();
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  const AssertionFact& a = out.facts.assertions[0];
  EXPECT_EQ(xml.compare(out.facts.offset, 15, "<samlp:Response"), 0);
  EXPECT_EQ(xml.compare(a.offset, 15, "<saml2:Assertio"), 0);
  ASSERT_TRUE(a.id.present);
  // An attribute's offset is its name's.
  EXPECT_EQ(xml.compare(a.id.offset, 8, "ID=\"_a1\""), 0) << xml.substr(a.id.offset, 20);
  ASSERT_EQ(a.authn_statements.size(), 1U);
  const TimeFact& session = a.authn_statements[0].session_not_on_or_after;
  ASSERT_TRUE(session.present);
  EXPECT_EQ(session.text, "2026-11-23T18:00:00Z");
  EXPECT_EQ(xml.compare(session.offset, 20, "SessionNotOnOrAfter="), 0)
      << xml.substr(session.offset, 30);
}

// The attribute's name is looked for outside quoted values only: a value
// that spells " ID=" (in either quote) is skipped whole.
TEST(ExtractFacts, AnAttributesOffsetIsNotInsideAnotherValue) {
  for (const std::string& before :
       {std::string("a=' ID=\"x\" '"), std::string("a=\" ID='x' \""), std::string("a=\"\" b=''"),
        std::string("a=\"x>y\""), std::string("a='\n ID = \"'")}) {
    const std::string xml = std::string("<samlp:Response xmlns:samlp=\"") + kProtocol +
                            "\" xmlns:saml=\"" + kAssertion + "\" ID=\"_r\"><saml:Assertion " +
                            before + " ID=\"_a\"></saml:Assertion></samlp:Response>";
    const ExtractOutcome out = ExtractFacts(xml);
    ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
    const AssertionFact& a = out.facts.assertions[0];
    EXPECT_EQ(a.id.value, "_a");
    EXPECT_EQ(a.id.offset, xml.find("ID=\"_a\"")) << before;
  }
}

TEST(ExtractFacts, ReadsElementsByNamespaceUriWhateverThePrefix) {
  SamlBuilder b;
  b.assertion_prefix = "x";
  b.protocol_prefix = "y";
  ExtractOutcome prefixed = ExtractFacts(b.Build());
  b = SamlBuilder{};
  b.default_namespace_assertion = true;
  ExtractOutcome unprefixed = ExtractFacts(b.Build());
  for (const ExtractOutcome* out : {&prefixed, &unprefixed}) {
    ASSERT_EQ(out->status, ExtractStatus::kOk) << out->error;
    ASSERT_EQ(out->facts.assertions.size(), 1U);
    EXPECT_EQ(out->facts.assertions[0].name_id.value, "alice@example.com");
    EXPECT_EQ(out->facts.assertions[0].attributes.size(), 2U);
  }
}

TEST(ExtractFacts, AnElementInAnotherNamespaceIsNotSaml) {
  // The right local names under a wrong URI are not the SAML elements.
  const std::string xml = std::string("<samlp:Response xmlns:samlp=\"") + kProtocol +
                          "\" xmlns:saml=\"urn:example:not-saml\"><saml:Assertion ID=\"_a\"/>"
                          "</samlp:Response>";
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_TRUE(out.facts.assertions.empty());
}

TEST(ExtractFacts, ABareAssertionIsReadAsTheRoot) {
  const std::string xml =
      std::string("<saml:Assertion xmlns:saml=\"") + kAssertion + "\" ID=\"_only\"/>";
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_FALSE(out.facts.is_response);
  ASSERT_EQ(out.facts.assertions.size(), 1U);
  EXPECT_EQ(out.facts.assertions[0].id.value, "_only");
}

TEST(ExtractFacts, AResponseInASoapEnvelopeIsRead) {
  const std::string xml =
      "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + Response("") +
      "</s:Body></s:Envelope>";
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_EQ(out.facts.envelope, Envelope::kSoap);
  EXPECT_TRUE(out.facts.is_response);
  EXPECT_EQ(out.facts.assertions.size(), 1U);
}

TEST(ExtractFacts, ADoctypeIsRefusedAtItsOffset) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e \"x\">]>" + Response("");
  ExtractOutcome out = ExtractFacts(xml);
  EXPECT_EQ(out.status, ExtractStatus::kDoctype);
  EXPECT_EQ(out.error_offset, xml.find("<!DOCTYPE"));
  EXPECT_TRUE(out.facts.assertions.empty());
}

TEST(ExtractFacts, OnlyThePredefinedEntitiesAreReplaced) {
  ExtractOutcome out = ExtractFacts(Response("<saml:Issuer>&amp;&lt;</saml:Issuer>"));
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_EQ(out.facts.assertions[0].issuer.value, "&<");
  ExtractOutcome chars = ExtractFacts(Response("<saml:Issuer>&#65;&#x42;&#x1F600;</saml:Issuer>"));
  ASSERT_EQ(chars.status, ExtractStatus::kOk) << chars.error;
  EXPECT_EQ(chars.facts.assertions[0].issuer.value, "AB\xF0\x9F\x98\x80");
}

// pugixml would keep these as text while libxml2 (which verifies signatures)
// refuses the document: both must see it refused, at the '&'.
TEST(ExtractFacts, AReferenceThatIsNotPredefinedOrACharacterIsMalformed) {
  for (const char* issuer :
       {"&xxe;", "a & b", "&amp", "&#0;", "&#x110000;", "&#xD800;", "&#;", "&#12a;", "ok &AMP;"}) {
    const std::string xml = Response(std::string("<saml:Issuer>") + issuer + "</saml:Issuer>");
    ExtractOutcome out = ExtractFacts(xml);
    EXPECT_EQ(out.status, ExtractStatus::kMalformed) << issuer;
    EXPECT_EQ(out.error_offset, xml.find('&', xml.find("<saml:Issuer>"))) << issuer;
    EXPECT_NE(out.error.find("nor a character reference"), std::string::npos) << out.error;
  }
  const std::string in_attribute = Response("<saml:Issuer Format=\"&xxe;\">x</saml:Issuer>");
  EXPECT_EQ(ExtractFacts(in_attribute).status, ExtractStatus::kMalformed);
}

// References and markup right next to each other: each '&' is checked, the
// first bad one is reported, and one in a comment before it is not.
TEST(ExtractFacts, TheFirstBadReferenceAmongAdjacentOnesIsReported) {
  const std::string xml = Response(
      "<!--&x;--><saml:Issuer>&amp;&lt;&#65;<![CDATA[&y;]]>&gt;&bad;&amp;&also-bad;</saml:Issuer>");
  const ExtractOutcome out = ExtractFacts(xml);
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_EQ(out.error_offset, xml.find("&bad;"));
  const std::string fine =
      Response("<saml:Issuer>&amp;&lt;&#65;<![CDATA[&y;]]>&gt;</saml:Issuer><!--&-->");
  EXPECT_EQ(ExtractFacts(fine).status, ExtractStatus::kOk) << ExtractFacts(fine).error;
}

TEST(ExtractFacts, AnAmpersandInACommentCdataOrInstructionIsText) {
  const std::string xml =
      Response("<!-- a & b &xxe; --><?pi & ?><saml:Issuer><![CDATA[a & b]]></saml:Issuer>");
  ExtractOutcome out = ExtractFacts(xml);
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_EQ(out.facts.assertions[0].issuer.value, "a & b");
}

TEST(ExtractFacts, ANonUtf8EncodingDeclarationIsMalformed) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Response("");
  ExtractOutcome out = ExtractFacts(xml);
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_EQ(out.error_offset, xml.find("ISO-8859-1"));
}

TEST(ExtractFacts, AUtf8EncodingDeclarationIsRead) {
  EXPECT_EQ(ExtractFacts("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Response("")).status,
            ExtractStatus::kOk);
}

TEST(ExtractFacts, InvalidUtf8IsMalformedAtItsByte) {
  const std::string xml = Response("<saml:Issuer>a\xff</saml:Issuer>");
  ExtractOutcome out = ExtractFacts(xml);
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_EQ(out.error_offset, xml.find('\xff'));
}

// The ASCII before a bad byte is skipped in blocks: the byte is found wherever
// it falls in a block, after ASCII or after valid multi-byte characters.
TEST(ExtractFacts, InvalidUtf8OrNulIsFoundAtEveryPositionInABlock) {
  for (const std::string& bad : {std::string("\xff"), std::string(1, '\0'), std::string("\xC3"),
                                 std::string("\xE0\x80\x80"), std::string("\xED\xA0\x80")}) {
    for (const std::string& before :
         {std::string(""), std::string("\xC3\xA9"), std::string("\xF0\x9F\x98\x80")}) {
      for (std::size_t pad = 0; pad < 20; ++pad) {
        const std::string text = before + std::string(pad, 'x');
        const std::string xml = Response("<saml:Issuer>" + text + bad + "y</saml:Issuer>");
        const ExtractOutcome out = ExtractFacts(xml);
        EXPECT_EQ(out.status, ExtractStatus::kMalformed) << pad;
        EXPECT_NE(out.error.find("is not valid UTF-8"), std::string::npos) << out.error;
        EXPECT_EQ(out.error_offset, xml.find("<saml:Issuer>") + 13 + text.size())
            << "pad " << pad << " before " << before.size() << " bad " << bad.size();
      }
    }
  }
}

TEST(ExtractFacts, ValidUtf8AfterLongAsciiIsRead) {
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string value =
        std::string(pad, 'x') + "\xC3\xA9\xE2\x82\xAC" + std::string(pad, 'y');
    const ExtractOutcome out = ExtractFacts(Response("<saml:Issuer>" + value + "</saml:Issuer>"));
    ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
    EXPECT_EQ(out.facts.assertions[0].issuer.value, value);
  }
}

TEST(ExtractFacts, ATruncatedDocumentIsMalformed) {
  const std::string xml = Response("");
  ExtractOutcome out = ExtractFacts(xml.substr(0, xml.size() - 5));
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_LE(out.error_offset, xml.size() - 5);
}

TEST(ExtractFacts, ASecondRootIsMalformed) {
  ExtractOutcome out = ExtractFacts(Response("") + "<x/>");
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_NE(out.error.find("second root"), std::string::npos) << out.error;
}

TEST(ExtractFacts, NoRootIsMalformed) {
  EXPECT_EQ(ExtractFacts("<!-- nothing -->").status, ExtractStatus::kMalformed);
}

TEST(ExtractFacts, NestingBeyondTheDepthLimitIsMalformed) {
  std::string deep;
  for (int i = 0; i < kMaxXmlDepth + 1; ++i) deep += "<e>";
  for (int i = 0; i < kMaxXmlDepth + 1; ++i) deep += "</e>";
  ExtractOutcome out = ExtractFacts(Response(deep));
  EXPECT_EQ(out.status, ExtractStatus::kMalformed);
  EXPECT_NE(out.error.find("nested"), std::string::npos) << out.error;
}

TEST(ExtractFacts, MoreNodesThanTheLimitIsLimitStatus) {
  const std::string xml = SamlBuilder{}.Build();
  ExtractOutcome all = ExtractFacts(xml);
  ASSERT_EQ(all.status, ExtractStatus::kOk);
  EXPECT_EQ(ExtractFacts(xml, all.facts.node_count).status, ExtractStatus::kOk);
  EXPECT_EQ(ExtractFacts(xml, all.facts.node_count - 1).status, ExtractStatus::kLimit);
}

TEST(ExtractFacts, ARootOutsideSamlIsNotSaml) {
  ExtractOutcome out = ExtractFacts("<Response/>");
  EXPECT_EQ(out.status, ExtractStatus::kNotSaml);
  EXPECT_NE(out.error.find("in no namespace"), std::string::npos) << out.error;
}

TEST(ExtractFacts, ListsEncryptedAssertionsAndIds) {
  ExtractOutcome out =
      ExtractFacts(std::string("<samlp:Response xmlns:samlp=\"") + kProtocol + "\" xmlns:saml=\"" +
                   kAssertion + "\" ID=\"_r\"><saml:EncryptedAssertion/></samlp:Response>");
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_EQ(out.facts.encrypted_assertions.size(), 1U);
  EXPECT_TRUE(out.facts.assertions.empty());
  ASSERT_EQ(out.facts.ids.size(), 1U);
  EXPECT_EQ(out.facts.ids[0].first, "_r");
}

TEST(ExtractFacts, NotesACommentThatSplitsAValue) {
  ExtractOutcome out = ExtractFacts(Response("<saml:Issuer>idp<!-- x -->.evil</saml:Issuer>"));
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_EQ(out.facts.comments_in_values.size(), 1U);
  EXPECT_TRUE(out.facts.assertions[0].issuer.has_comment);
}

TEST(ExtractFacts, NotesASignatureAnywhere) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  ExtractOutcome out = ExtractFacts(b.Build());
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  EXPECT_TRUE(out.facts.has_any_signature);
  EXPECT_EQ(out.facts.signature_count, 1U);
  ASSERT_TRUE(out.facts.assertions[0].signature.has_value());
  EXPECT_EQ(out.facts.assertions[0].signature->reference_uri, "#_a1");
  EXPECT_FALSE(out.facts.signature.has_value());
}

TEST(ExtractFacts, AnAssertionInsideAnotherIsNestedNotRead) {
  ExtractOutcome out =
      ExtractFacts(Response("<saml:Advice><saml:Assertion ID=\"_hidden\"/></saml:Advice>"));
  ASSERT_EQ(out.status, ExtractStatus::kOk) << out.error;
  ASSERT_EQ(out.facts.assertions.size(), 1U);
  ASSERT_EQ(out.facts.nested_assertions.size(), 1U);
  EXPECT_EQ(out.facts.nested_assertions[0].id.value, "_hidden");
  EXPECT_FALSE(out.facts.nested_assertions[0].direct_child);
}

TEST(AssertionDifferences, TwoReadingsOfOneAssertionAgree) {
  ExtractOutcome out = ExtractFacts(SamlBuilder{}.Build());
  ASSERT_EQ(out.status, ExtractStatus::kOk);
  EXPECT_TRUE(AssertionDifferences(out.facts.assertions[0], out.facts.assertions[0]).empty());
}

TEST(AssertionDifferences, NamesEachDifferingField) {
  SamlBuilder b;
  ExtractOutcome first = ExtractFacts(b.Build());
  b.session_durations = {"3600"};
  b.session_not_on_or_after = "2026-11-23T19:00:00Z";
  ExtractOutcome second = ExtractFacts(b.Build());
  ASSERT_EQ(first.status, ExtractStatus::kOk);
  ASSERT_EQ(second.status, ExtractStatus::kOk);
  EXPECT_EQ(AssertionDifferences(first.facts.assertions[0], second.facts.assertions[0]),
            (std::vector<std::string>{"AuthnStatement/@SessionNotOnOrAfter",
                                      "the number of Attribute elements"}));
}

TEST(AssertionDifferences, ComparesAttributeValues) {
  SamlBuilder b;
  b.session_durations = {"3600"};
  ExtractOutcome first = ExtractFacts(b.Build());
  b.session_durations = {"7200"};
  ExtractOutcome second = ExtractFacts(b.Build());
  ASSERT_EQ(first.status, ExtractStatus::kOk);
  ASSERT_EQ(second.status, ExtractStatus::kOk);
  EXPECT_EQ(
      AssertionDifferences(first.facts.assertions[0], second.facts.assertions[0]),
      std::vector<std::string>{"Attribute https://aws.amazon.com/SAML/Attributes/SessionDuration"});
}

}  // namespace
}  // namespace samlint
