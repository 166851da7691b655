#pragma once

#include "db/Database.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>

namespace fundtrace::entities {

struct CurrencyFlow {
    QString currency;
    std::int64_t inMinor = 0;
    std::int64_t outMinor = 0;
    std::int64_t inCount = 0;
    std::int64_t outCount = 0;
};

// One resolved subject as the subjects list shows it.
struct SubjectRow {
    std::int64_t id = 0; // the group's root
    QString kind;
    QString displayName;
    int members = 1;
    int accounts = 0;
    QVector<CurrencyFlow> flows;   // largest first
    std::int64_t mainFlowMinor = 0; // in + out in the case currency, for sorting
    std::int64_t firstAt = 0;      // UTC seconds, 0 when no activity
    std::int64_t lastAt = 0;
    int openHits = 0;              // screening hits not dismissed
};

struct SubjectFilter {
    enum class Order { Flow, Name, LastActivity };
    QString search;           // any spelling or identifier
    QStringList kinds;        // empty = all
    Order order = Order::Flow;
    int limit = -1;           // -1 = all
};

// The resolved subjects of a case (group roots), with their money in and out, filtered by kind
// and found by any spelling through SubjectSearchIndex.
class SubjectList {
public:
    explicit SubjectList(db::Database &db);
    QVector<SubjectRow> load(const SubjectFilter &filter) const;
    // The currency totals are compared in for sorting: the case's most used currency.
    QString mainCurrency() const;

private:
    db::Database &m_db;
};

} // namespace fundtrace::entities
