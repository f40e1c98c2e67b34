/// A unique_ptr deleter that releases a C library handle with its free function.
#pragma once

namespace samlint {

/// Calls `Free` on the pointer: `std::unique_ptr<BIO, FreeWith<BIO_free>>`.
template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* handle) const {
    Free(handle);
  }
};

}  // namespace samlint
