// parse/line_index: byte offsets to 1-based line and byte column.
#include "parse/line_index.h"

#include <gtest/gtest.h>

namespace samlint {
namespace {

void ExpectAt(const LineIndex& index, std::size_t offset, int line, int column) {
  const Location at = index.At(offset);
  EXPECT_EQ(at.line, line) << "offset " << offset;
  EXPECT_EQ(at.column, column) << "offset " << offset;
}

TEST(LineIndex, FirstLineStartsAtColumnOne) {
  const LineIndex index("<a>\n<b/>\n");
  ExpectAt(index, 0, 1, 1);
  ExpectAt(index, 2, 1, 3);
}

TEST(LineIndex, TheNewlineBelongsToItsLineAndTheNextByteStartsANewOne) {
  const LineIndex index("<a>\n<b/>\n");
  ExpectAt(index, 3, 1, 4);
  ExpectAt(index, 4, 2, 1);
  ExpectAt(index, 7, 2, 4);
}

TEST(LineIndex, EmptyLinesCount) {
  const LineIndex index("a\n\n\nb");
  ExpectAt(index, 2, 2, 1);
  ExpectAt(index, 3, 3, 1);
  ExpectAt(index, 4, 4, 1);
}

TEST(LineIndex, OffsetsPastTheEndAreClamped) {
  const LineIndex index("ab\ncd");
  ExpectAt(index, 5, 2, 3);
  ExpectAt(index, 500, 2, 3);
  ExpectAt(LineIndex(""), 10, 1, 1);
}

TEST(LineIndex, ALastNewlineStartsAnEmptyLine) {
  const LineIndex index("a\nb\n");
  ExpectAt(index, 3, 2, 2);
  ExpectAt(index, 4, 3, 1);
  ExpectAt(LineIndex("\n"), 0, 1, 1);
  ExpectAt(LineIndex("\n"), 1, 2, 1);
}

TEST(LineIndex, CarriageReturnsDoNotEndLines) {
  const LineIndex index("a\r\nb\rc");
  ExpectAt(index, 3, 2, 1);
  ExpectAt(index, 6, 2, 4);
}

TEST(LineIndex, ColumnsCountBytesNotCharacters) {
  const LineIndex index("\xC3\xA4x");
  ExpectAt(index, 2, 1, 3);
}

}  // namespace
}  // namespace samlint
