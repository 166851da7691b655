#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QVector>
#include <cstdint>
#include <functional>
#include <optional>

class QWidget;

namespace fundtrace::db {
class CaseFile;
}

namespace fundtrace::ui {

// The investigator's decisions on subjects — merge, split, undo, confirm or reject a candidate
// pair, confirm or dismiss a screening hit — and the bulk runs (screening, resolution). Each asks
// for its reason first, then runs the core call on a worker thread with its own writable
// connection, one at a time; the core audits every change. Listeners refresh on caseChanged().
class SubjectActions : public QObject {
    Q_OBJECT

public:
    explicit SubjectActions(QWidget *dialogParent);
    ~SubjectActions() override;

    void setCasePath(const QString &path) { m_casePath = path; }
    bool isBusy() const { return m_watcher.isRunning(); }

    void merge(const QVector<std::int64_t> &subjectIds);
    void split(std::int64_t memberId, const QString &description);
    void undoLast();
    void confirmCandidate(std::int64_t candidateId, const QString &description);
    void rejectCandidate(std::int64_t candidateId, const QString &description);
    void decideHit(std::int64_t hitId, const QString &state, const QString &description);
    void screen();
    void rerunResolution();

    // Runs `work` on a worker thread with a writable connection; its return value is the message
    // shown when it is done. Exceptions become failed(). Public for tests.
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
    std::optional<QString> askReason(const QString &title, const QString &question) const;
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QString m_casePath;
    QString m_what;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace fundtrace::ui
