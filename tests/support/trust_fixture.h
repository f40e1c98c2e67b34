// Signed fixtures of testdata/trust and the trust anchors that check them,
// for tests that run the library on them. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "samlint/check.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "samlint/trust.h"

namespace samlint::testing {

inline constexpr const char* kIdpCert = "keys/idp-rsa2048.cert.pem";

inline std::string TrustPath(const std::string& relative) {
  return std::string(SAMLINT_TESTDATA) + "/trust/" + relative;
}

inline std::string ReadTrustFixture(const std::string& relative) {
  std::ifstream in(TrustPath(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << TrustPath(relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Options whose trust anchors `load` reads from `file` (relative to testdata/trust).
inline CheckOptions WithAnchorsFrom(Status (*load)(const std::string&, TrustStore&),
                                    const std::string& file) {
  auto store = std::make_shared<TrustStore>();
  const Status added = load(TrustPath(file), *store);
  EXPECT_TRUE(added.ok()) << file << ": " << added.message();
  CheckOptions options;
  options.trust_store = store;
  return options;
}

/// Options whose only trust anchor is `cert` (relative to testdata/trust).
inline CheckOptions WithCert(const std::string& cert = kIdpCert) {
  return WithAnchorsFrom(AddCertificateFile, cert);
}

/// Options whose trust anchors come from the metadata file `metadata`
/// (relative to testdata/trust).
inline CheckOptions WithMetadata(const std::string& metadata) {
  return WithAnchorsFrom(AddMetadataFile, metadata);
}

/// CheckBytes on a signed fixture's bytes, as the document "x.xml".
inline CheckResult CheckSigned(const std::string& xml, const CheckOptions& options) {
  return CheckBytes("x.xml", xml, options);
}

/// No document factor, context value or role is reported as signed.
inline void ExpectNothingSigned(const CheckResult& result) {
  for (const Evaluation& e : result.evaluations) {
    for (const auto* list : {&e.factors, &e.context}) {
      for (const Factor& f : *list) {
        EXPECT_NE(f.is_signed, std::optional<bool>(true)) << FactorKey(f.name);
      }
    }
  }
  for (const RolePair& r : result.roles) {
    EXPECT_NE(r.is_signed, std::optional<bool>(true)) << r.role;
  }
}

/// `text` with the first `from` replaced by `to` (fails the test when absent).
inline std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace samlint::testing
