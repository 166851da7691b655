#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace fundtrace::util {

// A blocking single-producer/single-consumer hand-off with a fixed capacity, so a fast producer
// cannot run ahead of the consumer by more than `capacity` items of memory. Either side may
// close it: the producer when done (optionally with its exception), the consumer to abandon.
template<typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity)
        : m_capacity(capacity)
    {
    }

    // Blocks while full. Returns false if the queue was closed (the item is dropped).
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks until an item arrives; nullopt once closed and drained. Rethrows the producer's
    // exception, if it closed with one, after the items before it.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return m_closed || !m_items.empty(); });
        if (!m_items.empty()) {
            T item = std::move(m_items.front());
            m_items.pop_front();
            m_notFull.notify_one();
            return item;
        }
        if (m_error)
            std::rethrow_exception(std::exchange(m_error, nullptr));
        return std::nullopt;
    }

    void close(std::exception_ptr error = nullptr)
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        if (error)
            m_error = error;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<T> m_items;
    std::exception_ptr m_error;
    bool m_closed = false;
};

} // namespace fundtrace::util
