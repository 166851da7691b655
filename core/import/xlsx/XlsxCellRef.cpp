#include "import/xlsx/XlsxCellRef.h"

namespace fundtrace::import {

bool XlsxCellRef::parse(QStringView text, XlsxCellRef &out)
{
    if (!text.isEmpty() && text.front() == QLatin1Char('$'))
        text = text.mid(1);
    qsizetype i = 0;
    int column = 0;
    while (i < text.size() && i < 4) {
        const char16_t c = text[i].unicode();
        if (c >= 'a' && c <= 'z')
            column = column * 26 + (c - 'a' + 1);
        else if (c >= 'A' && c <= 'Z')
            column = column * 26 + (c - 'A' + 1);
        else
            break;
        ++i;
    }
    if (i == 0 || column > kMaxColumns)
        return false;
    // "$" marks absolute references in merge ranges written by some tools.
    if (i < text.size() && text[i] == QLatin1Char('$'))
        ++i;
    int row = 0;
    const qsizetype digitsStart = i;
    while (i < text.size() && i - digitsStart < 8) {
        const char16_t c = text[i].unicode();
        if (c < '0' || c > '9')
            return false;
        row = row * 10 + (c - '0');
        ++i;
    }
    if (i != text.size() || row > kMaxRows || (i > digitsStart && row == 0))
        return false;
    out.row = row;
    out.column = column - 1;
    return true;
}

QString XlsxCellRef::columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace fundtrace::import
