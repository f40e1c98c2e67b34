// Byte offsets to 1-based line:column, computed once per document.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"

namespace samlint {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// Line and byte column of `offset` (clamped to the text's end).
  Location At(std::size_t offset) const;

 private:
  std::vector<std::size_t> line_starts_;
  std::size_t size_;
};

}  // namespace samlint
