#include "CliCommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fundtrace-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNDTRACE_VERSION));
    return fundtrace::cli::run(QCoreApplication::arguments());
}
