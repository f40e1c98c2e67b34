// The Role attribute's values: "role ARN,provider ARN" pairs, per cloud's syntax.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "samlint/scenario.h"
#include "samlint/status.h"

namespace samlint {

struct ParsedRole {
  std::string role;
  std::string provider;
  std::string role_name;  ///< the role's name, the last path segment of its ARN
};

/// Parses one Role attribute value; fails with why it is malformed (a clause
/// that completes "Role value ... is malformed: ").
Result<ParsedRole> ParseRoleValue(Cloud cloud, std::string_view value);

/// The role name of a role ARN of either cloud ("arn:aws:iam::1:role/path/ops" → "ops").
std::string RoleNameOf(std::string_view role_arn);

}  // namespace samlint
