// Reading files of testdata/ and small string checks shared by tests.
// Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace samlint::testing {

/// The bytes of testdata/`relative` (fails the test when it cannot be opened).
inline std::string ReadTestdata(const std::string& relative) {
  const std::string path = std::string(SAMLINT_TESTDATA) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

/// `text` ends with `tail`.
inline bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace samlint::testing
