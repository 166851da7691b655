#pragma once

#include "import/xlsx/XlsxArchive.h"
#include "import/xlsx/XlsxSharedStrings.h"
#include "import/xlsx/XlsxStyles.h"

#include <QString>
#include <vector>

namespace fundtrace::import {

struct XlsxSheetInfo {
    QString name;       // as shown on the tab
    QString entry;      // zip entry of its XML, e.g. "xl/worksheets/sheet1.xml"
    int number = 0;     // 1-based position in the workbook
    bool hidden = false;
};

// An opened workbook: the zip container, its worksheets in tab order, the shared strings, which
// styles are dates, and the date system. Parts are located through the package relationships,
// not guessed from names. Every error is an ImportError naming the file and the part.
class XlsxWorkbook {
public:
    explicit XlsxWorkbook(const QString &path);

    XlsxArchive &archive() { return m_archive; }
    const QString &path() const { return m_archive.path(); }
    const std::vector<XlsxSheetInfo> &sheets() const { return m_sheets; }
    // By name, or by 1-based number when no sheet has that name; throws listing the sheets.
    const XlsxSheetInfo &sheet(const QString &nameOrNumber) const;
    const XlsxSharedStrings &sharedStrings() const { return m_sharedStrings; }
    const XlsxStyles &styles() const { return m_styles; }
    bool date1904() const { return m_date1904; }

private:
    struct Relationship {
        QString id;
        QString type;   // the last segment of the type URI: "worksheet", "sharedStrings", ...
        QString target; // resolved zip entry
    };
    std::vector<Relationship> readRelationships(const QString &relsEntry, const QString &baseDir);

    XlsxArchive m_archive;
    std::vector<XlsxSheetInfo> m_sheets;
    XlsxSharedStrings m_sharedStrings;
    XlsxStyles m_styles;
    bool m_date1904 = false;
};

} // namespace fundtrace::import
