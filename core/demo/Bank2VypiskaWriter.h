#pragma once

#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QJsonObject>
#include <QString>

namespace fundtrace::demo {

// A 1C-style "выписка" of one account (the fund's): Windows-1251, ';', Russian headers, separate
// debit and credit columns with decimal comma and NBSP thousands, "dd.MM.yyyy HH:mm" dates (fee
// postings "dd.MM.yy"), title lines above the header and totals below. The statement's own
// account is not in the rows, so importing it needs the mapping from mapping().
class Bank2VypiskaWriter {
public:
    static QString fileName() { return QStringLiteral("bank2_vypiska_cp1251.csv"); }
    static QString mappingFileName() { return QStringLiteral("bank2_vypiska.mapping.json"); }
    static constexpr int kTitleLines = 5;

    // Returns the number of transaction rows. Throws std::runtime_error when writing fails.
    static int write(const QString &path, const DemoLedger &ledger, int account, DemoFacts &facts);
    static QJsonObject mapping(const DemoLedger &ledger, int account);
};

} // namespace fundtrace::demo
