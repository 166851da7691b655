#pragma once

#include <QString>
#include <QStringView>

namespace fundtrace::import {

// A cell address such as "C12" split into 1-based row and 0-based column, bounded by Excel's
// sheet size (1 048 576 rows, 16 384 columns) so hostile addresses cannot size our buffers.
struct XlsxCellRef {
    static constexpr int kMaxRows = 1048576;
    static constexpr int kMaxColumns = 16384;

    int row = 0;      // 0 when the reference carries no row ("C")
    int column = -1;  // 0 = A

    // False for anything that is not letters then optional digits within the bounds.
    static bool parse(QStringView text, XlsxCellRef &out);
    static QString columnName(int column); // 0 -> "A", 27 -> "AB"
};

} // namespace fundtrace::import
