#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QtGlobal>

namespace fundtrace::demo {

// How bank exports spell values: amounts in their different styles and delimited-text quoting.
class ExportText {
public:
    // "-1234567.89" (no thousands separator, point); minor units with 2 decimals.
    static QString pointAmount(qint64 minor);
    // "1 234 567,89" with the given thousands separator (space or U+00A0) and a decimal comma.
    static QString commaAmount(qint64 minor, QChar thousands);
    // The field quoted when it contains the delimiter, a quote or a line break (quotes doubled).
    static QString quoted(const QString &field, QChar delimiter);
    // Upper case as 1C-style exports print names ("Арман" -> "АРМАН").
    static QString upper(const QString &text) { return text.toUpper(); }
    // Writes an export file atomically; throws std::runtime_error naming the file and the reason.
    static void save(const QString &path, const QByteArray &bytes);
};

} // namespace fundtrace::demo
