/// samlint's version, as reports and --version print it.
#pragma once

#include <string_view>

namespace samlint {

/// samlint's version string ("0.1.0").
std::string_view Version();

}  // namespace samlint
