// The size-limited file reader (base/file).
#include "base/file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace samlint {
namespace {

/// A file in the temporary directory holding `content` (named per process:
/// other checkouts may run the same test at the same time).
std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ReadFileUpToTest, ReadsAWholeFileWithinTheLimit) {
  const std::string path = TempFile("file-small", "abc");
  const Result<LimitedBytes> read = ReadFileUpTo(path, 16);
  ASSERT_TRUE(read.ok()) << read.error();
  EXPECT_EQ(read->bytes, "abc");
  EXPECT_EQ(read->size, 3u);
  // Inputs are held from reading to checking: no room kept beyond the content.
  EXPECT_LE(read->bytes.capacity(), 4096u);
  EXPECT_FALSE(read->Exceeds(16));
  EXPECT_FALSE(read->Exceeds(3));
}

TEST(ReadFileUpToTest, KeepsOneByteMoreThanTheLimitAndTheRealSize) {
  const std::string path = TempFile("file-large", std::string(200000, 'x'));
  const Result<LimitedBytes> read = ReadFileUpTo(path, 10);
  ASSERT_TRUE(read.ok()) << read.error();
  EXPECT_EQ(read->bytes, std::string(11, 'x'));
  EXPECT_EQ(read->size, 200000u);
  EXPECT_TRUE(read->Exceeds(10));
}

TEST(ReadFileUpToTest, MissingFileAndDirectory) {
  const Result<LimitedBytes> missing = ReadFileUpTo(::testing::TempDir() + "/no/such/file", 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.error(), "No such file or directory");
  const Result<LimitedBytes> directory = ReadFileUpTo(::testing::TempDir(), 10);
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kIsDirectory);
  EXPECT_EQ(directory.error(), "Is a directory");
}

TEST(ReadFileUpToTest, ReadsLargeAndEmptyFilesWhole) {
  std::string content(300000, 'z');
  content[123456] = 'a';
  const Result<LimitedBytes> large = ReadFileUpTo(TempFile("file-300k", content), 1 << 20);
  ASSERT_TRUE(large.ok()) << large.error();
  EXPECT_EQ(large->bytes, content);
  EXPECT_EQ(large->size, content.size());
  const Result<LimitedBytes> at_limit = ReadFileUpTo(TempFile("file-at-limit", "12345"), 5);
  ASSERT_TRUE(at_limit.ok());
  EXPECT_EQ(at_limit->bytes, "12345");
  EXPECT_FALSE(at_limit->Exceeds(5));
  const Result<LimitedBytes> empty = ReadFileUpTo(TempFile("file-empty", ""), 5);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->bytes, "");
  EXPECT_EQ(empty->size, 0u);
}

TEST(ReadFileUpToTest, ReadsAPipeToItsEndAndCountsPastTheLimit) {
  // A named pipe has no size to stat: it is read until its writer closes it.
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-fifo";
  ::unlink(path.c_str());
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  for (std::size_t limit : {std::size_t{1} << 20, std::size_t{100000}}) {
    std::thread writer([&] { std::ofstream(path, std::ios::binary) << std::string(250000, 'p'); });
    const Result<LimitedBytes> read = ReadFileUpTo(path, limit);
    writer.join();
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->size, 250000u);
    EXPECT_EQ(read->bytes, std::string(std::min<std::size_t>(250000, limit + 1), 'p'));
    EXPECT_LE(read->bytes.capacity(), read->bytes.size() + 4096);
  }
  ::unlink(path.c_str());
}

TEST(ReadStreamUpToTest, CountsPastTheLimit) {
  std::istringstream in(std::string(70000, 'y'));
  const Result<LimitedBytes> read = ReadStreamUpTo(in, 5);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->bytes, "yyyyyy");
  EXPECT_EQ(read->size, 70000u);
}

}  // namespace
}  // namespace samlint
