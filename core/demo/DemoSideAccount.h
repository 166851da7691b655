#pragma once

#include <QDate>
#include <QString>
#include <QtGlobal>
#include <vector>

namespace fundtrace::demo {

// One posting on an account that only the extra demo files show (not in the shared ledger).
struct SideEntry {
    qint64 minute = 0;        // Almaty wall clock, see DemoClock
    qint64 amount = 0;        // signed minor units: credit > 0, debit < 0
    QString counterparty;
    QString counterpartyLatin;
    QString counterpartyAccount;
    QString counterpartyBic;
    QString counterpartyTaxId;
    QString counterpartyCountry;
    QString purpose;
    QString reference;
    QString place;            // ATM or branch for cash
    QString bankReference;    // the servicing bank's own reference
    QString kind;             // "transfer", "cash", "fee", "card"
    bool missing = false;     // happened, but the export leaves it out (a statement gap)
};

// An account seen by one extra export: its postings in time order and monthly statement periods
// whose balances add up.
class DemoSideAccount {
public:
    struct Period {
        QDate from;
        QDate to;
        std::vector<int> entries;  // indices of the shown postings in the period
        qint64 opening = 0;
        qint64 closing = 0;        // opening + credits - debits of the shown postings
        qint64 credits = 0;
        qint64 debits = 0;
    };

    QString id;           // IBAN
    QString currency;
    QString bankKey;
    int party = -1;       // ledger party of the holder
    std::vector<SideEntry> entries;
    qint64 opening = 0;

    void add(SideEntry entry) { entries.push_back(std::move(entry)); }
    // Sorts the postings by time (stable) and sets the opening balance so the running balance
    // never falls below `floor`.
    void finish(qint64 floor);
    // Calendar-month periods clipped to [from, to]. A missing posting moves the next period's
    // opening balance away from the previous closing one.
    std::vector<Period> monthly(const QDate &from, const QDate &to) const;
    qint64 closing() const;
};

} // namespace fundtrace::demo
