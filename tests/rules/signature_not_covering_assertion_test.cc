// signature-not-covering-assertion (error): a valid signature exists, but it
// covers neither the assertion the cloud reads nor a Response holding exactly
// that one assertion: the shape of XML signature wrapping. signature.status is
// "invalid", and no value of the wrapped (attacker) assertion, role/admin and
// SessionDuration 43200, is ever reported as signed. (cli-contract.md § Rule
// ids, Trust; § JSON report ("signed"); § Decisions, Default severities and
// Signatures; testdata/trust/README.md and MANIFEST.tsv.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/trust.h"
#include "support/trust_fixture.h"

using ::testing::HasSubstr;

using samlint::testing::CheckSigned;
using samlint::testing::kIdpCert;
using samlint::testing::ReadTrustFixture;
using samlint::testing::WithCert;

namespace {

// The attacker elements' values (testdata/trust/README.md).
constexpr std::int64_t kEvilDuration = 43200;
constexpr std::string_view kEvilRole = "role/admin";
// The ID of the attacker's Assertion, the one the cloud reads in every wrapping fixture.
constexpr std::string_view kEvilAssertionId = "ID=\"_evil-assert-0d7c5b3a19e24f68\"";

/// The start of the element whose opening tag holds `attribute`, up to the end
/// of that attribute: a needle unique to that element, found from the text.
std::string OpeningTagThrough(const std::string& xml, std::string_view attribute) {
  const std::size_t at = xml.find(attribute);
  if (at == std::string::npos) return std::string(attribute);
  const std::size_t lt = xml.rfind('<', at);
  if (lt == std::string::npos) return std::string(attribute);
  return xml.substr(lt, at + attribute.size() - lt);
}

/// No factor, context entry or role marked signed carries the attacker's values.
void ExpectNoSignedEvilValues(const samlint::CheckResult& result) {
  for (const samlint::Evaluation& e : result.evaluations) {
    for (const auto* list : {&e.factors, &e.context}) {
      for (const samlint::Factor& f : *list) {
        const bool evil =
            f.name == samlint::FactorName::kSessionDurationAttribute && f.seconds == kEvilDuration;
        EXPECT_FALSE(evil && f.is_signed == std::optional<bool>(true))
            << "the attacker's SessionDuration 43200 is reported as signed ("
            << samlint::GetScenario(e.scenario).name << ")";
      }
    }
  }
  for (const samlint::RolePair& r : result.roles) {
    const bool evil = r.role.find(kEvilRole) != std::string::npos;
    EXPECT_FALSE(evil && r.is_signed == std::optional<bool>(true))
        << "the attacker's role is reported as signed: " << r.role;
  }
}

}  // namespace

// XSW3: an unsigned attacker Assertion is inserted before the original signed
// one; the cloud reads the first.
TEST(SignatureNotCoveringAssertion, Fires) {
  const std::string xml = ReadTrustFixture("attacks/xsw3.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "signature-not-covering-assertion", samlint::Severity::kError,
                      OpeningTagThrough(xml, kEvilAssertionId));
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("not covered"));
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "invalid");
  EXPECT_TRUE(samlint::HasErrors(result));
  ExpectNoSignedEvilValues(result);
}

// Every wrapping in which a valid signature survives but sits beside, inside or
// around the assertion the cloud reads.
TEST(SignatureNotCoveringAssertion, FiresForEachWrapping) {
  for (const char* file :
       {"attacks/xsw2.xml", "attacks/xsw3.xml", "attacks/xsw4.xml", "attacks/xsw5.xml",
        "attacks/assertion-in-extensions.xml", "attacks/assertion-in-advice.xml"}) {
    SCOPED_TRACE(file);
    const std::string xml = ReadTrustFixture(file);
    const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));

    const samlint::Diagnostic* d =
        ExpectOne(result, "signature-not-covering-assertion", samlint::Severity::kError);
    ASSERT_NE(d, nullptr);
    if (std::string(file) == "attacks/xsw2.xml") {
      // The Response's own signature references the original Response copied
      // inside it: the finding names that signature and its Reference.
      EXPECT_THAT(d->message, HasSubstr("Reference URI=\"#"));
      ExpectLocatedWithin(*d, xml, "<ds:Signature ");
    } else {
      ExpectLocatedWithin(*d, xml, OpeningTagThrough(xml, kEvilAssertionId));
    }
    ASSERT_TRUE(result.signature.has_value());
    EXPECT_EQ(result.signature->status, "invalid");
    EXPECT_THAT(result.signature->covers, ::testing::Not(::testing::Contains("assertion")));
    ExpectNoSignedEvilValues(result);
  }
}

// The untouched response: the signature covers the Assertion read.
TEST(SignatureNotCoveringAssertion, DoesNotFireForTheUntouchedResponse) {
  const std::string xml = ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));
  EXPECT_FALSE(HasRule(result, "signature-not-covering-assertion")) << Describe(result);
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "verified");
  ASSERT_FALSE(result.roles.empty());
  for (const samlint::RolePair& r : result.roles) {
    EXPECT_EQ(r.is_signed, std::optional<bool>(true)) << r.role;
  }
}

// Attacker copies outside the assertion the cloud reads (samlp:Extensions, a
// foreign namespace, a second Assertion after the signed one, a ds:Object of a
// valid Response signature) do not displace it: the read assertion is covered.
TEST(SignatureNotCoveringAssertion, DoesNotFireWhenTheReadAssertionIsStillTheSignedOne) {
  for (const char* file :
       {"attacks/xsw7.xml", "attacks/namespace-prefix-redefinition.xml",
        "attacks/unsigned-assertion-beside-signed.xml", "attacks/assertion-in-object.xml"}) {
    SCOPED_TRACE(file);
    const samlint::CheckResult result = CheckSigned(ReadTrustFixture(file), WithCert(kIdpCert));
    EXPECT_FALSE(HasRule(result, "signature-not-covering-assertion")) << Describe(result);
    ASSERT_TRUE(result.signature.has_value());
    EXPECT_EQ(result.signature->status, "verified");
    ExpectNoSignedEvilValues(result);
  }
}

// Without an anchor no signature is known valid, so none is "not covering".
TEST(SignatureNotCoveringAssertion, DoesNotFireWithoutATrustAnchor) {
  const samlint::CheckResult result =
      CheckSigned(ReadTrustFixture("attacks/xsw3.xml"), samlint::CheckOptions{});
  EXPECT_FALSE(HasRule(result, "signature-not-covering-assertion")) << Describe(result);
  ExpectNoSignedEvilValues(result);
}

// A valid Response signature over two assertions vouches for both, so for
// neither in particular: not verified, and the finding says why.
TEST(SignatureNotCoveringAssertion, FiresForASignedResponseWithTwoAssertions) {
  const std::string xml = ReadTrustFixture("hostile/response-signed-two-assertions.xml");
  const samlint::CheckResult result = CheckSigned(xml, WithCert(kIdpCert));
  const samlint::Diagnostic* d =
      ExpectOne(result, "signature-not-covering-assertion", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"carries 2 assertions", "does not single out"});
  ASSERT_TRUE(result.signature.has_value());
  EXPECT_EQ(result.signature->status, "invalid");
  EXPECT_EQ(result.signature->covers, std::vector<std::string>{"response"});
  ExpectNoSignedEvilValues(result);
}
