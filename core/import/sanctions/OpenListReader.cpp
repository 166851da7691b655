#include "import/sanctions/OpenListReader.h"

#include "import/ImportPreview.h"
#include "import/sanctions/EuListReader.h"
#include "import/sanctions/FtmJsonReader.h"
#include "import/sanctions/NationalListCsvReader.h"
#include "import/sanctions/OfacSdnCsvReader.h"
#include "import/sanctions/OfacSdnXmlReader.h"
#include "import/sanctions/UnListReader.h"

namespace fundtrace::import {

std::unique_ptr<SanctionsListReader> openListReader(ImportFormat format, const QString &path)
{
    switch (format) {
    case ImportFormat::UnList:
        return std::make_unique<UnListReader>(path);
    case ImportFormat::OfacSdnXml:
        return std::make_unique<OfacSdnXmlReader>(path);
    case ImportFormat::OfacSdnCsv:
        return std::make_unique<OfacSdnCsvReader>(path);
    case ImportFormat::EuList:
        return std::make_unique<EuListReader>(path);
    case ImportFormat::FtmJson:
        return std::make_unique<FtmJsonReader>(path);
    case ImportFormat::NationalList:
        return std::make_unique<NationalListCsvReader>(path);
    default:
        throw ImportError(QStringLiteral("%1 is not a sanctions-list format").arg(formatName(format)));
    }
}

} // namespace fundtrace::import
