#include "import/CsvImporter.h"

#include "import/CsvInput.h"
#include "import/CaseTimeZone.h"
#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/RowConverter.h"
#include "import/RowSource.h"

#include <QJsonDocument>

namespace fundtrace::import {
CsvImporter::CsvImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult CsvImporter::importFile(const QString &path, const ProgressCallback &progress,
                                     const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("csv"), [&](ImportContext &context) {
        ImportMapping mapping = m_options.mapping.value_or(ImportMapping {});
        CsvInput input(path, mapping, m_options.encoding);
        context.result.delimiter = delimiterName(input.delimiter());
        context.setEncoding(input.encoding());
        if (!m_options.mapping) {
            mapping = guessMapping(input.headers());
            mapping.encoding = input.encoding();
            mapping.delimiter = QString(QLatin1Char(input.delimiter()));
        }
        context.setMappingJson(QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)));
        std::optional<RowConverter> converter;
        try {
            converter.emplace(mapping, input.headers(), caseTimeZone(m_case, mapping.timezone),
                              m_case.meta(QStringLiteral("base_currency"), QStringLiteral("KZT")));
        } catch (const ImportError &error) {
            throw ImportError(QStringLiteral("%1: %2%3").arg(
                    path, QString::fromUtf8(error.what()),
                    m_options.mapping ? QString()
                                      : QStringLiteral(". The header was not recognised; write a mapping "
                                                       "file (see docs/mapping.md) or use the import wizard")));
        }
        CsvRowSource rows(input, *converter);
        context.importRows(rows);
    }, progress, cancel);
}

} // namespace fundtrace::import
