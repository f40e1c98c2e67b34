// Helpers of the artifact reader tests (tests/input/*_test.cc): fixtures of
// testdata/artifacts and the parts SplitArtifact makes of them. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/codec.h"
#include "input/artifacts.h"
#include "samlint/timestamp.h"
#include "support/testdata.h"

namespace samlint::testing {

inline SplitInput SplitFixture(const std::string& relative) {
  return SplitArtifact(ReadTestdata("artifacts/" + relative));
}

/// SplitFixture of a file that must read as a `kind` artifact without error.
inline SplitInput SplitFixtureOf(const std::string& relative, std::string_view kind) {
  SplitInput split = SplitFixture(relative);
  EXPECT_EQ(split.kind, kind) << relative;
  EXPECT_EQ(split.error, "") << relative;
  return split;
}

inline std::string DecodedSaml(const ArtifactPart& part) {
  std::string xml;
  EXPECT_TRUE(DecodeBase64(part.saml, xml)) << part.pointer;
  return xml;
}

inline Timestamp At(std::string_view iso) {
  const std::optional<Timestamp> t = ParseDateTime(iso);
  EXPECT_TRUE(t.has_value()) << iso;
  return t.value_or(Timestamp{});
}

inline std::vector<std::string> Pointers(const SplitInput& split) {
  std::vector<std::string> pointers;
  for (const ArtifactPart& part : split.parts) {
    pointers.push_back(part.pointer);
  }
  return pointers;
}

inline const ArtifactPart* PartAt(const SplitInput& split, std::string_view pointer) {
  for (const ArtifactPart& part : split.parts) {
    if (part.pointer == pointer) {
      return &part;
    }
  }
  ADD_FAILURE() << "no part " << pointer;
  return nullptr;
}

}  // namespace samlint::testing
