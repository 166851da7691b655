#pragma once

#include "import/ImportMapping.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace fundtrace::demo {

// What TypologyScenarioGenerator wrote into a directory.
struct TypologyScenario {
    QString csvPath;     // transactions.csv: background activity with the planted patterns
    QString listPath;    // national-list.csv: the planted listed persons (national-list layout)
    QString truthPath;   // truth.json: every planted pattern and decoy
    qint64 rows = 0;     // data rows written to the CSV
    int patterns = 0;    // planted instances that the rules should flag
    int decoys = 0;      // near misses just outside the default thresholds that they must not flag
};

// A seeded scenario for judging the typology rules: realistic background bank activity (salaries,
// utilities, shop payments, transfers between people, cash) at a chosen number of rows, with
// several instances of every typology planted at varied parameters inside the default thresholds
// and near-miss decoys just outside them. The truth (typology, accounts as written in the CSV,
// time window as written, external transaction ids) is written beside the CSV. Rows are streamed
// day by day, so memory stays small at millions of rows. Deterministic for a seed.
//
// Shared identifiers are planted as one holder IIN on many accounts; shared phones and e-mails
// come from goAML reports, which this generator does not write.
class TypologyScenarioGenerator {
public:
    // The rule ids planted, in the order truth.json lists them.
    static QStringList typologies();
    static QString listName() { return QStringLiteral("KZ AFM list (typology scenario)"); }
    // Writes transactions.csv, national-list.csv and truth.json into `directory` (created when
    // missing). Throws std::runtime_error naming the file when one cannot be written.
    static TypologyScenario write(const QString &directory, qint64 rows, quint64 seed);
    // The CSV's mapping: the headers the importer guesses, plus the holder IIN column, which has
    // no guessable header.
    static import::ImportMapping importMapping();
    static QStringList csvHeaders();
};

} // namespace fundtrace::demo
