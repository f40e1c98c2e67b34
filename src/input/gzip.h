// gzip inflation with a bound on the output, for compressed audit logs. Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samlint::input {

enum class InflateStatus {
  kOk,        ///< every member inflated
  kTooLarge,  ///< the output would pass the bound
  kCorrupt,   ///< not gzip, corrupt, or truncated
};

/// True when `data` starts with gzip's magic bytes (1F 8B).
bool IsGzip(std::string_view data);

/// Inflates every gzip member of `data` into `out` (CloudTrail writes one;
/// `cat a.gz b.gz` gives several). Stops as soon as the output would pass
/// `max_bytes`, so a bomb costs at most that much work and memory. `out` is
/// empty unless the result is kOk.
InflateStatus InflateGzip(std::string_view data, std::size_t max_bytes, std::string& out);

}  // namespace samlint::input
