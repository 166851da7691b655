#include "import/ImportFormat.h"

#include "import/ImportPreview.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace fundtrace::import {
namespace {

struct FormatInfo {
    ImportFormat format;
    const char *name;
    const char *description;
};

const FormatInfo kFormats[] = {
    { ImportFormat::Csv, "csv", "delimited text (CSV/TSV)" },
    { ImportFormat::Xlsx, "xlsx", "Excel workbook (XLSX)" },
    { ImportFormat::OneC, "1c", "1C ClientBankExchange statement" },
    { ImportFormat::Camt, "camt", "ISO 20022 camt.052/053/054 statement" },
    { ImportFormat::Mt940, "mt940", "SWIFT MT940 statement" },
    { ImportFormat::GoAml, "goaml", "goAML XML report" },
    { ImportFormat::UnList, "un-list", "UN Security Council consolidated list (XML)" },
    { ImportFormat::OfacSdnXml, "ofac-xml", "OFAC SDN list (XML)" },
    { ImportFormat::OfacSdnCsv, "ofac-csv", "OFAC SDN list (CSV)" },
    { ImportFormat::EuList, "eu-list", "EU consolidated financial sanctions list (XML)" },
    { ImportFormat::FtmJson, "ftm", "OpenSanctions / FollowTheMoney entities (JSON lines)" },
    { ImportFormat::NationalList, "national-list", "national list of designated persons (CSV)" },
};

// The XML root element and its namespace decide among the XML formats.
std::optional<ImportFormat> xmlFormat(const QByteArray &head)
{
    QXmlStreamReader xml(head);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString root = xml.name().toString();
        const QString ns = xml.namespaceUri().toString();
        if (root == QLatin1String("Document") && ns.contains(QLatin1String("camt.05")))
            return ImportFormat::Camt;
        if (root == QLatin1String("report"))
            return ImportFormat::GoAml;
        if (root == QLatin1String("CONSOLIDATED_LIST"))
            return ImportFormat::UnList;
        if (root == QLatin1String("sdnList"))
            return ImportFormat::OfacSdnXml;
        if (root == QLatin1String("export") && ns.contains(QLatin1String("fsd"), Qt::CaseInsensitive))
            return ImportFormat::EuList;
        if (root == QLatin1String("export"))
            return ImportFormat::EuList;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QString formatName(ImportFormat format)
{
    for (const FormatInfo &info : kFormats)
        if (info.format == format)
            return QString::fromLatin1(info.name);
    return QStringLiteral("csv");
}

std::optional<ImportFormat> formatFromName(const QString &name)
{
    for (const FormatInfo &info : kFormats)
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.format;
    return std::nullopt;
}

QString formatDescription(ImportFormat format)
{
    for (const FormatInfo &info : kFormats)
        if (info.format == format)
            return QString::fromLatin1(info.description);
    return {};
}

bool isSanctionsList(ImportFormat format)
{
    switch (format) {
    case ImportFormat::UnList:
    case ImportFormat::OfacSdnXml:
    case ImportFormat::OfacSdnCsv:
    case ImportFormat::EuList:
    case ImportFormat::FtmJson:
    case ImportFormat::NationalList:
        return true;
    default:
        return false;
    }
}

ImportFormat detectFormat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(64 * 1024);

    // Zip (XLSX), or an OLE compound file (old .xls, or an encrypted .xlsx): the XLSX importer
    // explains what to do with the latter.
    if (head.startsWith("PK\x03\x04") || head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return ImportFormat::Xlsx;
    // 1C files start with the marker, in Windows-1251 or UTF-8 (possibly after a BOM).
    QByteArray start = head.left(256);
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.mid(3);
    if (start.startsWith("1CClientBankExchange"))
        return ImportFormat::OneC;

    const QByteArray trimmed = start.trimmed();
    if (trimmed.startsWith('<')) {
        if (const auto format = xmlFormat(head))
            return *format;
    }
    if (trimmed.startsWith('{') && head.contains("\"schema\"") && head.contains("\"properties\""))
        return ImportFormat::FtmJson;
    // MT940: optional SWIFT block headers, then tag lines such as :20: and :25:.
    if ((trimmed.startsWith("{1:") || trimmed.startsWith(":20:")) && head.contains(":25:") && head.contains(":61:"))
        return ImportFormat::Mt940;
    if (trimmed.startsWith(":20:") && head.contains(":25:"))
        return ImportFormat::Mt940;
    const QString lowerName = QFileInfo(path).fileName().toLower();
    // OFAC's sdn.csv has no header row; its first field is the numeric ent_num and the third the
    // SDN type, with "-0-" for empty values.
    if (lowerName.startsWith(QLatin1String("sdn")) && lowerName.endsWith(QLatin1String(".csv")) && head.contains("-0-"))
        return ImportFormat::OfacSdnCsv;
    return ImportFormat::Csv;
}

} // namespace fundtrace::import
