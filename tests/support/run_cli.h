// Runs the samlint binary for end-to-end tests and captures what it prints.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace samlint::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  /// stdout parsed as JSON (null when it is not JSON).
  nlohmann::json Json() const;
};

/// Runs the built samlint with `args`, feeding `stdin_text` to its standard
/// input, with NO_COLOR set and the working directory at the source root.
CliRun RunCli(const std::vector<std::string>& args, const std::string& stdin_text = "");

/// Absolute path of a file under testdata/.
std::string TestData(const std::string& relative);

}  // namespace samlint::testing
