#include "parse/line_index.h"

#include <algorithm>

namespace samlint {

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
}

Location LineIndex::At(std::size_t offset) const {
  offset = std::min(offset, size_);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::size_t>(it - line_starts_.begin());  // >= 1
  std::size_t start = line_starts_[line - 1];
  return Location{static_cast<int>(line), static_cast<int>(offset - start + 1)};
}

}  // namespace samlint
