#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>
#include <cstdint>
#include <functional>
#include <optional>

class QTimeZone;

namespace fundtrace::db {
class CaseFile;
}

namespace fundtrace::cli {

QTextStream &out();
QTextStream &err();
void printJson(const QJsonValue &value);

// Opens the case, runs the body and turns what can go wrong into the documented exit codes: a
// case that cannot be opened, read or written is 3; a request the case cannot meet (the domain
// errors, which say why in plain language) is 2.
int withCase(const QString &path, bool readOnly, const std::function<int(db::CaseFile &)> &body);
// A day as yyyy-MM-dd (UTC), or "-" for 0.
QString isoDay(std::int64_t utcSeconds);
// yyyy-MM-dd as the start of that day (plus addDays) in `zone`, in UTC seconds; nullopt when the
// text is not such a day.
std::optional<std::int64_t> dayStart(const QString &text, const QTimeZone &zone, int addDays = 0);
// Reads --since and --until, whole days in `zone`, into the first second of the one and the last
// second of the other (0 where not given). Returns what is wrong with them, empty when nothing.
QString readDayRange(const QCommandLineParser &parser, const QTimeZone &zone, std::int64_t &from, std::int64_t &to);

// A subcommand's parser: positional names, options, and the --help it prints.
struct CommandLine {
    QCommandLineParser parser;
    QString name;

    CommandLine(const QString &command, const QString &description)
        : name(command)
    {
        parser.setApplicationDescription(description);
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addHelpOption();
    }

    // Returns an exit code to stop with, or -1 to carry on.
    int parse(const QStringList &arguments, int minPositional, int maxPositional);
    QString helpText() const;
};

} // namespace fundtrace::cli
