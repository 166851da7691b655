#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

namespace fundtrace::cli {

QTextStream &out();
QTextStream &err();
void printJson(const QJsonValue &value);

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
