// Google Cloud workforce pools as declarations: `gcloud iam workforce-pools
// describe POOL --location=global --format=json` and a Terraform
// google_iam_workforce_pool (more-clouds.md § Declarations and fixes).
#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "samlint/declarations.h"

namespace samlint {
namespace {

std::string FixturePath(std::string_view name) {
  return std::string(SAMLINT_TESTDATA) + "/declarations/" + std::string(name);
}

/// "path:line" of the first line of fixture `name` holding `needle`.
std::string SourceOf(std::string_view name, std::string_view needle) {
  std::ifstream in(FixturePath(name), std::ios::binary);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(needle) != std::string::npos) return FixturePath(name) + ":" + std::to_string(n);
  }
  ADD_FAILURE() << needle << " not in " << name;
  return {};
}

Declarations Load(std::string_view name) {
  Declarations out;
  Status error = LoadDeclarations(FixturePath(name), out);
  EXPECT_TRUE(error.ok()) << error.message();
  return out;
}

TEST(DeclarationsGcloud, DescribeWorkforcePool) {
  constexpr const char* kFile = "gcloud-workforce-pool.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.workforce_pools.size(), 1u);
  const DeclaredWorkforcePool& p = d.workforce_pools[0];
  EXPECT_EQ(p.pool, "corp-staff");
  EXPECT_EQ(p.session_duration, std::optional<std::int64_t>(28800));
  EXPECT_EQ(p.source, SourceOf(kFile, "\"sessionDuration\""));
  EXPECT_EQ(p.origin, "gcloud iam workforce-pools describe");
  EXPECT_FALSE(p.disabled);
  EXPECT_FALSE(p.programmatic_signin_disabled) << "false is not true";
  EXPECT_TRUE(d.roles.empty());
}

TEST(DeclarationsGcloud, UnsetSessionDurationAndRestrictions) {
  constexpr const char* kFile = "gcloud-workforce-pool-restricted.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.workforce_pools.size(), 1u);
  const DeclaredWorkforcePool& p = d.workforce_pools[0];
  EXPECT_FALSE(p.session_duration.has_value());
  EXPECT_EQ(p.source, SourceOf(kFile, "\"name\""));
  EXPECT_TRUE(p.programmatic_signin_disabled);
  EXPECT_EQ(p.programmatic_source, SourceOf(kFile, "disableProgrammaticSignin"));

  Declarations disabled = Load("gcloud-workforce-pool-disabled.json");
  ASSERT_EQ(disabled.workforce_pools.size(), 1u);
  EXPECT_TRUE(disabled.workforce_pools[0].disabled);
  EXPECT_EQ(disabled.workforce_pools[0].disabled_source,
            SourceOf("gcloud-workforce-pool-disabled.json", "\"disabled\""));
  EXPECT_EQ(disabled.workforce_pools[0].session_duration, std::optional<std::int64_t>(43200));
}

TEST(DeclarationsGcloud, ABadDurationIsUnresolved) {
  for (const char* value : {"\"8h\"", "\"3600\"", "3600", "\"-5s\"", "{}"}) {
    Declarations d;
    std::string text = std::string("{\"name\": \"locations/global/workforcePools/p1\", ") +
                       "\"sessionDuration\": " + value + "}";
    Status error = ParseDeclarations(text, "pool.json", d);
    ASSERT_TRUE(error.ok()) << value << ": " << error.message();
    EXPECT_TRUE(d.workforce_pools.empty()) << value;
    ASSERT_EQ(d.unresolved.size(), 1u) << value;
    EXPECT_EQ(d.unresolved[0].what, "sessionDuration of workforce pool p1");
    EXPECT_EQ(d.unresolved[0].source, "pool.json:1");
  }
}

TEST(DeclarationsGcloud, OtherNamesAreNoPool) {
  for (const char* name : {"locations/global/workforcePools/", "locations/global/workforcePools/p/"
                           "providers/x", "projects/1/locations/global/workloadIdentityPools/p"}) {
    Declarations d;
    std::string text = std::string("{\"name\": \"") + name + "\", \"sessionDuration\": \"60s\"}";
    Status error = ParseDeclarations(text, "pool.json", d);
    EXPECT_FALSE(error.ok()) << name;
    EXPECT_TRUE(d.workforce_pools.empty()) << name;
  }
  // A list (gcloud iam workforce-pools list --format=json) is a list of pools.
  Declarations list;
  ASSERT_TRUE(ParseDeclarations("[{\"name\": \"locations/global/workforcePools/a\"}, "
                                "{\"name\": \"locations/global/workforcePools/b\", "
                                "\"sessionDuration\": \"900s\"}]",
                                "pools.json", list)
                  .ok());
  ASSERT_EQ(list.workforce_pools.size(), 2u);
  EXPECT_EQ(list.workforce_pools[1].pool, "b");
  EXPECT_EQ(list.workforce_pools[1].session_duration, std::optional<std::int64_t>(900));
}

TEST(DeclarationsTerraform, GoogleWorkforcePool) {
  constexpr const char* kFile = "terraform-workforce-pool.json";
  Declarations d = Load(kFile);
  ASSERT_EQ(d.workforce_pools.size(), 1u);
  const DeclaredWorkforcePool& p = d.workforce_pools[0];
  EXPECT_EQ(p.pool, "corp-staff");
  EXPECT_EQ(p.session_duration, std::optional<std::int64_t>(7200)) << "the fraction is dropped";
  EXPECT_EQ(p.source, SourceOf(kFile, "\"session_duration\""));
  EXPECT_EQ(p.origin, "Terraform plan google_iam_workforce_pool.staff");
  EXPECT_FALSE(p.disabled);
  EXPECT_TRUE(p.programmatic_signin_disabled);
  EXPECT_EQ(p.programmatic_source, SourceOf(kFile, "disable_programmatic_signin"));
}

}  // namespace
}  // namespace samlint
