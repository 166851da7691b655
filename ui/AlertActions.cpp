#include "AlertActions.h"

#include "AlertTableModel.h"
#include "AnnotationEditor.h"
#include "ReasonDialog.h"
#include "db/CaseFile.h"
#include "detect/AlertTriage.h"
#include "util/Logging.h"

#include <QMessageBox>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace fundtrace::ui {

AlertActions::AlertActions(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &AlertActions::onFinished);
}

AlertActions::~AlertActions()
{
    // A write in flight is finished, never abandoned halfway.
    m_watcher.waitForFinished();
}

void AlertActions::run(const QString &what, std::function<QString(db::CaseFile &)> work)
{
    if (m_casePath.isEmpty())
        return;
    if (isBusy()) {
        emit failed(what, tr("Another alert operation (%1) is still running; try again when it is done.").arg(m_what));
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
        } catch (const detect::TriageError &error) {
            outcome.error = QString::fromUtf8(error.what());
        } catch (const annotations::AnnotationError &error) {
            outcome.error = QString::fromUtf8(error.what());
        } catch (const std::exception &error) {
            outcome.error = QString::fromUtf8(error.what());
            log::get("ui")->error("alert operation failed: {}", error.what());
        }
        return outcome;
    }));
}

void AlertActions::onFinished()
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

void AlertActions::setState(const QVector<std::int64_t> &alertIds, const QString &state)
{
    if (alertIds.isEmpty() || !detect::AlertTriage::isState(state))
        return;
    const int count = static_cast<int>(alertIds.size());
    QString reason;
    if (state == u"dismissed") {
        const auto answer = ReasonDialog::ask(m_dialogParent, tr("Dismiss Alerts"),
                                              count == 1 ? tr("Dismiss this alert as not suspicious? What explains the pattern?")
                                                         : tr("Dismiss %1 alerts as not suspicious? What explains the pattern?").arg(count));
        if (!answer)
            return;
        reason = *answer;
    }
    const QString label = AlertTableModel::stateText(state);
    run(tr("Marking alerts as %1").arg(label.toLower()), [alertIds, state, reason, label, count](db::CaseFile &caseFile) {
        const std::int64_t batch = detect::AlertTriage(caseFile.db()).setState(alertIds, state, reason);
        const QString what = count == 1 ? tr("1 alert") : tr("%1 alerts").arg(count);
        return tr("%1 marked as %2 (batch %3; Ctrl+Alt+U undoes it).").arg(what, label.toLower()).arg(batch);
    });
}

void AlertActions::undoLastTriage()
{
    run(tr("Undoing the last triage"), [](db::CaseFile &caseFile) {
        const std::int64_t batch = detect::AlertTriage(caseFile.db()).undoLast();
        return batch == 0 ? tr("There is no triage to undo.") : tr("Undid triage batch %1.").arg(batch);
    });
}

void AlertActions::addNote(const QString &objectType, std::int64_t objectId, const QString &objectName)
{
    annotations::Annotation note;
    note.objectType = objectType;
    note.objectId = objectId;
    note.severity = QStringLiteral("info");
    AnnotationEditor editor(note, objectName, m_dialogParent);
    if (editor.exec() != QDialog::Accepted)
        return;
    const annotations::Annotation written = editor.annotation();
    run(tr("Adding a note"), [written](db::CaseFile &caseFile) {
        const std::int64_t id = annotations::AnnotationStore(caseFile.db()).add(written);
        return tr("Note %1 added.").arg(id);
    });
}

void AlertActions::editNote(const annotations::Annotation &note)
{
    AnnotationEditor editor(note, {}, m_dialogParent);
    if (editor.exec() != QDialog::Accepted)
        return;
    const annotations::Annotation written = editor.annotation();
    run(tr("Saving a note"), [written](db::CaseFile &caseFile) {
        annotations::AnnotationStore(caseFile.db()).update(written);
        return tr("Note %1 saved.").arg(written.id);
    });
}

void AlertActions::removeNote(const annotations::Annotation &note)
{
    if (m_dialogParent && QMessageBox::question(m_dialogParent, tr("Delete Note"),
                                                tr("Delete this note? Its text stays in the audit log.\n\n%1")
                                                        .arg(note.body.left(300)))
                != QMessageBox::Yes)
        return;
    const std::int64_t id = note.id;
    run(tr("Deleting a note"), [id](db::CaseFile &caseFile) {
        annotations::AnnotationStore(caseFile.db()).remove(id);
        return tr("Note %1 deleted.").arg(id);
    });
}

} // namespace fundtrace::ui
