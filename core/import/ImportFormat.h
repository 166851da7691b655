#pragma once

#include <QString>
#include <optional>

namespace fundtrace::import {

// Every file format Fundtrace imports. Names (formatName) are what `--format` takes and what
// sources.format stores.
enum class ImportFormat {
    Csv,            // csv: delimited text (also TSV)
    Xlsx,           // xlsx: Office Open XML workbook
    OneC,           // 1c: 1CClientBankExchange
    Camt,           // camt: ISO 20022 camt.052/053/054
    Mt940,          // mt940: SWIFT MT940 (and MT942)
    GoAml,          // goaml: goAML XML report
    UnList,         // un-list: UN Security Council consolidated list XML
    OfacSdnXml,     // ofac-xml: OFAC SDN XML
    OfacSdnCsv,     // ofac-csv: OFAC SDN CSV (sdn.csv with alt.csv/add.csv beside it)
    EuList,         // eu-list: EU consolidated financial sanctions XML
    FtmJson,        // ftm: OpenSanctions / FollowTheMoney JSON lines
    NationalList,   // national-list: plain CSV of listed persons and organisations
};

QString formatName(ImportFormat format);
std::optional<ImportFormat> formatFromName(const QString &name);
// Human description for the wizard and errors ("ISO 20022 camt.053 statement").
QString formatDescription(ImportFormat format);
bool isSanctionsList(ImportFormat format);

// Decides the format from the file's content (magic bytes, first line, XML root element and
// namespace, JSON keys), never from the extension alone. Falls back to Csv. Reads at most the
// first 64 KiB. Throws ImportError when the file cannot be read.
ImportFormat detectFormat(const QString &path);

} // namespace fundtrace::import
