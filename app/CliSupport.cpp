#include "CliSupport.h"

#include "CliCommands.h"

#include "db/CaseFile.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <tuple>

namespace fundtrace::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

int withCase(const QString &path, bool readOnly, const std::function<int(db::CaseFile &)> &body)
{
    try {
        db::CaseFile caseFile = db::CaseFile::open(path, readOnly);
        return body(caseFile);
    } catch (const db::CaseError &error) {
        err() << "fundtrace-cli: " << QString::fromUtf8(error.what()) << "\n";
        return CaseError;
    } catch (const db::DbError &error) {
        err() << "fundtrace-cli: the case could not be read or written: " << QString::fromUtf8(error.what()) << "\n";
        return CaseError;
    } catch (const std::runtime_error &error) {
        err() << "fundtrace-cli: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }
}

QString isoDay(std::int64_t utcSeconds)
{
    return utcSeconds == 0 ? QStringLiteral("-")
                           : QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

std::optional<std::int64_t> dayStart(const QString &text, const QTimeZone &zone, int addDays)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date.addDays(addDays), QTime(0, 0), zone).toSecsSinceEpoch();
}

QString readDayRange(const QCommandLineParser &parser, const QTimeZone &zone, std::int64_t &from, std::int64_t &to)
{
    for (const auto &[option, target, addDays] : { std::tuple { "since", &from, 0 }, std::tuple { "until", &to, 1 } }) {
        if (!parser.isSet(QLatin1String(option)))
            continue;
        const std::optional<std::int64_t> day = dayStart(parser.value(QLatin1String(option)), zone, addDays);
        if (!day)
            return QStringLiteral("--%1 is a day, yyyy-MM-dd").arg(QLatin1String(option));
        *target = *day - addDays; // --until: the last second of that day
    }
    if (from != 0 && to != 0 && to < from)
        return QStringLiteral("--until is before --since");
    return {};
}

QString CommandLine::helpText() const
{
    // Qt names the program by its path; the usage line should read "fundtrace-cli <command>".
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = text.indexOf(program);
    if (at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), QStringLiteral("fundtrace-cli ") + name);
    return text;
}

int CommandLine::parse(const QStringList &arguments, int minPositional, int maxPositional)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("fundtrace-cli ") + name);
    if (!parser.parse(withProgram)) {
        err() << "fundtrace-cli " << name << ": " << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpText();
        return Success;
    }
    const auto count = parser.positionalArguments().size();
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        err() << "fundtrace-cli " << name << ": wrong number of arguments\n" << helpText();
        return UsageError;
    }
    return -1;
}

} // namespace fundtrace::cli
