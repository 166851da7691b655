#include "import/sanctions/OfacSdnCsvReader.h"

#include "import/ImportPreview.h"
#include "import/TextEncoding.h"
#include "import/sanctions/ListDate.h"
#include "import/sanctions/OfacSdnXmlReader.h"

#include <QDir>
#include <QFileInfo>

namespace fundtrace::import {
namespace {

QString field(const CsvRecord &record, std::size_t index)
{
    if (index >= record.fields.size())
        return {};
    const QString text = QString::fromUtf8(record.fields[index].data(), qsizetype(record.fields[index].size())).trimmed();
    return text == u"-0-" ? QString() : text;
}

// OFAC's files end with a DOS end-of-file byte on a line of its own.
bool isEndMarker(const CsvRecord &record)
{
    return record.fields.size() == 1 && (record.fields[0].empty() || record.fields[0] == "\x1A");
}

CsvReader::Options csvOptions(QFile &file)
{
    const EncodingGuess guess = detectEncoding(file.peek(64 * 1024));
    CsvReader::Options options;
    options.encoding = guess.encoding;
    options.delimiter = ',';
    return options;
}

// sdn.csv, SDN.CSV: companions are matched case-insensitively in the same directory.
QString companionPath(const QString &sdnPath, const QString &name)
{
    const QDir dir = QFileInfo(sdnPath).dir();
    for (const QString &entry : dir.entryList(QDir::Files))
        if (entry.compare(name, Qt::CaseInsensitive) == 0)
            return dir.filePath(entry);
    return {};
}

} // namespace

OfacSdnCsvReader::OfacSdnCsvReader(const QString &path)
    : m_path(path)
    , m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString()));
    m_version = QFileInfo(path).lastModified().toUTC().date().toString(Qt::ISODate);
    m_notes << QStringLiteral("OFAC SDN CSV carries no publication date; version taken from the file date %1")
                       .arg(m_version);
    loadCompanion(QStringLiteral("alt.csv"), 4, [this](const std::vector<QString> &fields) {
        m_aliases[fields[0]].push_back({ fields[2], fields[3] });
    });
    loadCompanion(QStringLiteral("add.csv"), 5, [this](const std::vector<QString> &fields) {
        QStringList parts;
        for (std::size_t i = 2; i < 5; ++i)
            if (!fields[i].isEmpty())
                parts << fields[i];
        if (!parts.isEmpty())
            m_addresses[fields[0]] << parts.join(QStringLiteral(", "));
    });
    m_reader = std::make_unique<CsvReader>(m_file, csvOptions(m_file));
}

OfacSdnCsvReader::~OfacSdnCsvReader() = default;

void OfacSdnCsvReader::loadCompanion(const QString &fileName, int minFields,
                                     const std::function<void(const std::vector<QString> &)> &take)
{
    const QString path = companionPath(m_path, fileName);
    if (path.isEmpty()) {
        m_notes << QStringLiteral("%1 not found beside %2; its data is missing from this list")
                           .arg(fileName, QFileInfo(m_path).fileName());
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    CsvReader reader(file, csvOptions(file));
    CsvRecord record;
    std::vector<QString> fields;
    std::int64_t rows = 0;
    while (reader.next(record)) {
        if (isEndMarker(record))
            continue;
        if (record.fields.size() < std::size_t(minFields))
            throw ImportError(QStringLiteral("%1, line %2: %3 fields where OFAC's %4 has at least %5")
                                      .arg(path)
                                      .arg(record.line)
                                      .arg(record.fields.size())
                                      .arg(fileName)
                                      .arg(minFields));
        fields.clear();
        for (std::size_t i = 0; i < record.fields.size(); ++i)
            fields.push_back(field(record, i));
        take(fields);
        ++rows;
    }
    if (reader.error())
        throw ImportError(QStringLiteral("%1, line %2: %3")
                                  .arg(path)
                                  .arg(reader.error()->line)
                                  .arg(QString::fromStdString(reader.error()->reason)));
    m_notes << QStringLiteral("joined %1 rows of %2").arg(rows).arg(fileName);
}

bool OfacSdnCsvReader::next(SanctionEntry &entry)
{
    CsvRecord record;
    while (m_reader->next(record)) {
        if (isEndMarker(record))
            continue;
        if (record.fields.size() < 4)
            throw ImportError(QStringLiteral("%1, line %2: %3 fields where sdn.csv has 12; is this OFAC's sdn.csv?")
                                      .arg(m_path)
                                      .arg(record.line)
                                      .arg(record.fields.size()));
        entry = SanctionEntry {};
        entry.line = record.line;
        entry.externalId = field(record, 0);
        entry.reference = entry.externalId;
        entry.primaryName = field(record, 1).simplified();
        entry.kind = ofacKind(field(record, 2));
        // Several programmes are written "SDGT] [IRGC".
        entry.programs = field(record, 3).replace(QStringLiteral("] ["), QStringLiteral(", ")).simplified();
        entry.addAttribute(QStringLiteral("title"), field(record, 4));
        entry.addAttribute(QStringLiteral("call_sign"), field(record, 5));
        entry.addAttribute(QStringLiteral("flag"), field(record, 9));
        entry.remarks = field(record, 11);
        parseRemarks(entry.remarks, entry);
        for (const Alias &alias : m_aliases.value(entry.externalId)) {
            const QString type = alias.type.toLower();
            entry.addName(alias.name, type.startsWith(u"fka") ? QStringLiteral("fka") : QStringLiteral("aka"));
        }
        for (const QString &address : m_addresses.value(entry.externalId))
            entry.addAttribute(QStringLiteral("address"), address);
        return true;
    }
    if (m_reader->error())
        throw ImportError(QStringLiteral("%1, line %2: %3")
                                  .arg(m_path)
                                  .arg(m_reader->error()->line)
                                  .arg(QString::fromStdString(m_reader->error()->reason)));
    return false;
}

void OfacSdnCsvReader::parseRemarks(const QString &remarks, SanctionEntry &entry)
{
    struct Prefix {
        const char16_t *text;
        const char *kind;
    };
    static const Prefix kPrefixes[] = {
        { u"DOB ", "birth_date" },       { u"POB ", "birth_place" },     { u"nationality ", "nationality" },
        { u"citizen ", "citizenship" },  { u"Passport ", "passport" },   { u"National ID No. ", "national_id" },
        { u"Gender ", "gender" },        { u"Cedula No. ", "national_id" }, { u"Tax ID No. ", "tax_id" },
    };
    for (QString part : remarks.split(QLatin1Char(';'))) {
        part = part.trimmed();
        if (part.endsWith(QLatin1Char('.')))
            part.chop(1);
        for (const Prefix &prefix : kPrefixes) {
            const QString text = QString::fromUtf16(prefix.text);
            if (part.startsWith(text, Qt::CaseInsensitive)) {
                QString value = part.mid(text.size()).trimmed();
                if (qstrcmp(prefix.kind, "birth_date") == 0)
                    value = listDate(value);
                entry.addAttribute(QString::fromLatin1(prefix.kind), value);
                break;
            }
        }
    }
}

} // namespace fundtrace::import
