#include "CliSupport.h"

#include "CliCommands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
