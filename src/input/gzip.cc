#include "input/gzip.h"

#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <array>

namespace samlint::input {

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
         static_cast<unsigned char>(data[1]) == 0x8B;
}

InflateStatus InflateGzip(std::string_view data, std::size_t max_bytes, std::string& out) {
  out.clear();
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    return InflateStatus::kCorrupt;
  }
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  constexpr std::size_t kMaxInputSlice = std::size_t{1} << 20;
  std::array<unsigned char, kChunk> buffer{};
  std::size_t consumed = 0;
  InflateStatus status = InflateStatus::kCorrupt;
  while (true) {
    if (stream.avail_in == 0) {
      const std::size_t slice = std::min(kMaxInputSlice, data.size() - consumed);
      stream.next_in = reinterpret_cast<const Bytef*>(data.data() + consumed);
      stream.avail_in = static_cast<uInt>(slice);
      consumed += slice;
    }
    stream.next_out = buffer.data();
    stream.avail_out = static_cast<uInt>(buffer.size());
    const int rc = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = buffer.size() - stream.avail_out;
    if (out.size() + produced > max_bytes) {
      status = InflateStatus::kTooLarge;
      break;
    }
    out.append(reinterpret_cast<const char*>(buffer.data()), produced);
    if (rc == Z_STREAM_END) {
      // Another member may follow; anything else after the end is ignored,
      // as gzip(1) does with trailing zeros.
      const std::size_t rest_at = consumed - stream.avail_in;
      const std::string_view rest = data.substr(rest_at);
      if (IsGzip(rest)) {
        if (inflateReset(&stream) != Z_OK) {
          break;
        }
        continue;
      }
      status = InflateStatus::kOk;
      break;
    }
    if (rc == Z_OK) {
      continue;
    }
    if (rc == Z_BUF_ERROR && stream.avail_in == 0 && consumed < data.size()) {
      continue;  // needs the next input slice
    }
    break;  // Z_DATA_ERROR, Z_MEM_ERROR, or input ended mid-stream
  }
  inflateEnd(&stream);
  if (status != InflateStatus::kOk) {
    out.clear();
  }
  return status;
}

}  // namespace samlint::input
