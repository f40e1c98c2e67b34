// Bounded work: responses carrying thousands of ds:Signature elements, and a
// 15 MiB attribute value. They are megabytes, so they are built here from the
// committed, validly signed testdata/trust/valid/aws-assertion-signed-sha256-exc.xml
// (testdata/trust/README.md, hostile/). The read Assertion's own signature
// still verifies in each, so the status is verified; what lies beyond the
// `signatures` limit (include/samlint/limits.h, default 16) is reported with
// limit-exceeded, not verified. The work samlint did is checked through
// CheckResult::work (WorkCounters in samlint/result.h), never by the clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/check.h"
#include "samlint/diagnostic.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "samlint/trust.h"
#include "support/check_result.h"
#include "trust/trust_util.h"

namespace samlint::trust_test {
namespace {

using samlint::testing::RuleIdsOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSeed = "trust/valid/aws-assertion-signed-sha256-exc.xml";
constexpr std::string_view kIdpCert = "trust/keys/idp-rsa2048.cert.pem";
constexpr std::string_view kRolloverCert = "trust/keys/idp-rollover-rsa2048.cert.pem";
constexpr std::string_view kRespId = "_resp-3f9a1c7e52b84d06a1e4";
constexpr std::string_view kDsNs = "http://www.w3.org/2000/09/xmldsig#";

// One verification canonicalizes SignedInfo and the one element its Reference
// names; the limit bounds verifications per trust anchor.
constexpr std::size_t kCanonicalizationsPerVerification = 2;

std::string Seed() { return ReadFile(TestData(std::string(kSeed))); }

/// `block` inserted right after the Response's Issuer (the first one in the
/// seed), where a Response signature sits.
std::string AfterResponseIssuer(std::string doc, const std::string& block) {
  const std::string marker = "</saml:Issuer>\n";
  const std::size_t at = doc.find(marker);
  EXPECT_NE(at, std::string::npos);
  doc.insert(at + marker.size(), block);
  return doc;
}

/// A ds:Signature whose Reference names `uri` and whose digest and
/// SignatureValue are wrong: verifying it costs a canonicalization of what
/// `uri` names (the whole Response), then fails.
std::string JunkSignature(std::string_view uri, std::size_t n) {
  std::string digest = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + std::to_string(n % 10) + "=";
  return std::string("  <ds:Signature xmlns:ds=\"") + std::string(kDsNs) +
         "\"><ds:SignedInfo>"
         "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
         "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
         "<ds:Reference URI=\"" +
         std::string(uri) +
         "\"><ds:Transforms>"
         "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
         "</ds:Transforms>"
         "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
         "<ds:DigestValue>" +
         digest +
         "</ds:DigestValue></ds:Reference></ds:SignedInfo>"
         "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>\n";
}

std::string Repeat(std::size_t count, const std::function<std::string(std::size_t)>& make) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += make(i);
  return out;
}

/// The seed with `count` junk Response signatures over the Response (#ID).
std::string WithJunkSignatures(std::size_t count) {
  const std::string uri = "#" + std::string(kRespId);
  return AfterResponseIssuer(Seed(),
                             Repeat(count, [&](std::size_t i) { return JunkSignature(uri, i); }));
}

/// The seed with `count` junk signatures whose Reference is URI="" (the whole document).
std::string WithEmptyUriSignatures(std::size_t count) {
  return AfterResponseIssuer(Seed(),
                             Repeat(count, [](std::size_t i) { return JunkSignature("", i); }));
}

/// The seed with `count` copies of the Assertion's own ds:Signature (its
/// SignedInfo and SignatureValue intact, KeyInfo dropped to stay under the
/// 16 MiB input limit) as children of the Response.
std::string WithSignatureCopies(std::size_t count) {
  const std::string seed = Seed();
  const std::size_t begin = seed.find("<ds:Signature ");
  const std::size_t end = seed.find("</ds:Signature>") + std::string_view("</ds:Signature>").size();
  std::string sig = seed.substr(begin, end - begin);
  const std::size_t k0 = sig.find("<ds:KeyInfo>");
  const std::size_t k1 = sig.find("</ds:KeyInfo>") + std::string_view("</ds:KeyInfo>").size();
  EXPECT_NE(k0, std::string::npos);
  sig.erase(k0, k1 - k0);
  const std::string copy = "  " + sig + "\n";
  return AfterResponseIssuer(seed, Repeat(count, [&](std::size_t) { return copy; }));
}

CheckOptions WithAnchors(const std::vector<std::string_view>& certs) {
  auto store = std::make_shared<TrustStore>();
  for (std::string_view cert : certs) {
    const Status added = AddCertificateFile(TestData(std::string(cert)), *store);
    EXPECT_TRUE(added.ok()) << cert << ": " << added.message();
  }
  CheckOptions options;
  options.trust_store = store;
  return options;
}

std::string Describe(const CheckResult& r) {
  std::string out = "status " + (r.signature ? r.signature->status : std::string("<none>"));
  for (const Diagnostic& d : r.diagnostics) {
    out += "\n  " + d.rule + " (" + std::string(SeverityName(d.severity)) +
           "): " + d.message.substr(0, 300);
  }
  return out;
}

/// CheckResult::work, once samlint has it (include/samlint/result.h:
/// struct WorkCounters { signatures_seen, verifications, canonicalizations,
/// xml_nodes }); nullopt while it does not, so this file compiles either way.
struct Work {
  std::size_t signatures_seen = 0;
  std::size_t verifications = 0;
  std::size_t canonicalizations = 0;
  std::size_t xml_nodes = 0;
};

template <typename Result>
std::optional<Work> WorkOf(const Result& r) {
  if constexpr (requires {
                  r.work.signatures_seen;
                  r.work.verifications;
                  r.work.canonicalizations;
                  r.work.xml_nodes;
                }) {
    return Work{r.work.signatures_seen, r.work.verifications, r.work.canonicalizations,
                r.work.xml_nodes};
  } else {
    (void)r;
    return std::nullopt;
  }
}

/// Finished with limit-exceeded (error, naming the `signatures` limit and
/// how to raise it), the read Assertion's signature verified, nothing of the
/// attacker's signed, and work bounded by the limit and the anchors.
void ExpectBounded(const CheckResult& r, const CheckOptions& options, std::size_t signatures,
                   std::size_t anchors) {
  SCOPED_TRACE(Describe(r));
  bool named = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule != "limit-exceeded") continue;
    EXPECT_EQ(d.severity, Severity::kError);
    if (d.message.find("signatures") != std::string::npos &&
        d.message.find("--limit signatures=") != std::string::npos) {
      named = true;
    }
  }
  EXPECT_THAT(RuleIdsOf(r), Contains("limit-exceeded"));
  EXPECT_TRUE(named) << "limit-exceeded must name the limit (signatures) and --limit signatures=N";
  EXPECT_TRUE(HasErrors(r));
  ASSERT_TRUE(r.signature.has_value());
  // The read Assertion's own signature is verified first and holds, but the
  // Response carries signatures that do not verify: a cloud that checks the
  // Response's signature refuses it, so the response is not verified.
  EXPECT_EQ(r.signature->status, "invalid");
  EXPECT_THAT(r.signature->covers, Contains("assertion"));
  for (const Evaluation& e : r.evaluations) {
    for (const Factor& f : e.factors) EXPECT_NE(f.is_signed, std::optional<bool>(true));
  }
  for (const RolePair& role : r.roles) {
    EXPECT_THAT(role.role, Not(HasSubstr("role/admin")));
  }

  const std::optional<Work> work = WorkOf(r);
  ASSERT_TRUE(work.has_value())
      << "CheckResult::work (struct WorkCounters in include/samlint/result.h) does not exist yet";
  const std::size_t limit = options.limits.signatures;
  EXPECT_LE(work->verifications, limit * anchors) << "signatures in the document: " << signatures;
  EXPECT_LE(work->canonicalizations, kCanonicalizationsPerVerification * limit * anchors);
  EXPECT_GT(work->signatures_seen, limit) << "it must have seen more than the limit to report it";
  EXPECT_LE(work->signatures_seen, signatures + 1);  // + the Assertion's own
  EXPECT_LE(work->xml_nodes, options.limits.xml_nodes);
  EXPECT_GT(work->xml_nodes, 0u);
}

TEST(HostileWork, FourThousandJunkSignatures) {
  const std::string doc = WithJunkSignatures(4000);
  ASSERT_GT(doc.size(), 1'500'000u);
  ASSERT_LT(doc.size(), kMaxInputBytes);
  const CheckOptions options = WithAnchors({kIdpCert});
  ExpectBounded(CheckBytes("junk-signatures.xml", doc, options), options, 4000, 1);
}

TEST(HostileWork, FourThousandJunkSignaturesTwoAnchors) {
  const std::string doc = WithJunkSignatures(4000);
  const CheckOptions options = WithAnchors({kIdpCert, kRolloverCert});
  ExpectBounded(CheckBytes("junk-signatures.xml", doc, options), options, 4000, 2);
}

TEST(HostileWork, TwelveThousandCopiesOfAValidSignature) {
  const std::string doc = WithSignatureCopies(12015);
  ASSERT_LT(doc.size(), kMaxInputBytes) << "the copies must stay below the input limit";
  const CheckOptions options = WithAnchors({kIdpCert});
  ExpectBounded(CheckBytes("signature-copies.xml", doc, options), options, 12015, 1);
}

TEST(HostileWork, ManyEmptyUriSignatures) {
  const std::string doc = WithEmptyUriSignatures(6000);
  ASSERT_GT(doc.size(), 2'000'000u);
  ASSERT_LT(doc.size(), kMaxInputBytes);
  const CheckOptions options = WithAnchors({kIdpCert});
  ExpectBounded(CheckBytes("empty-uri-signatures.xml", doc, options), options, 6000, 1);
}

TEST(HostileWork, RaisingTheLimitLiftsTheFinding) {
  const std::string doc = WithJunkSignatures(20);
  CheckOptions options = WithAnchors({kIdpCert});
  const CheckResult at_default = CheckBytes("junk-signatures.xml", doc, options);
  EXPECT_THAT(RuleIdsOf(at_default), Contains("limit-exceeded")) << Describe(at_default);

  options.limits.signatures = 64;
  const CheckResult raised = CheckBytes("junk-signatures.xml", doc, options);
  EXPECT_THAT(RuleIdsOf(raised), Not(Contains("limit-exceeded"))) << Describe(raised);
  ASSERT_TRUE(raised.signature.has_value());
  // Every junk signature on the Response was checked, and failed.
  EXPECT_EQ(raised.signature->status, "invalid") << Describe(raised);
  const std::optional<Work> work = WorkOf(raised);
  ASSERT_TRUE(work.has_value()) << "CheckResult::work does not exist yet";
  EXPECT_EQ(work->verifications, 21u);
  EXPECT_GE(work->signatures_seen, 21u);
}

TEST(HostileWork, LimitOptionOnTheCommandLine) {
  const std::string path = ::testing::TempDir() + "samlint-hostile-20-signatures.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << WithJunkSignatures(20);
  }
  const std::string cert = TestData(std::string(kIdpCert));
  const Checked at_default = Check({path, "--cert", cert});
  EXPECT_THAT(Rules(at_default.Result()), Contains("limit-exceeded")) << at_default.Dump();
  EXPECT_EQ(at_default.run.exit_code, 1) << at_default.Dump();
  const Checked raised = Check({path, "--cert", cert, "--limit", "signatures=64"});
  EXPECT_THAT(Rules(raised.Result()), Not(Contains("limit-exceeded"))) << raised.Dump();
  EXPECT_EQ(Get(Get(raised.Result(), "signature"), "status"), "invalid") << raised.Dump();
  std::remove(path.c_str());
}

// A 15 MiB Role value (the signature no longer verifies, which does not
// matter here): the JSON report stays under 1 MB, because long values are
// shortened in messages and reports.
TEST(HostileWork, FifteenMebibyteAttributeValueKeepsTheReportSmall) {
  std::string doc = Seed();
  const std::string role = "arn:aws:iam::123456789012:role/ops";
  const std::size_t at = doc.find(role);
  ASSERT_NE(at, std::string::npos);
  doc.insert(at + role.size(), std::string(std::size_t{15} << 20, 'x'));
  ASSERT_LT(doc.size(), kMaxInputBytes);

  const std::string path = ::testing::TempDir() + "samlint-hostile-15mib-role.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << doc;
  }
  const Checked c = Check({path, "--cert", TestData(std::string(kIdpCert))});
  std::remove(path.c_str());
  EXPECT_LT(c.run.out.size(), 1'000'000u) << "the JSON report is " << c.run.out.size() << " bytes";
  EXPECT_LT(c.run.err.size(), 1'000'000u);
  ASSERT_TRUE(c.report.is_object()) << c.run.out.substr(0, 2000);
  EXPECT_EQ(c.ResultCount(), 1u);
  EXPECT_EQ(c.run.exit_code, 1) << "the signature no longer verifies: an error";
  ExpectNoSignedEvilValues(c.Result());
}

}  // namespace
}  // namespace samlint::trust_test
