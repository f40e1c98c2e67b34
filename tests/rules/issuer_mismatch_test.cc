// issuer-mismatch (error): the response's Issuer is not the entityID of the IdP
// metadata given with --idp-metadata (cli-contract.md § Declarations:
// "its entityID must equal the Issuer"). Not yet listed among the contract's
// rule ids; a trust rule, and every trust rule except certificate-expired and
// signature-weak-algorithm is an error (§ Decisions, Default severities). The
// signature itself still verifies with the metadata's key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/trust.h"
#include "support/trust_fixture.h"


using samlint::testing::CheckSigned;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;
using samlint::testing::WithMetadata;

namespace {

constexpr const char* kSigned = "valid/aws-assertion-signed-sha256-exc.xml";

/// The Response's own Issuer element (the first in the document), from its
/// '<' through its text: the place the finding is about.
std::string ResponseIssuer(const std::string& xml) {
  const std::size_t lt = xml.find("<saml:Issuer");
  if (lt == std::string::npos) return "<saml:Issuer";
  const std::size_t end = xml.find("</saml:Issuer>", lt);
  if (end == std::string::npos) return "<saml:Issuer";
  return xml.substr(lt, end - lt);
}

}  // namespace

// Right key, but the metadata's entityID is https://other.example.com while
// the Issuer is https://idp.example.com/saml.
TEST(IssuerMismatch, Fires) {
  const std::string xml = ReadTrustFixture(kSigned);
  const samlint::CheckResult result =
      CheckSigned(xml, WithMetadata("keys/idp-metadata-other-entity.xml"));

  const samlint::Diagnostic* d = ExpectOneWithin(result, xml, "issuer-mismatch",
                                                 samlint::Severity::kError, ResponseIssuer(xml));
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"https://other.example.com", "https://idp.example.com/saml"});
  ASSERT_NE(ResponseIssuer(xml).find("https://idp.example.com/saml"), std::string::npos);
  EXPECT_TRUE(samlint::HasErrors(result));
  // The key is the IdP's: the signature itself verifies.
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
}

// Fixed: metadata whose entityID equals the Issuer.
TEST(IssuerMismatch, DoesNotFireWhenTheEntityIdIsTheIssuer) {
  const samlint::CheckResult result =
      CheckSigned(ReadTrustFixture(kSigned), WithMetadata("keys/idp-metadata.xml"));
  EXPECT_FALSE(HasRule(result, "issuer-mismatch")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
  EXPECT_FALSE(samlint::HasErrors(result)) << Describe(result);
}

// A bare --cert carries no entityID: there is nothing to compare the Issuer with.
TEST(IssuerMismatch, DoesNotFireWithACertificateAlone) {
  const samlint::CheckResult result =
      CheckSigned(ReadTrustFixture(kSigned), WithCert("keys/idp-rsa2048.cert.pem"));
  EXPECT_FALSE(HasRule(result, "issuer-mismatch")) << Describe(result);
}
