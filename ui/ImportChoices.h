#pragma once

#include "import/ImportMapping.h"

#include <QString>
#include <QStringList>

namespace fundtrace::ui {

// What the import wizard's pages settle between them, read by the next page and the run page.
struct ImportChoices {
    QStringList files;
    QString format;              // "" = detect per file; else an ImportFormat name ("--format")
    QString listName;            // sanctions lists: the name to file the list under
    QString encoding;            // "" = detect
    QString delimiter;           // "" = detect
    bool hasHeader = true;
    int skipRows = 0;
    import::ImportMapping mapping; // the column mapping, with the format settings above
    bool force = false;          // import a file again although its SHA-256 is in the case
    bool strict = false;         // any bad row rejects the whole file

    // The mapping with only the format settings, for reading the raw table.
    import::ImportMapping formatOnly() const
    {
        import::ImportMapping format;
        format.encoding = encoding;
        format.delimiter = delimiter;
        format.hasHeader = hasHeader;
        format.skipRows = skipRows;
        return format;
    }
};

} // namespace fundtrace::ui
