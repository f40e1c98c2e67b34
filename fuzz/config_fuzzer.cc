// Project configuration (samlint.toml): ParseConfig, the config as an INPUT,
// and the glob matcher its targets and excludes use (the first line is the
// pattern, the rest the text).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.h"
#include "samlint/config.h"

using samlint::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // A directory that does not exist: relative paths resolve against it
  // without touching anything real.
  const samlint::ConfigParse parsed =
      samlint::ParseConfig(text, "/nonexistent/samlint-fuzz/samlint.toml");
  for (const samlint::ConfigProblem& p : parsed.problems) {
    Require(p.line >= 0 && p.column >= 0, "a problem's position is not negative");
    Require(!p.message.empty(), "a problem says what is wrong");
  }
  for (const samlint::RoleTarget& t : parsed.config.targets) {
    Require(t.seconds >= 0, "a role target is not negative");
    (void)samlint::TargetForRole(parsed.config.targets, "arn:aws:iam::123456789012:role/ops");
  }
  (void)samlint::MatchExclude(parsed.config.exclude.value_or(samlint::DefaultExcludes()),
                              parsed.config.directory,
                              "/nonexistent/samlint-fuzz/sub/response.xml", true);

  if (samlint::LooksLikeConfig("input.toml", text)) {
    samlint::fuzz::CheckResultInvariants(samlint::CheckConfigInput("input.toml", text));
  }

  const std::size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    const std::string_view pattern = text.substr(0, newline);
    const std::string_view subject = text.substr(newline + 1);
    (void)samlint::GlobMatch(pattern, subject);
    if (pattern.find_first_of("*?") == std::string_view::npos && pattern.size() <= 1024) {
      Require(samlint::GlobMatch(pattern, pattern), "a pattern without wildcards matches itself");
    }
  }
  return 0;
}
