// Runs the samlint binary for end-to-end tests and captures what it prints.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

/// `args` followed by `more`.
inline std::vector<std::string> With(std::vector<std::string> args,
                                     const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

/// The Alibaba worked example (aliyun-console-clamped.xml: login session 6 h,
/// role max 1 h, target 8 h), in the default format.
inline const std::vector<std::string> kAliyunClampedArgs = {
    "check",
    "testdata/examples/aliyun-console-clamped.xml",
    "--scenario",
    "aliyun:saml-console",
    "--login-session",
    "6h",
    "--role-max-session",
    "1h",
    "--target",
    "8h"};

}  // namespace samlint::testing
