#include "import/sanctions/FtmJsonReader.h"

#include "import/ImportPreview.h"
#include "import/sanctions/ListDate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fundtrace::import {
namespace {

// One OpenSanctions entity is a few kilobytes; this only bounds a crafted line.
constexpr qint64 kMaxLineBytes = 16 * 1024 * 1024;

QString kindOf(const QString &schema)
{
    if (schema == u"Person")
        return QStringLiteral("person");
    if (schema == u"Organization" || schema == u"Company" || schema == u"LegalEntity" || schema == u"PublicBody")
        return QStringLiteral("organisation");
    if (schema == u"Vessel")
        return QStringLiteral("vessel");
    if (schema == u"Airplane")
        return QStringLiteral("aircraft");
    return {};
}

QStringList strings(const QJsonObject &properties, const char *key)
{
    QStringList values;
    for (const QJsonValue &value : properties.value(QLatin1String(key)).toArray())
        if (value.isString())
            values << value.toString();
    return values;
}

} // namespace

FtmJsonReader::FtmJsonReader(const QString &path)
    : m_path(path)
    , m_file(path)
    , m_listName(QStringLiteral("OpenSanctions %1").arg(QFileInfo(path).completeBaseName()))
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString()));
}

QStringList FtmJsonReader::notes() const
{
    if (m_skipped == 0)
        return {};
    return { QStringLiteral("%1 records of other schemata (sanctions, addresses, relations) skipped").arg(m_skipped) };
}

bool FtmJsonReader::next(SanctionEntry &entry)
{
    while (!m_file.atEnd()) {
        QByteArray line = m_file.readLine(kMaxLineBytes);
        ++m_line;
        if (line.size() >= kMaxLineBytes - 1 && !line.endsWith('\n'))
            throw ImportError(QStringLiteral("%1, line %2: a line longer than %3 MiB; FollowTheMoney JSON "
                                             "lines hold one entity per line")
                                      .arg(m_path)
                                      .arg(m_line)
                                      .arg(kMaxLineBytes >> 20));
        if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            throw ImportError(QStringLiteral("%1, line %2: not a JSON object (%3)%4")
                                      .arg(m_path)
                                      .arg(m_line)
                                      .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                                   : QStringLiteral("a JSON array or value"),
                                           m_file.atEnd() ? QStringLiteral("; the file may be truncated")
                                                          : QString()));
        const QJsonObject object = document.object();
        const QString kind = kindOf(object.value(QLatin1String("schema")).toString());
        if (kind.isEmpty()) {
            ++m_skipped;
            continue;
        }
        if (!m_sawEntity) {
            m_sawEntity = true;
            const QJsonArray datasets = object.value(QLatin1String("datasets")).toArray();
            if (datasets.size() == 1 && !datasets.first().toString().trimmed().isEmpty())
                m_listName = datasets.first().toString().trimmed();
        }
        const QString changed = listDate(object.value(QLatin1String("last_change")).toString());
        if (changed > m_version)
            m_version = changed;

        const QJsonObject properties = object.value(QLatin1String("properties")).toObject();
        entry = SanctionEntry {};
        entry.line = m_line;
        entry.kind = kind;
        entry.externalId = object.value(QLatin1String("id")).toString();
        const QStringList names = strings(properties, "name");
        entry.primaryName = names.isEmpty() ? object.value(QLatin1String("caption")).toString().simplified()
                                            : names.first().simplified();
        for (const QString &name : names)
            entry.addName(name, QStringLiteral("aka"));
        for (const QString &name : strings(properties, "alias"))
            entry.addName(name, QStringLiteral("aka"));
        for (const QString &name : strings(properties, "weakAlias"))
            entry.addName(name, QStringLiteral("weak"), QStringLiteral("low"));
        for (const QString &name : strings(properties, "previousName"))
            entry.addName(name, QStringLiteral("fka"));
        entry.programs = strings(properties, "programId").join(QStringLiteral(", "));
        if (entry.programs.isEmpty())
            entry.programs = strings(properties, "program").join(QStringLiteral(", "));
        entry.listedOn = listDate(object.value(QLatin1String("first_seen")).toString());
        entry.remarks = strings(properties, "notes").join(QLatin1Char('\n'));
        static const std::pair<const char *, const char *> kAttributes[] = {
            { "birthDate", "birth_date" },   { "birthPlace", "birth_place" }, { "nationality", "nationality" },
            { "citizenship", "citizenship" }, { "country", "country" },       { "jurisdiction", "country" },
            { "idNumber", "national_id" },    { "passportNumber", "passport" }, { "taxNumber", "tax_id" },
            { "registrationNumber", "registration_number" }, { "innCode", "tax_id" }, { "address", "address" },
            { "gender", "gender" },           { "title", "title" },           { "position", "position" },
            { "imoNumber", "imo_number" },    { "topics", "topic" },          { "email", "email" },
            { "phone", "phone" },
        };
        for (const auto &[property, attribute] : kAttributes)
            for (const QString &value : strings(properties, property))
                entry.addAttribute(QString::fromLatin1(attribute), value);
        return true;
    }
    return false;
}

} // namespace fundtrace::import
