#pragma once

#include "demo/DemoLedger.h"

#include <QJsonObject>
#include <QString>

namespace fundtrace::demo {

// The wallet operator's registry of transfers sent from its wallets: UTF-16LE with BOM, tab
// separated, times in UTC, the sender's wallet split into "Код банка" and "Номер счета", two
// "Сумма"/"Валюта" pairs (sent and paid out) and some multi-line purposes in quotes.
class WalletRegistryWriter {
public:
    static QString fileName() { return QStringLiteral("wallet_transfers.tsv"); }
    static QString mappingFileName() { return QStringLiteral("wallet_transfers.mapping.json"); }

    // Returns the number of transfer rows. Throws std::runtime_error when writing fails.
    static int write(const QString &path, const DemoLedger &ledger);
    static QJsonObject mapping();
};

} // namespace fundtrace::demo
