#pragma once

#include "detect/AlertDraft.h"

#include <mutex>
#include <vector>

namespace fundtrace::detect {

// Collects what the rules find; rules may run on several threads at once.
class AlertSink {
public:
    void add(AlertDraft draft)
    {
        const std::lock_guard lock(m_mutex);
        m_drafts.push_back(std::move(draft));
    }
    std::vector<AlertDraft> take()
    {
        const std::lock_guard lock(m_mutex);
        return std::move(m_drafts);
    }

private:
    std::mutex m_mutex;
    std::vector<AlertDraft> m_drafts;
};

} // namespace fundtrace::detect
