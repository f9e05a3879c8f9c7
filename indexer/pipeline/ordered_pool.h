/** @file
 * @brief Worker threads that run jobs in parallel and hand their results back in the order the
 *        jobs were submitted: parallel work whose consumer still sees one deterministic sequence.
 */
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <thread>
#include <utility>
#include <vector>

#include "pipeline/bounded_queue.h"

namespace khabar {

/// Jobs returning R, run by `threads` workers; results are taken oldest first. One thread submits
/// and takes. A job's exception is rethrown by the take() of its result.
template <typename R>
class OrderedPool {
  public:
    explicit OrderedPool(std::size_t threads) : tasks_(static_cast<std::size_t>(-1)) {
        for (std::size_t i = 0; i < threads; ++i)
            workers_.emplace_back([this] {
                while (auto task = tasks_.pop()) (*task)();
            });
    }
    /// Jobs not taken yet still run to their end (their results are dropped).
    ~OrderedPool() {
        tasks_.close();
        for (auto& t : workers_) t.join();
    }
    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    void submit(std::function<R()> job) {
        std::packaged_task<R()> task(std::move(job));
        pending_.push_back(task.get_future());
        tasks_.push(std::move(task));
    }
    /// Jobs submitted and not taken.
    std::size_t pending() const { return pending_.size(); }
    /// Whether the oldest job has finished (false when none is pending).
    bool head_ready() const {
        return !pending_.empty() &&
               pending_.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }
    /// The oldest job's result, waiting for it; pending() must be > 0.
    R take() {
        std::future<R> f = std::move(pending_.front());
        pending_.pop_front();
        return f.get();
    }

  private:
    BoundedQueue<std::packaged_task<R()>> tasks_;
    std::deque<std::future<R>> pending_;
    std::vector<std::thread> workers_;
};

}  // namespace khabar
