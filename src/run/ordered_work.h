// Work on many inputs at once, taken in input order: a small thread pool.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace samlint {

/// Runs `work(i)` for every i below `count` on up to `jobs` threads (at least
/// one), lowest i first; Take(i) waits for i's value. Destruction waits for
/// the threads. `work` must not throw.
template <typename T>
class OrderedWork {
 public:
  OrderedWork(std::size_t count, std::size_t jobs, std::function<T(std::size_t)> work)
      : work_(std::move(work)), values_(count) {
    std::size_t threads = std::max<std::size_t>(1, std::min(jobs, count));
    for (std::size_t j = 0; j < threads && count > 0; ++j) pool_.emplace_back([this] { Run(); });
  }

  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  /// The value of work(i), once; waits until it is there.
  T Take(std::size_t i) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return values_[i].has_value(); });
    T value = std::move(*values_[i]);
    values_[i].reset();
    return value;
  }

 private:
  void Run() {
    for (std::size_t i = next_++; i < values_.size(); i = next_++) {
      T value = work_(i);
      std::lock_guard lock(mutex_);
      values_[i] = std::move(value);
      ready_.notify_all();
    }
  }

  std::function<T(std::size_t)> work_;
  std::vector<std::optional<T>> values_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::atomic<std::size_t> next_{0};
  std::vector<std::jthread> pool_;  // last: joined before the rest is destroyed
};

}  // namespace samlint
