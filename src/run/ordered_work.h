// Work on many inputs at once, taken in input order: a small thread pool that
// never runs further ahead of the taker than its window.
#pragma once

#include <algorithm>
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

/// Runs `work(i)` for every i below `count`, lowest i first, and hands the
/// values out in order: Take(i) waits for i's value. With `jobs` > 1 and more
/// than one item, up to `jobs` threads work at most `window` items ahead of the
/// next Take (so memory is bounded by the window, not by `count`); otherwise
/// Take(i) does the work itself on the calling thread. Destruction stops the
/// threads after the item each is working on. `work` must not throw.
template <typename T>
class OrderedWork {
 public:
  OrderedWork(std::size_t count, std::size_t jobs, std::size_t window,
              std::function<T(std::size_t)> work)
      : work_(std::move(work)), count_(count), window_(std::max<std::size_t>(1, window)) {
    std::size_t threads = std::min(jobs, count);
    if (threads < 2) return;  // Take works inline: no thread for one job or one item.
    values_.resize(std::min(count_, window_));
    for (std::size_t j = 0; j < threads; ++j) pool_.emplace_back([this] { Run(); });
  }

  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  ~OrderedWork() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    pool_.clear();  // joins
  }

  /// Whether Take(i) would return without waiting.
  bool Ready(std::size_t i) {
    if (pool_.empty()) return true;
    std::lock_guard lock(mutex_);
    return Slot(i).has_value();
  }

  /// The value of work(i), once, for i in increasing order; waits until it is there.
  T Take(std::size_t i) {
    if (pool_.empty()) return work_(i);
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return Slot(i).has_value(); });
    T value = std::move(*Slot(i));
    Slot(i).reset();
    taken_ = i + 1;
    const bool someone_waits = waiting_for_room_ > 0;
    lock.unlock();
    if (someone_waits) room_.notify_all();
    return value;
  }

 private:
  std::optional<T>& Slot(std::size_t i) { return values_[i % values_.size()]; }

  void Run() {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex_);
        ++waiting_for_room_;
        room_.wait(lock, [&] { return stopping_ || next_ >= count_ || next_ < taken_ + window_; });
        --waiting_for_room_;
        if (stopping_ || next_ >= count_) return;
        i = next_++;
      }
      T value = work_(i);
      std::lock_guard lock(mutex_);
      Slot(i) = std::move(value);
      ready_.notify_one();  // only the taker waits for values
    }
  }

  std::function<T(std::size_t)> work_;
  const std::size_t count_;
  const std::size_t window_;
  std::vector<std::optional<T>> values_;  // a ring of `window_` slots
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::size_t next_ = 0;   // the next item a thread takes on
  std::size_t taken_ = 0;  // items below this were taken
  int waiting_for_room_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> pool_;  // last: joined before the rest is destroyed
};

}  // namespace samlint
