// The run's thread pool: values in input order, never more than its window
// ahead of the taker, inline when there is nothing to overlap.
#include "run/ordered_work.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>

namespace samlint {
namespace {

TEST(OrderedWork, TakesEveryValueInIndexOrder) {
  std::atomic<int> calls{0};
  OrderedWork<std::size_t> work(50, 3, 4, [&](std::size_t i) {
    ++calls;
    return i * i;
  });
  for (std::size_t i = 0; i < 50; ++i) EXPECT_EQ(work.Take(i), i * i);
  EXPECT_EQ(calls.load(), 50);
}

TEST(OrderedWork, RunsNothingForNoInputs) {
  OrderedWork<int> work(0, 4, 4, [](std::size_t) -> int { throw std::logic_error("called"); });
}

TEST(OrderedWork, NeverWorksFurtherAheadThanItsWindow) {
  constexpr std::size_t kWindow = 3;
  std::atomic<std::size_t> taken{0};
  std::atomic<std::size_t> furthest_ahead{0};
  OrderedWork<std::size_t> work(200, 4, kWindow, [&](std::size_t i) {
    std::size_t ahead = i - taken.load();
    std::size_t seen = furthest_ahead.load();
    while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
    }
    return i;
  });
  for (std::size_t i = 0; i < 200; ++i) {
    if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    EXPECT_EQ(work.Take(i), i);
    taken = i + 1;
  }
  // Item i starts only once i - window items were taken (the count here is
  // updated just after Take returns, so it may lag by one).
  EXPECT_LE(furthest_ahead.load(), kWindow);
}

TEST(OrderedWork, WorksOnTheCallingThreadForOneJobOrOneItem) {
  const std::thread::id caller = std::this_thread::get_id();
  for (auto [count, jobs] : {std::pair<std::size_t, std::size_t>{5, 1}, {1, 4}}) {
    std::atomic<int> started{0};
    OrderedWork<std::thread::id> work(count, jobs, 8, [&](std::size_t) {
      ++started;
      return std::this_thread::get_id();
    });
    EXPECT_EQ(started.load(), 0) << "nothing runs before it is taken";
    EXPECT_TRUE(work.Ready(0));
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(work.Take(i), caller);
  }
}

TEST(OrderedWork, StopsWithoutTakingEverything) {
  std::atomic<int> calls{0};
  {
    OrderedWork<int> work(1000, 2, 4, [&](std::size_t i) {
      ++calls;
      return static_cast<int>(i);
    });
    EXPECT_EQ(work.Take(0), 0);
  }
  // The threads stopped at the window instead of working through all 1000.
  EXPECT_LE(calls.load(), 1 + 4 + 2);
}

}  // namespace
}  // namespace samlint
