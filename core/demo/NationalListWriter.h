#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// A small invented national list of persons and organisations linked to terrorist financing, in
// the national-list CSV layout (UTF-8, comma, header row). Collector C and the Reyhanlı pick-up
// recipient are on it under Latin spellings that differ from how the case's records write them,
// so name screening has something real to find; everyone else on it is unrelated to the case.
class NationalListWriter {
public:
    static QString fileName() { return QStringLiteral("national_list.csv"); }
    static QString listName() { return QStringLiteral("KZ AFM list of persons linked to terrorist financing (demo)"); }

    // Returns the number of entries written. Throws std::runtime_error when the file cannot be
    // written.
    static int write(const QString &path, const DemoLedger &ledger, const DemoCast &cast, DemoFacts &facts);
};

} // namespace fundtrace::demo
