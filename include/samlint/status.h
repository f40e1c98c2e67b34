/// The error convention of the library: a Status (ok or a message) and a Result<T> (a T or a
/// Status).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace samlint {

/// What kind of failure a Status reports, for callers that word it themselves.
enum class StatusCode {
  kOk,
  kNotFound,     ///< a file that does not exist
  kIsDirectory,  ///< a directory where a file was expected
  kOpenFailed,   ///< the system refused to open a file
  kReadFailed,   ///< reading broke off
  kInvalid,      ///< the content or an argument is wrong; the message says how
};

/// Success, or a failure with a one-sentence message meant for the user.
class Status {
 public:
  /// Success.
  Status() = default;

  /// A failure; `message` is shown to the user as it is.
  static Status Error(std::string message, StatusCode code = StatusCode::kInvalid) {
    Status status;
    status.code_ = code == StatusCode::kOk ? StatusCode::kInvalid : code;
    status.message_ = std::move(message);
    return status;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  /// Empty when ok().
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

/// A value of T, or the Status of why there is none.
template <class T>
class Result {
 public:
  /// A value.
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  /// A failure; `error` must not be ok (an ok Status becomes a kInvalid one without a message).
  Result(Status error)  // NOLINT: implicit by design
      : state_(std::in_place_index<1>,
               error.ok() ? Status::Error("", StatusCode::kInvalid) : std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  /// The value; only when ok().
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  /// Ok when there is a value, else the failure.
  Status status() const { return ok() ? Status() : std::get<1>(state_); }
  /// The failure's message; empty when ok().
  const std::string& error() const {
    static const std::string kNone;
    return ok() ? kNone : std::get<1>(state_).message();
  }

 private:
  std::variant<T, Status> state_;
};

}  // namespace samlint
