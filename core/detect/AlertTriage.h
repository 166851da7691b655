#pragma once

#include "db/Database.h"

#include <QString>
#include <QVector>
#include <cstdint>
#include <stdexcept>

namespace fundtrace::detect {

// A triage request that cannot be carried out, in plain language.
class TriageError : public std::runtime_error {
public:
    explicit TriageError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// Moves alerts between new, in review, confirmed suspicious and dismissed, one or many at once.
// Each call is one audited transaction and one batch that undo() reverses exactly (as long as
// the alerts have not changed state since). Dismissing needs a reason.
class AlertTriage {
public:
    explicit AlertTriage(db::Database &db);

    // Returns the batch id.
    std::int64_t setState(const QVector<std::int64_t> &alertIds, const QString &state, const QString &reason = {});
    void undo(std::int64_t batch);
    // Undoes the newest batch not yet undone; returns it, or 0 when there is none.
    std::int64_t undoLast();

    static bool isState(const QString &state);

private:
    db::Database &m_db;
};

} // namespace fundtrace::detect
