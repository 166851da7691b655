#include "util/Logging.h"

#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <vector>

namespace fundtrace::log {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::warn;
    bool initialised = false;

    void initialise()
    {
        if (initialised)
            return;
        initialised = true;
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        if (const char *env = std::getenv("FUNDTRACE_LOG"))
            level = spdlog::level::from_str(env);
    }
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

std::shared_ptr<spdlog::logger> get(const std::string &area)
{
    Registry &reg = registry();
    std::lock_guard lock(reg.mutex);
    reg.initialise();
    if (auto existing = spdlog::get(area))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(area, reg.sinks.begin(), reg.sinks.end());
    logger->set_level(reg.level);
    spdlog::register_logger(logger);
    return logger;
}

void addSink(spdlog::sink_ptr sink)
{
    Registry &reg = registry();
    std::lock_guard lock(reg.mutex);
    reg.initialise();
    reg.sinks.push_back(sink);
    spdlog::apply_all([&sink](const std::shared_ptr<spdlog::logger> &logger) {
        logger->sinks().push_back(sink);
    });
}

void setLevel(spdlog::level::level_enum level)
{
    Registry &reg = registry();
    std::lock_guard lock(reg.mutex);
    reg.initialise();
    reg.level = level;
    spdlog::apply_all([level](const std::shared_ptr<spdlog::logger> &logger) {
        logger->set_level(level);
    });
}

} // namespace fundtrace::log
