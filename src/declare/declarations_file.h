// Reading declarations files with the work it cost exposed, for tests that
// show the work is linear in the input. Internal to the library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "samlint/declarations.h"
#include "samlint/limits.h"
#include "samlint/status.h"

namespace samlint {

/// What reading one declarations text cost.
struct DeclarationsWork {
  std::size_t values_built = 0;    ///< tree values built (an alias is a pointer, not a copy)
  std::size_t values_charged = 0;  ///< values counted against json-nodes (aliases expanded)
  std::size_t modules_walked = 0;  ///< Terraform modules read (each module node once)
};

/// ParseDeclarations, filling in `work` (never null).
Status ParseDeclarationsCounted(std::string_view text, const std::string& source_name,
                                Declarations& out, const Limits& limits, DeclarationsWork* work);

}  // namespace samlint
