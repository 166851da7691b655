#pragma once

#include <QByteArray>
#include <QString>

namespace fundtrace::identifiers {

// What parsing needs to know about the case: the region for numbers written without a country
// (phones, documents) and the case's secret key for card hashes. The key lives in the case file's
// case_meta, so one card hashes alike within a case but differently across cases.
struct IdentifierContext {
    QString defaultRegion = QStringLiteral("KZ");
    QByteArray cardHashKey;
};

} // namespace fundtrace::identifiers
