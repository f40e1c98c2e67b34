// declare/inputs: the command line's declarations as a scenario's inputs.
#include "declare/inputs.h"

#include <gtest/gtest.h>

namespace samlint {
namespace {

TEST(DeclarationsFromOptions, NamesEachValueAfterItsOption) {
  CheckOptions options;
  options.role_max_session = 43200;
  options.duration_seconds = 7200;
  options.login_session = 21600;
  options.permission_set_session = 28800;
  ScenarioInputs in = DeclarationsFromOptions(Cloud::kAliyun, options);
  EXPECT_EQ(in.cloud, Cloud::kAliyun);
  ASSERT_TRUE(in.role_max_session && in.duration_seconds && in.login_session &&
              in.permission_set_session);
  EXPECT_EQ(in.role_max_session->seconds, 43200);
  EXPECT_EQ(in.role_max_session->via, "--role-max-session");
  EXPECT_EQ(in.duration_seconds->seconds, 7200);
  EXPECT_EQ(in.duration_seconds->via, "--duration-seconds");
  EXPECT_EQ(in.login_session->seconds, 21600);
  EXPECT_EQ(in.login_session->via, "--login-session");
  EXPECT_EQ(in.permission_set_session->seconds, 28800);
  EXPECT_EQ(in.permission_set_session->via, "--permission-set-session");
}

TEST(DeclarationsFromOptions, UndeclaredValuesStayAbsent) {
  ScenarioInputs in = DeclarationsFromOptions(Cloud::kAws, CheckOptions{});
  EXPECT_EQ(in.cloud, Cloud::kAws);
  EXPECT_FALSE(in.role_max_session.has_value());
  EXPECT_FALSE(in.duration_seconds.has_value());
  EXPECT_FALSE(in.login_session.has_value());
  EXPECT_FALSE(in.permission_set_session.has_value());
  EXPECT_FALSE(in.target.has_value());
  EXPECT_FALSE(in.role_chaining);
  EXPECT_FALSE(in.from_document);
}

TEST(DeclarationsFromOptions, CarriesRoleChainingAndTarget) {
  CheckOptions options;
  options.role_chaining = true;
  options.target = 8 * 3600;
  ScenarioInputs in = DeclarationsFromOptions(Cloud::kAws, options);
  EXPECT_TRUE(in.role_chaining);
  EXPECT_EQ(in.target, 8 * 3600);
}

}  // namespace
}  // namespace samlint
