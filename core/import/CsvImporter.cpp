#include "import/CsvImporter.h"

#include "import/CsvInput.h"
#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/RowConverter.h"
#include "import/RowSource.h"

#include <QJsonDocument>

namespace fundtrace::import {
namespace {

QTimeZone zoneFor(const ImportMapping &mapping, const db::CaseFile &caseFile)
{
    const QString name = !mapping.timezone.isEmpty() ? mapping.timezone
                                                     : caseFile.meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
    QTimeZone zone(name.toUtf8());
    if (!zone.isValid())
        throw ImportError(QStringLiteral("unknown time zone \"%1\" (use an IANA name such as "
                                         "Asia/Almaty)").arg(name));
    return zone;
}

} // namespace

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
            converter.emplace(mapping, input.headers(), zoneFor(mapping, m_case),
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
