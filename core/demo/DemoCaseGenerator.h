#pragma once

#include <QString>
#include <QtGlobal>
#include <vector>

namespace fundtrace::demo {

// One importable file of the demo case. Names are relative to the directory written to.
struct DemoFile {
    QString fileName;
    QString format;          // e.g. "CSV, Windows-1251, ';'"
    QString mappingFileName; // empty: import without a mapping (headers are guessed)
    QString description;
    QString importFormat = QStringLiteral("csv"); // the importer's --format name: csv, 1c, mt940, camt, goaml, ...
    QString listName;        // sanctions lists only: the name to file the list under (--list-name)
};

// Writes the fictional demo case: a public fund in Almaty that crowdfunds "for sick children" and
// passes the money to collectors who take it out in cash and send it to the Turkish-Syrian border
// and the UAE, hidden among ordinary people's banking (see docs/demo-case.md). The output depends
// only on the seed and the scale, byte for byte, on every platform. Scale multiplies the
// background people; the planted story stays the same.
class DemoCaseGenerator {
public:
    explicit DemoCaseGenerator(quint64 seed = 20241105, int scale = 1);

    // Creates `dir` if needed and writes the data files, their mapping files and truth.json (the
    // planted story, not importable). Returns the importable files in a sensible import order.
    // Throws std::runtime_error naming the file when something cannot be written.
    std::vector<DemoFile> writeTo(const QString &dir) const;

    static QString truthFileName() { return QStringLiteral("truth.json"); }

private:
    quint64 m_seed;
    int m_scale;
};

} // namespace fundtrace::demo
