// declare/roles: the Role attribute's "role ARN,provider ARN" pairs.
#include "parse/roles.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace samlint {
namespace {

constexpr const char* kAwsRoleArn = "arn:aws:iam::123456789012:role/path/ops";
constexpr const char* kAwsProvider = "arn:aws:iam::123456789012:saml-provider/Okta";
constexpr const char* kAliyunRoleArn = "acs:ram::1234567890123456:role/ops";
constexpr const char* kAliyunProvider = "acs:ram::1234567890123456:saml-provider/idp";

std::optional<ParsedRole> Parse(Cloud cloud, const std::string& value, std::string* why = nullptr) {
  Result<ParsedRole> parsed = ParseRoleValue(cloud, value);
  if (why != nullptr) *why = parsed.error();
  if (!parsed.ok()) return std::nullopt;
  return std::move(parsed).value();
}

TEST(Roles, RoleNameIsTheLastPathSegment) {
  EXPECT_EQ(RoleNameOf(kAwsRoleArn), "ops");
  EXPECT_EQ(RoleNameOf(kAliyunRoleArn), "ops");
  EXPECT_EQ(RoleNameOf("no-slash"), "no-slash");
}

TEST(Roles, EitherOrderOfRoleAndProvider) {
  for (const std::string& value : {std::string(kAwsRoleArn) + "," + kAwsProvider,
                                   std::string(kAwsProvider) + "," + kAwsRoleArn,
                                   "  " + std::string(kAwsRoleArn) + "," + kAwsProvider + "\n"}) {
    const std::optional<ParsedRole> parsed = Parse(Cloud::kAws, value);
    ASSERT_TRUE(parsed.has_value()) << value;
    EXPECT_EQ(parsed->role, kAwsRoleArn);
    EXPECT_EQ(parsed->provider, kAwsProvider);
    EXPECT_EQ(parsed->role_name, "ops");
  }
}

TEST(Roles, EveryAwsPartitionIsAccepted) {
  for (const char* partition : {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"}) {
    const std::string prefix = std::string("arn:") + partition + ":iam::123456789012:";
    EXPECT_TRUE(Parse(Cloud::kAws, prefix + "role/r," + prefix + "saml-provider/p").has_value())
        << partition;
  }
  EXPECT_FALSE(Parse(Cloud::kAws,
                     "arn:aws-xx:iam::123456789012:role/r,"
                     "arn:aws-xx:iam::123456789012:saml-provider/p")
                   .has_value());
}

TEST(Roles, AliyunPairs) {
  const std::optional<ParsedRole> parsed =
      Parse(Cloud::kAliyun, std::string(kAliyunRoleArn) + "," + kAliyunProvider);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->role, kAliyunRoleArn);
  EXPECT_EQ(parsed->provider, kAliyunProvider);
  std::string why;
  EXPECT_FALSE(Parse(Cloud::kAliyun, std::string(kAwsRoleArn) + "," + kAwsProvider, &why));
  EXPECT_EQ(why, "expected acs:ram::ACCOUNT:role/NAME,acs:ram::ACCOUNT:saml-provider/NAME");
}

TEST(Roles, AnAwsAccountHasTwelveDigits) {
  EXPECT_FALSE(Parse(Cloud::kAws,
                     "arn:aws:iam::12345678901:role/r,"
                     "arn:aws:iam::12345678901:saml-provider/p")
                   .has_value());
  EXPECT_FALSE(Parse(Cloud::kAws,
                     "arn:aws:iam::12345678901x:role/r,"
                     "arn:aws:iam::12345678901x:saml-provider/p")
                   .has_value());
}

TEST(Roles, TwoRolesOrTwoProvidersAreNoPair) {
  std::string why;
  EXPECT_FALSE(Parse(Cloud::kAws, std::string(kAwsRoleArn) + "," + kAwsRoleArn, &why));
  EXPECT_EQ(why, "expected arn:aws:iam::ACCOUNT:role/NAME,arn:aws:iam::ACCOUNT:saml-provider/NAME");
  EXPECT_FALSE(Parse(Cloud::kAws, std::string(kAwsProvider) + "," + kAwsProvider));
  EXPECT_FALSE(
      Parse(Cloud::kAws, "arn:aws:iam::123456789012:role/ends/," + std::string(kAwsProvider)));
}

TEST(Roles, EmptySpacedAndOverlongValuesSayWhy) {
  std::string why;
  EXPECT_FALSE(Parse(Cloud::kAws, "  ", &why));
  EXPECT_EQ(why, "the value is empty");
  EXPECT_FALSE(Parse(Cloud::kAws, std::string(kAwsRoleArn) + ", " + kAwsProvider, &why));
  EXPECT_EQ(why, "it contains white space; the two ARNs must be separated by a single comma");
  EXPECT_FALSE(Parse(Cloud::kAws, std::string(4098, 'a'), &why));
  EXPECT_EQ(why.rfind("it is 4098 bytes long", 0), 0u) << why;
  EXPECT_FALSE(Parse(Cloud::kAws, kAwsRoleArn, &why));
  EXPECT_EQ(why, "it is not a role ARN and a saml-provider ARN separated by one comma");
}

TEST(Roles, ACommaInsideARoleNameSplitsTheOneWayThatWorks) {
  const std::string role = "arn:aws:iam::123456789012:role/a,b";
  const std::optional<ParsedRole> parsed = Parse(Cloud::kAws, role + "," + kAwsProvider);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->role, role);
  EXPECT_EQ(parsed->provider, kAwsProvider);
  EXPECT_EQ(parsed->role_name, "a,b");
}

}  // namespace
}  // namespace samlint
