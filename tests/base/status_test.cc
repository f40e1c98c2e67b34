// The library's error convention (samlint/status.h).
#include "samlint/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace samlint {
namespace {

TEST(StatusTest, DefaultIsOkWithoutMessage) {
  const Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
}

TEST(StatusTest, ErrorKeepsMessageAndCode) {
  const Status status = Status::Error("cannot read x", StatusCode::kNotFound);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "cannot read x");
  EXPECT_EQ(Status::Error("bad").code(), StatusCode::kInvalid);
  EXPECT_FALSE(Status::Error("still an error", StatusCode::kOk).ok());
}

TEST(ResultTest, HoldsAValue) {
  Result<std::string> result = std::string("value");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "value");
  EXPECT_EQ(result->size(), 5u);
  EXPECT_TRUE(result.status().ok());
  EXPECT_EQ(result.error(), "");
  const std::string moved = std::move(result).value();
  EXPECT_EQ(moved, "value");
}

TEST(ResultTest, HoldsAnError) {
  const Result<int> result = Status::Error("no number", StatusCode::kInvalid);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.error(), "no number");
  EXPECT_EQ(result.status().code(), StatusCode::kInvalid);
}

TEST(ResultTest, AnOkStatusIsNoValue) {
  const Result<int> result = Status();
  EXPECT_FALSE(result.ok());
}

TEST(ResultTest, MoveOnlyValues) {
  Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
  ASSERT_TRUE(result.ok());
  std::unique_ptr<int> taken = std::move(result).value();
  EXPECT_EQ(*taken, 7);
}

}  // namespace
}  // namespace samlint
