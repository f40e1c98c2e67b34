#include "samlint/version.h"

#ifndef SAMLINT_VERSION
#define SAMLINT_VERSION "0.0.0"
#endif

namespace samlint {

std::string_view Version() { return SAMLINT_VERSION; }

}  // namespace samlint
