#pragma once

#include "annotations/AnnotationStore.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QVector>
#include <cstdint>
#include <functional>

class QWidget;

namespace fundtrace::db {
class CaseFile;
}

namespace fundtrace::ui {

// The investigator's decisions on alerts (mark in review, confirm, dismiss with a reason, reopen,
// undo the last triage) and their notes on any object (AnnotationEditor). Each asks what it needs
// first, then runs the core call on a worker thread with its own writable connection, one at a
// time; the core audits every change and keeps triage undoable. Listeners refresh on caseChanged().
class AlertActions : public QObject {
    Q_OBJECT

public:
    explicit AlertActions(QWidget *dialogParent);
    ~AlertActions() override;

    void setCasePath(const QString &path) { m_casePath = path; }
    bool isBusy() const { return m_watcher.isRunning(); }

    // state: in_review, confirmed, dismissed (asks for a reason) or new (reopen).
    void setState(const QVector<std::int64_t> &alertIds, const QString &state);
    void undoLastTriage();
    void addNote(const QString &objectType, std::int64_t objectId, const QString &objectName);
    void editNote(const annotations::Annotation &note);
    void removeNote(const annotations::Annotation &note);

    // Runs `work` on a worker thread with a writable connection; its return value is the message
    // shown when it is done. Exceptions become failed().
    void run(const QString &what, std::function<QString(db::CaseFile &)> work);

signals:
    void busyChanged(bool busy);
    void started(const QString &what);
    void finished(const QString &message);
    void failed(const QString &what, const QString &message);
    void caseChanged();

private:
    struct Outcome {
        QString message;
        QString error;
        bool changed = false;
    };
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QString m_casePath;
    QString m_what;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace fundtrace::ui
