#include "import/FileImporter.h"

#include "import/ImportPreview.h"
#include "import/bank/CamtImporter.h"
#include "import/bank/Mt940Importer.h"
#include "import/bank/OneCImporter.h"
#include "import/goaml/GoAmlImporter.h"
#include "import/sanctions/SanctionsListImporter.h"
#include "import/xlsx/XlsxImporter.h"

#include <QFileInfo>

namespace fundtrace::import {

FileImporter::FileImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportFormat FileImporter::formatOf(const QString &path) const
{
    if (m_options.format.isEmpty() || m_options.format == QLatin1String("auto"))
        return detectFormat(path);
    if (const auto format = formatFromName(m_options.format))
        return *format;
    throw ImportError(QStringLiteral("%1: unknown format \"%2\"; use csv, xlsx, 1c, camt, mt940, goaml, un-list, "
                                     "ofac-xml, ofac-csv, eu-list, ftm or national-list").arg(path, m_options.format));
}

ImportResult FileImporter::importFile(const QString &path, const ProgressCallback &progress, const CancelFlag *cancel)
{
    // A missing or unreadable file is reported by the import envelope, in the same words for
    // every format.
    ImportFormat format = ImportFormat::Csv;
    try {
        if (QFileInfo(path).isFile())
            format = formatOf(path);
    } catch (const ImportError &error) {
        ImportResult result;
        result.status = ImportResult::Status::Failed;
        result.file = path;
        result.message = QString::fromUtf8(error.what()) + QStringLiteral(" — nothing imported");
        return result;
    }
    switch (format) {
    case ImportFormat::Csv:
        return CsvImporter(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::Xlsx:
        return XlsxImporter(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::OneC:
        return OneCImporter(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::Camt:
        return CamtImporter(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::Mt940:
        return Mt940Importer(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::GoAml:
        return GoAmlImporter(m_case, m_options).importFile(path, progress, cancel);
    case ImportFormat::UnList:
    case ImportFormat::OfacSdnXml:
    case ImportFormat::OfacSdnCsv:
    case ImportFormat::EuList:
    case ImportFormat::FtmJson:
    case ImportFormat::NationalList:
        return SanctionsListImporter(m_case, m_options, format).importFile(path, progress, cancel);
    }
    return CsvImporter(m_case, m_options).importFile(path, progress, cancel);
}

} // namespace fundtrace::import
