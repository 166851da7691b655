// The `fundtrace` desktop application: parses the command line, opens the case and shows the
// main window. With --screenshot it renders the window to a PNG once the first page of
// transactions is on screen and exits, for documentation and visual checks (works with
// QT_QPA_PLATFORM=offscreen); --subject ID opens that subject's profile tab first, --page an
// analysis page (link chart, trace, activity) of it or of the whole case.

#include "ActivityPanel.h"
#include "AnalysisPages.h"
#include "LinkChartPanel.h"
#include "LogBuffer.h"
#include "MainWindow.h"
#include "SubjectProfileView.h"
#include "TraceView.h"
#include "TransactionTableModel.h"
#include "util/Logging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

// Waits until the transactions table shows real rows (or the case is empty), or times out.
bool waitForFirstPage(fundtrace::ui::MainWindow &window, int timeoutMs)
{
    fundtrace::ui::TransactionTableModel *model = window.transactionModel();
    const auto ready = [model] {
        return model->isCountKnown() && (model->rowCount() == 0 || model->isRowLoaded(0));
    };
    QElapsedTimer clock;
    clock.start();
    while (!ready() && clock.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return ready();
}

bool waitUntil(const std::function<bool()> &ready, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!ready() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return ready();
}

// Opens an analysis page (link chart, trace, activity) for the subject, or the whole case, and
// waits for it to be drawn.
bool openPage(fundtrace::ui::MainWindow &window, const QString &page, std::int64_t subjectId)
{
    using namespace fundtrace::ui;
    AnalysisPages *pages = window.analysisPages();
    const QList<qint64> subjects = subjectId > 0 ? QList<qint64> { subjectId } : QList<qint64>();
    if (page == u"link-chart") {
        LinkChartPanel *panel = pages->openLinkChart();
        if (subjects.isEmpty())
            panel->showWholeCase();
        else
            panel->showSubjects(subjects);
        return waitUntil([panel] { return panel->hasChart() && !panel->isBusy(); }, 60000);
    }
    if (page == u"trace") {
        if (subjectId <= 0)
            return false;
        pages->traceFromSubject(subjectId);
        TraceView *trace = pages->trace();
        return waitUntil([trace] { return trace->hasResult() && !trace->isRunning(); }, 60000);
    }
    if (page == u"activity") {
        pages->showActivity(subjects, {});
        ActivityPanel *activity = pages->activity();
        return waitUntil([activity] { return !activity->isLoading(); }, 60000);
    }
    return false;
}

int takeScreenshot(fundtrace::ui::MainWindow &window, const QString &path, std::int64_t subjectId, const QString &page)
{
    if (window.hasCase()) {
        if (!waitForFirstPage(window, 30000)) {
            std::fprintf(stderr, "fundtrace: the first page of transactions did not load within 30 s\n");
            return 1;
        }
        window.transactionView()->selectRow(0);
    }
    if (!page.isEmpty()) {
        if (!openPage(window, page, subjectId)) {
            std::fprintf(stderr, "fundtrace: the %s page did not load\n", qPrintable(page));
            return 1;
        }
    } else if (subjectId > 0) {
        fundtrace::ui::SubjectProfileView *profile = window.openSubjectProfile(subjectId);
        QElapsedTimer clock;
        clock.start();
        while (profile && !profile->isLoaded() && clock.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!profile || !profile->isLoaded()) {
            std::fprintf(stderr, "fundtrace: the profile of subject %lld did not load\n", static_cast<long long>(subjectId));
            return 1;
        }
    }
    // Let the layout, the details panel and the case summary settle before grabbing.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 400)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!window.grab().save(path, "PNG")) {
        std::fprintf(stderr, "fundtrace: cannot write %s\n", qPrintable(path));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // The UI is a static library; its icons are linked in only when registered.
    Q_INIT_RESOURCE(ui);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fundtrace"));
    QApplication::setApplicationName(QStringLiteral("Fundtrace"));
    QApplication::setApplicationVersion(QStringLiteral(FUNDTRACE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fundtrace: an investigation workbench for bank statements."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file (.ftcase) to open."), QStringLiteral("[CASE]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to FILE (PNG) once loaded, then exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption subject(QStringLiteral("subject"),
                                     QStringLiteral("With --screenshot: open the profile of subject ID first."),
                                     QStringLiteral("ID"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("With --screenshot: open link-chart, trace or activity (of --subject, "
                                                 "else the whole case) instead of the profile."),
                                  QStringLiteral("PAGE"));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(subject);
    parser.addOption(page);
    parser.process(app);

    // The log panel shows everything from informational messages up unless FUNDTRACE_LOG says.
    fundtrace::ui::LogBuffer::instance();
    if (!std::getenv("FUNDTRACE_LOG"))
        fundtrace::log::setLevel(spdlog::level::info);

    fundtrace::ui::MainWindow window;
    const bool batch = parser.isSet(screenshot);
    window.setInteractive(!batch);
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        const int width = parts.value(0).toInt();
        const int height = parts.value(1).toInt();
        if (parts.size() != 2 || width < 200 || height < 150) {
            std::fprintf(stderr, "fundtrace: --size must look like 1600x1000\n");
            return 2;
        }
        window.resize(width, height);
    } else if (batch) {
        window.resize(1600, 1000);
    }
    window.show();

    const QStringList cases = parser.positionalArguments();
    if (cases.size() > 1) {
        std::fprintf(stderr, "fundtrace: give at most one case file\n");
        return 2;
    }
    if (!cases.isEmpty() && !window.openCase(cases.first()) && batch) {
        std::fprintf(stderr, "fundtrace: cannot open %s\n", qPrintable(cases.first()));
        return 1;
    }
    std::int64_t subjectId = 0;
    if (parser.isSet(subject)) {
        bool ok = false;
        subjectId = parser.value(subject).toLongLong(&ok);
        if (!ok || subjectId <= 0) {
            std::fprintf(stderr, "fundtrace: --subject takes a subject id\n");
            return 2;
        }
    }
    const QString pageName = parser.value(page);
    if (!pageName.isEmpty() && !QStringList { QStringLiteral("link-chart"), QStringLiteral("trace"), QStringLiteral("activity") }.contains(pageName)) {
        std::fprintf(stderr, "fundtrace: --page is link-chart, trace or activity\n");
        return 2;
    }
    if (batch)
        return takeScreenshot(window, parser.value(screenshot), subjectId, pageName);
    if (subjectId > 0)
        window.openSubjectProfile(subjectId);
    return QApplication::exec();
}
