// idp/terraform_keycloak: the Go durations the Keycloak provider writes.
#include "idp/terraform_keycloak.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace samlint::idp {
namespace {

TEST(TerraformKeycloak, GoDurationAddsHoursMinutesAndSeconds) {
  EXPECT_EQ(GoDuration("10h0m0s"), std::optional<std::int64_t>(36000));
  EXPECT_EQ(GoDuration("1h30m"), std::optional<std::int64_t>(5400));
  EXPECT_EQ(GoDuration("30m"), std::optional<std::int64_t>(1800));
  EXPECT_EQ(GoDuration("45s"), std::optional<std::int64_t>(45));
  EXPECT_EQ(GoDuration("300"), std::optional<std::int64_t>(300)) << "plain seconds";
}

TEST(TerraformKeycloak, GoDurationRefusesOtherUnitsAndShapes) {
  EXPECT_EQ(GoDuration(""), std::nullopt);
  EXPECT_EQ(GoDuration("10"), std::optional<std::int64_t>(10));
  EXPECT_EQ(GoDuration("10d"), std::nullopt);
  EXPECT_EQ(GoDuration("h"), std::nullopt);
  EXPECT_EQ(GoDuration("10h5"), std::nullopt);
  EXPECT_EQ(GoDuration("1.5h"), std::nullopt);
  EXPECT_EQ(GoDuration(std::string(33, '1') + "s"), std::nullopt);
}

}  // namespace
}  // namespace samlint::idp
