#include "import/sanctions/NationalListCsvReader.h"

#include "import/ImportPreview.h"
#include "import/TextEncoding.h"
#include "import/sanctions/ListDate.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

// Header names accepted for each column, compared lower-case with spaces, '_' and '-' removed.
const char *const kHeaderNames[NationalListCsvReader::ColumnCount] = {
    "name|fullname|names|фио|наименование|имя",
    "aliases|alias|aka|alsoknownas|псевдонимы|псевдоним",
    "birthdate|dateofbirth|dob|датарождения",
    "nationality|citizenship|гражданство",
    "document|documents|passport|iddocument|документ|документы",
    "type|kind|subjecttype|тип",
    "reference|ref|referencenumber|number|no|№|номер",
    "listedon|datelisted|listingdate|датавключения",
    "programme|program|basis|основание",
    "remarks|notes|comments|примечание|примечания",
};

QString headerKey(QString text)
{
    text = text.toLower();
    text.remove(QLatin1Char(' ')).remove(QLatin1Char('_')).remove(QLatin1Char('-')).remove(QLatin1Char('.'));
    return text;
}

QString kindOf(const QString &type)
{
    const QString t = type.trimmed().toLower();
    if (t.isEmpty())
        return QStringLiteral("unknown");
    if (t.startsWith(u"person") || t.startsWith(u"individual") || t.startsWith(u"физ") || t == u"фл")
        return QStringLiteral("person");
    if (t.startsWith(u"organi") || t.startsWith(u"entity") || t.startsWith(u"company") || t.startsWith(u"юр")
        || t == u"юл")
        return QStringLiteral("organisation");
    if (t.startsWith(u"vessel"))
        return QStringLiteral("vessel");
    return QStringLiteral("unknown");
}

QString syntaxError(const QString &path, const CsvReader &reader)
{
    return QStringLiteral("%1, line %2: %3")
            .arg(path)
            .arg(reader.error()->line)
            .arg(QString::fromStdString(reader.error()->reason));
}

} // namespace

NationalListCsvReader::NationalListCsvReader(const QString &path)
    : m_path(path)
    , m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString()));
    const QByteArray sample = m_file.peek(64 * 1024);
    const EncodingGuess guess = detectEncoding(sample);
    CsvReader::Options options;
    options.encoding = guess.encoding;
    // Delimiters are ASCII, so counting them works on the raw bytes whatever the encoding.
    options.delimiter = detectDelimiter(std::string_view(sample.constData(), std::size_t(sample.size())));
    m_reader = std::make_unique<CsvReader>(m_file, options);

    CsvRecord header;
    if (!m_reader->next(header))
        throw ImportError(m_reader->error() ? syntaxError(path, *m_reader)
                                            : QStringLiteral("%1: the file is empty; a national list needs a header "
                                                             "row and one row per listed person or organisation").arg(path));
    m_columns.fill(-1);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const QString key = headerKey(QString::fromUtf8(header.fields[i].data(), qsizetype(header.fields[i].size())));
        for (int column = 0; column < ColumnCount; ++column)
            if (m_columns[column] < 0
                && QString::fromUtf8(kHeaderNames[column]).split(QLatin1Char('|')).contains(key))
                m_columns[column] = int(i);
    }
    if (m_columns[Name] < 0)
        throw ImportError(QStringLiteral("%1, line %2: no name column in the header (expected \"name\" or \"full "
                                         "name\"; see docs/formats-sanctions.md)").arg(path).arg(header.line));
}

NationalListCsvReader::~NationalListCsvReader() = default;

bool NationalListCsvReader::next(SanctionEntry &entry)
{
    CsvRecord record;
    if (!m_reader->next(record)) {
        if (m_reader->error())
            throw ImportError(syntaxError(m_path, *m_reader));
        return false;
    }
    auto value = [&](Column column) {
        const int index = m_columns[column];
        if (index < 0 || std::size_t(index) >= record.fields.size())
            return QString();
        return QString::fromUtf8(record.fields[index].data(), qsizetype(record.fields[index].size())).simplified();
    };
    auto split = [](const QString &text) {
        QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (QString &part : parts)
            part = part.trimmed();
        return parts;
    };
    entry = SanctionEntry {};
    entry.line = record.line;
    entry.primaryName = value(Name);
    entry.kind = kindOf(value(Type));
    entry.reference = value(Reference);
    entry.externalId = entry.reference;
    entry.listedOn = listDate(value(ListedOn));
    entry.programs = value(Programme);
    entry.remarks = value(Remarks);
    for (const QString &alias : split(value(Aliases)))
        entry.addName(alias, QStringLiteral("aka"));
    for (const QString &date : split(value(BirthDate)))
        entry.addAttribute(QStringLiteral("birth_date"), listDate(date));
    for (const QString &nationality : split(value(Nationality)))
        entry.addAttribute(QStringLiteral("nationality"), nationality);
    for (const QString &document : split(value(Document)))
        entry.addAttribute(document.contains(u"passport", Qt::CaseInsensitive) || document.contains(u"паспорт", Qt::CaseInsensitive)
                                   ? QStringLiteral("passport")
                                   : QStringLiteral("national_id"),
                           document);
    if (entry.listedOn > m_version)
        m_version = entry.listedOn;
    return true;
}

} // namespace fundtrace::import
