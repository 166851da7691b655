#pragma once

#include "graph/GraphError.h"
#include "util/Logging.h"

#include <cstdint>
#include <igraph.h>
#include <mutex>
#include <string>

namespace fundtrace::graph {

// For core's .cpp files only: igraph is a private dependency of the core library.
//
// igraph 0.10 as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0): its error
// handlers, its "finally" stack and its random number generator are process globals. Every
// igraph call, from any thread, must hold this mutex.
inline std::mutex &igraphMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Holds igraphMutex() for a block of igraph calls, with errors returned as codes (igraph's
// default handler aborts the process) and the random number generator seeded so results repeat.
class IgraphSession {
public:
    explicit IgraphSession(std::uint64_t seed = 42) : m_lock(igraphMutex())
    {
        igraph_set_error_handler(&IgraphSession::onError);
        igraph_set_warning_handler(&IgraphSession::onWarning);
        lastError().clear();
        check(igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed)),
            "seeding the random numbers");
    }
    IgraphSession(const IgraphSession &) = delete;
    IgraphSession &operator=(const IgraphSession &) = delete;

    // Throws GraphError naming the step and igraph's reason unless `rc` is success.
    void check(igraph_error_t rc, const char *step) const
    {
        if (rc == IGRAPH_SUCCESS)
            return;
        const std::string reason
            = lastError().empty() ? std::string(igraph_strerror(rc)) : lastError();
        throw GraphError(QStringLiteral("Graph computation failed while %1: %2")
                             .arg(QLatin1String(step), QString::fromStdString(reason)));
    }

private:
    static std::string &lastError()
    {
        static std::string reason;
        return reason;
    }
    static void onError(const char *reason, const char *file, int line, igraph_error_t code)
    {
        lastError() = std::string(igraph_strerror(code)) + " (" + (reason ? reason : "") + ")";
        log::get("graph")->warn("igraph error at {}:{}: {}", file ? file : "?", line, lastError());
        IGRAPH_FINALLY_FREE(); // what igraph's own non-aborting handlers do: free its temporaries
    }
    static void onWarning(const char *reason, const char *file, int line)
    {
        log::get("graph")->debug(
            "igraph warning at {}:{}: {}", file ? file : "?", line, reason ? reason : "");
    }

    std::lock_guard<std::mutex> m_lock;
};

} // namespace fundtrace::graph
