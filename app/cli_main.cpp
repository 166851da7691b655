#include "CliCommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <algorithm>
#include <memory>
#include <unistd.h>

namespace {

// Commands that draw (charts exported to PNG, SVG or PDF) need fonts, hence a QGuiApplication;
// the others stay on QCoreApplication so the CLI runs where there is no display at all.
bool commandRenders(const QStringList &args)
{
    return std::any_of(args.begin(), args.end(), [](const QString &arg) {
        return arg == u"--export" || arg.startsWith(u"--export=");
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (commandRenders(args)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // no window is ever shown
        // Headless sessions (cron, ssh, CI) have no runtime directory; Qt would warn about it.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime = QDir::temp().filePath(QStringLiteral("fundtrace-runtime-%1").arg(getuid()));
            if (QDir().mkpath(runtime) && QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fundtrace-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNDTRACE_VERSION));
    return fundtrace::cli::run(QCoreApplication::arguments());
}
