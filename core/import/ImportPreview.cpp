#include "import/ImportPreview.h"

#include "import/CsvInput.h"
#include "import/RowConverter.h"
#include "model/Currency.h"

#include <QDateTime>

namespace fundtrace::import {
namespace {

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

} // namespace

void describeConversion(PreviewRow &row, bool converted, const ParsedTransaction &parsed, const RowProblem &problem)
{
    if (!converted) {
        row.reason = problem.column.isEmpty() ? problem.reason
                                              : QStringLiteral("%1: %2").arg(problem.column, problem.reason);
        return;
    }
    row.ok = true;
    row.dateUtc = QDateTime::fromSecsSinceEpoch(parsed.bookedAt, QTimeZone::utc()).toString(Qt::ISODate);
    row.direction = QString(QLatin1Char(parsed.direction));
    row.amount = model::formatAmount(parsed.amountMinor, parsed.currency);
    row.account = text(parsed.account);
    row.counterparty = text(parsed.counterpartyName);
    if (!parsed.counterpartyAccount.empty())
        row.counterparty += QStringLiteral(" [%1]").arg(text(parsed.counterpartyAccount));
    row.purpose = text(parsed.purpose);
}

ImportPreview previewFile(const QString &path, const std::optional<ImportMapping> &mapping,
                          const QString &encodingOverride, int maxRows)
{
    ImportPreview preview;
    ImportMapping used = mapping.value_or(ImportMapping {});
    CsvInput input(path, used, encodingOverride);
    preview.encoding = input.encoding();
    preview.delimiter = QString(QLatin1Char(input.delimiter()));
    preview.headers = input.headers();
    if (!mapping) {
        used = guessMapping(input.headers());
        used.encoding = input.encoding();
        used.delimiter = preview.delimiter;
    }

    // Rows are read even when the mapping is incomplete, so the wizard can show the raw table
    // while the user is still mapping columns.
    std::optional<RowConverter> converter;
    QString mappingProblem;
    try {
        const QTimeZone zone(used.timezone.isEmpty() ? QByteArrayLiteral("Asia/Almaty") : used.timezone.toUtf8());
        if (!zone.isValid())
            throw ImportError(QStringLiteral("unknown time zone \"%1\"").arg(used.timezone));
        converter.emplace(used, input.headers(), zone, QStringLiteral("KZT"));
    } catch (const ImportError &error) {
        mappingProblem = QString::fromUtf8(error.what());
    }

    CsvRecord record;
    ParsedTransaction parsed;
    RowProblem problem;
    int widest = static_cast<int>(preview.headers.size());
    while (static_cast<int>(preview.rows.size()) < maxRows && input.next(record)) {
        PreviewRow row;
        row.row = record.number;
        for (const std::string_view field : record.fields)
            row.raw << text(field);
        widest = std::max(widest, static_cast<int>(row.raw.size()));
        if (!converter) {
            row.reason = mappingProblem;
        } else {
            describeConversion(row, converter->convert(record, parsed, problem), parsed, problem);
        }
        preview.rows.push_back(std::move(row));
    }
    if (preview.headers.isEmpty())
        for (int i = 0; i < widest; ++i)
            preview.headers << QStringLiteral("#%1").arg(i + 1);
    preview.mapping = used;
    return preview;
}

} // namespace fundtrace::import
