// gzip-compresses test data in memory (for the readers of compressed audit
// logs). Header-only.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace samlint::testing {

/// One gzip member holding `data` `repeat` times, compressed at `level`.
inline std::string Gzip(std::string_view data, std::size_t repeat = 1,
                        int level = Z_BEST_COMPRESSION) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  std::array<unsigned char, 1 << 16> buffer{};
  for (std::size_t i = 0; i < repeat; ++i) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    const int flush = i + 1 == repeat ? Z_FINISH : Z_NO_FLUSH;
    int rc = Z_OK;
    do {
      stream.next_out = buffer.data();
      stream.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&stream, flush);
      out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  deflateEnd(&stream);
  return out;
}

}  // namespace samlint::testing
