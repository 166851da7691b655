#include "CaseContextCache.h"

#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <mutex>

namespace fundtrace::ui {
namespace {

struct Cache {
    std::mutex mutex;          // guards the fields below
    std::mutex loading;        // one load at a time; waiters then find the result
    QString path;
    std::shared_ptr<const detect::DetectionContext> context;
    quint64 generation = 0;    // bumped by invalidate(), so a load that raced with it is not kept
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

} // namespace

std::shared_ptr<const detect::DetectionContext> CaseContextCache::get(const QString &path)
{
    Cache &c = cache();
    std::lock_guard<std::mutex> loading(c.loading);
    quint64 generation = 0;
    {
        std::lock_guard<std::mutex> lock(c.mutex);
        if (c.context && c.path == path)
            return c.context;
        generation = c.generation;
    }
    QElapsedTimer timer;
    timer.start();
    db::CaseFile caseFile = db::CaseFile::open(path, true);
    auto context = std::make_shared<const detect::DetectionContext>(detect::DetectionContext::load(caseFile.db()));
    log::get("ui")->info("case loaded for analysis: {} transactions in {} ms", context->transactions().size(),
                         timer.elapsed());
    std::lock_guard<std::mutex> lock(c.mutex);
    if (c.generation == generation) {
        c.path = path;
        c.context = context;
    }
    return context;
}

void CaseContextCache::invalidate(const QString &path)
{
    Cache &c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    ++c.generation;
    if (path.isEmpty() || path == c.path) {
        c.context.reset();
        c.path.clear();
    }
}

} // namespace fundtrace::ui
