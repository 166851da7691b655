#include "DetectionRunner.h"

#include "db/CaseFile.h"
#include "detect/RuleSet.h"
#include "detect/RuleSettings.h"
#include "util/Logging.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace fundtrace::ui {

DetectionRunner::DetectionRunner(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &DetectionRunner::onFinished);
}

DetectionRunner::~DetectionRunner()
{
    // Cancelled runs roll back; waiting keeps the worker from outliving the case it writes.
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

bool DetectionRunner::start(const QString &casePath, const QString &rulesFile)
{
    if (isRunning() || casePath.isEmpty())
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    const QPointer<DetectionRunner> self(this);
    m_watcher.setFuture(QtConcurrent::run([casePath, rulesFile, cancel, self]() -> Outcome {
        Outcome outcome;
        try {
            const detect::RuleSet rules = rulesFile.isEmpty() ? detect::RuleSet::fromDefault()
                                                              : detect::RuleSet::fromFile(rulesFile);
            db::CaseFile caseFile = db::CaseFile::open(casePath, false);
            // Progress comes from the rules' worker threads; it is handed to the GUI thread queued.
            auto report = [self](const QString &step, int done, int total) {
                QMetaObject::invokeMethod(
                        self.data(),
                        [self, step, done, total] {
                            if (self)
                                emit self->progress(step, done, total);
                        },
                        Qt::QueuedConnection);
            };
            outcome.report = detect::DetectionRun(caseFile, rules).run(report, cancel.get());
        } catch (const detect::RuleConfigError &error) {
            outcome.error = tr("The rules file cannot be used: %1").arg(QString::fromUtf8(error.what()));
        } catch (const std::exception &error) {
            outcome.error = QString::fromUtf8(error.what());
            log::get("detect")->error("detection run failed: {}", error.what());
        }
        return outcome;
    }));
    return true;
}

void DetectionRunner::cancel()
{
    m_cancel->store(true);
}

void DetectionRunner::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (!outcome.error.isEmpty())
        emit failed(outcome.error);
    else
        emit finished(outcome.report);
}

} // namespace fundtrace::ui
