#include "SubjectActions.h"

#include "ReasonDialog.h"
#include "db/CaseFile.h"
#include "entities/ResolutionActions.h"
#include "entities/ResolutionError.h"
#include "entities/SubjectResolver.h"
#include "screening/SubjectScreening.h"
#include "util/Logging.h"

#include <QLocale>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace fundtrace::ui {

SubjectActions::SubjectActions(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &SubjectActions::onFinished);
}

SubjectActions::~SubjectActions()
{
    // A write in flight is finished, never abandoned halfway.
    m_watcher.waitForFinished();
}

std::optional<QString> SubjectActions::askReason(const QString &title, const QString &question) const
{
    return ReasonDialog::ask(m_dialogParent, title, question);
}

void SubjectActions::run(const QString &what, std::function<QString(db::CaseFile &)> work)
{
    if (m_casePath.isEmpty())
        return;
    if (isBusy()) {
        emit failed(what, tr("Another subject operation (%1) is still running; try again when it is done.").arg(m_what));
        return;
    }
    m_what = what;
    emit started(what);
    emit busyChanged(true);
    const QString path = m_casePath;
    m_watcher.setFuture(QtConcurrent::run([path, work = std::move(work)]() -> Outcome {
        Outcome outcome;
        try {
            db::CaseFile caseFile = db::CaseFile::open(path, false);
            outcome.message = work(caseFile);
            outcome.changed = true;
        } catch (const entities::ResolutionError &error) {
            outcome.error = error.message();
        } catch (const screening::ScreeningError &error) {
            outcome.error = QString::fromUtf8(error.what());
        } catch (const std::exception &error) {
            outcome.error = QString::fromUtf8(error.what());
            log::get("ui")->error("subject operation failed: {}", error.what());
        }
        return outcome;
    }));
}

void SubjectActions::onFinished()
{
    const Outcome outcome = m_watcher.result();
    emit busyChanged(false);
    if (!outcome.error.isEmpty())
        emit failed(m_what, outcome.error);
    else
        emit finished(outcome.message);
    if (outcome.changed)
        emit caseChanged();
}

void SubjectActions::merge(const QVector<std::int64_t> &subjectIds)
{
    if (subjectIds.size() < 2)
        return;
    const auto reason = askReason(tr("Merge Subjects"),
                                  tr("Merge %n subjects into one? Why are they the same person or organisation?", nullptr,
                                     static_cast<int>(subjectIds.size())));
    if (!reason)
        return;
    run(tr("Merging subjects"), [subjectIds, reason = *reason](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).merge(subjectIds, reason);
        return tr("Merged %1 subjects (operation %2; Ctrl+Alt+Z undoes it).").arg(subjectIds.size()).arg(operation);
    });
}

void SubjectActions::split(std::int64_t memberId, const QString &description)
{
    const auto reason = askReason(tr("Split Off"), tr("Split %1 off into a subject of its own? Why is it a different one?").arg(description));
    if (!reason)
        return;
    run(tr("Splitting a record off"), [memberId, reason = *reason](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).split(memberId, reason);
        return tr("Record #%1 is a subject of its own again (operation %2).").arg(memberId).arg(operation);
    });
}

void SubjectActions::undoLast()
{
    run(tr("Undoing the last merge or split"), [](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).undoLast();
        return operation == 0 ? tr("There is no merge or split to undo.") : tr("Undid operation %1.").arg(operation);
    });
}

void SubjectActions::confirmCandidate(std::int64_t candidateId, const QString &description)
{
    const auto reason = askReason(tr("Merge Subjects"), tr("Merge %1: why are they the same?").arg(description));
    if (!reason)
        return;
    run(tr("Merging subjects"), [candidateId, reason = *reason](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).confirmCandidate(candidateId, reason);
        return tr("Merged (operation %1; Ctrl+Alt+Z undoes it).").arg(operation);
    });
}

void SubjectActions::rejectCandidate(std::int64_t candidateId, const QString &description)
{
    const auto reason = askReason(tr("Not the Same Subject"), tr("Why are %1 different subjects?").arg(description));
    if (!reason)
        return;
    run(tr("Recording the decision"), [candidateId, reason = *reason](db::CaseFile &caseFile) {
        entities::ResolutionActions(caseFile.db()).rejectCandidate(candidateId, reason);
        return tr("Recorded as different subjects; they will not be proposed again.");
    });
}

void SubjectActions::decideHit(std::int64_t hitId, const QString &state, const QString &description)
{
    const bool confirm = state == u"confirmed";
    const auto reason = askReason(confirm ? tr("Confirm Screening Hit") : tr("Dismiss Screening Hit"),
                                  confirm ? tr("Confirm that %1 is the listed party? On what grounds?").arg(description)
                                          : tr("Dismiss %1 as a false match? Why is it not the listed party?").arg(description));
    if (!reason)
        return;
    run(confirm ? tr("Confirming a screening hit") : tr("Dismissing a screening hit"),
        [hitId, state, confirm, reason = *reason](db::CaseFile &caseFile) {
            screening::SubjectScreening(caseFile).decide(hitId, state, reason);
            return confirm ? tr("Screening hit %1 confirmed.").arg(hitId) : tr("Screening hit %1 dismissed.").arg(hitId);
        });
}

void SubjectActions::screen()
{
    run(tr("Screening subjects against the lists"), [](db::CaseFile &caseFile) {
        const screening::ScreeningReport report = screening::SubjectScreening(caseFile).run();
        const QLocale locale;
        return tr("Screened %1 subjects against %2 list entries (threshold %3): %4 hits, %5 new, in %6 s.")
                .arg(locale.toString(report.subjects), locale.toString(report.entries))
                .arg(report.threshold)
                .arg(locale.toString(report.hits), locale.toString(report.newHits))
                .arg(report.seconds, 0, 'f', 1);
    });
}

void SubjectActions::rerunResolution()
{
    run(tr("Resolving subjects"), [](db::CaseFile &caseFile) {
        const entities::SubjectResolver::Report report = entities::SubjectResolver(caseFile).run();
        return tr("Resolution: %1 account holders and %2 named counterparties checked, %3 automatic merges, "
                  "%4 candidate pairs, in %5 s.")
                .arg(report.accountHolders)
                .arg(report.namedCounterparties)
                .arg(report.automaticMerges)
                .arg(report.candidates)
                .arg(report.seconds, 0, 'f', 1);
    });
}

} // namespace fundtrace::ui
