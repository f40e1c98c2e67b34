// trust/xmlsec_adapter: the hardened libxml2 parse, key loading and the small
// libxml2 helpers.
#include "trust/xmlsec_adapter.h"

#include <gtest/gtest.h>

#include <string>

#include "support/trust_fixture.h"

namespace samlint::xmlsec {
namespace {

using testing::ReadTrustFixture;

xmlNode* Root(const DocPtr& doc) { return xmlDocGetRootElement(doc.get()); }

class XmlsecAdapter : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status initialised = EnsureInitialised();
    ASSERT_TRUE(initialised.ok()) << initialised.message();
  }
};

TEST_F(XmlsecAdapter, ParsesAWellFormedDocument) {
  bool ns_well_formed = false;
  DocPtr doc = ParseHardened("<r xmlns=\"urn:x\" a=\"1\"/>", &ns_well_formed);
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(ns_well_formed);
  EXPECT_TRUE(IsElement(Root(doc), "urn:x", "r"));
  EXPECT_EQ(Attribute(Root(doc), "a"), "1");
}

TEST_F(XmlsecAdapter, RefusesAMalformedDocument) {
  EXPECT_EQ(ParseHardened("<r><s></r>"), nullptr);
  EXPECT_EQ(ParseHardened(""), nullptr);
}

TEST_F(XmlsecAdapter, ReportsAnUndeclaredPrefixAsNotNamespaceWellFormed) {
  bool ns_well_formed = true;
  DocPtr doc = ParseHardened("<r><p:s/></r>", &ns_well_formed);
  ASSERT_NE(doc, nullptr);
  EXPECT_FALSE(ns_well_formed);
}

TEST_F(XmlsecAdapter, LeavesEntitiesUnexpanded) {
  DocPtr doc = ParseHardened("<!DOCTYPE r [<!ENTITY e \"expanded\">]><r>&e;</r>");
  ASSERT_NE(doc, nullptr);
  xmlNode* child = Root(doc)->children;
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->type, XML_ENTITY_REF_NODE);
}

TEST_F(XmlsecAdapter, ReadsUtf8WhateverTheDeclarationSays) {
  // "é" in UTF-8; read as ISO-8859-1 it would become two characters (four bytes).
  DocPtr doc = ParseHardened("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>\xc3\xa9</r>");
  ASSERT_NE(doc, nullptr);
  XmlCharPtr text(xmlNodeGetContent(Root(doc)));
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(text.get())), "\xc3\xa9");
}

TEST_F(XmlsecAdapter, AnAbsentAttributeIsEmpty) {
  DocPtr doc = ParseHardened("<r/>");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(Attribute(Root(doc), "missing"), "");
}

TEST_F(XmlsecAdapter, IsElementNeedsBothNamespaceAndName) {
  DocPtr doc = ParseHardened("<p:r xmlns:p=\"urn:x\"><s/></p:r>");
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(IsElement(Root(doc), "urn:x", "r"));
  EXPECT_FALSE(IsElement(Root(doc), "urn:y", "r"));
  EXPECT_FALSE(IsElement(Root(doc), "urn:x", "s"));
  xmlNode* unqualified = Root(doc)->children;
  ASSERT_NE(unqualified, nullptr);
  EXPECT_FALSE(IsElement(unqualified, "", "s"));  // no namespace at all
  EXPECT_FALSE(IsElement(nullptr, "urn:x", "r"));
}

TEST_F(XmlsecAdapter, LoadsACertificatesPublicKeyFromDer) {
  EXPECT_NE(LoadCertificateKey(ReadTrustFixture("keys/idp-rsa2048.der")), nullptr);
  EXPECT_EQ(LoadCertificateKey("not a certificate"), nullptr);
}

TEST_F(XmlsecAdapter, LoadsAPrivateKeyFromPem) {
  EXPECT_NE(LoadPrivateKey(ReadTrustFixture("keys/sp-rsa2048.key.pem")), nullptr);
  EXPECT_EQ(LoadPrivateKey("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"), nullptr);
}

TEST_F(XmlsecAdapter, KeyFromPublicKeyRefusesNull) {
  EXPECT_EQ(KeyFromPublicKey(nullptr), nullptr);
}

TEST_F(XmlsecAdapter, TakeErrorsEmptiesTheThreadsErrors) {
  EXPECT_EQ(LoadCertificateKey("garbage"), nullptr);  // xmlsec reports why
  EXPECT_FALSE(TakeErrors().empty());
  EXPECT_TRUE(TakeErrors().empty());
}

}  // namespace
}  // namespace samlint::xmlsec
