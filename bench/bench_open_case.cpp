// Opens a case the way the main window does and prints how long the user waits: until the first
// page of transactions is on screen, until a sort by amount shows its first page, until a jump to
// the middle of the table is filled, until a text filter shows its count, and the longest time the
// GUI thread was blocked meanwhile.
//
// Usage: bench_open_case CASE.ftcase

#include "TransactionTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>
#include <cstdio>
#include <functional>

using fundtrace::ui::TransactionTableModel;

namespace {

// Longest gap between ticks of a 2 ms timer: how long the GUI thread could not react.
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_clock.restart());
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    void reset()
    {
        m_longest = 0;
        m_clock.restart();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

// Runs the event loop until `done` holds; returns the elapsed milliseconds or -1 on timeout.
qint64 waitUntil(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return clock.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CASE.ftcase\n", argv[0]);
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);

    TransactionTableModel model;
    QTableView view;
    view.setModel(&model);
    view.resize(1400, 900);
    view.show();
    StallMeter stalls;

    int countSignals = 0;
    QObject::connect(&model, &TransactionTableModel::countChanged, [&countSignals] { ++countSignals; });

    QElapsedTimer clock;
    clock.start();
    model.setCasePath(path);
    const auto firstPageShown = [&model] { return model.isCountKnown() && (model.rowCount() == 0 || model.isRowLoaded(0)); };
    if (waitUntil(firstPageShown) < 0) {
        std::fprintf(stderr, "timed out waiting for the first page\n");
        return 1;
    }
    const qint64 openMs = clock.elapsed();
    QCoreApplication::processEvents();
    std::printf("case:                         %s\n", qPrintable(path));
    std::printf("rows:                         %d\n", model.rowCount());
    std::printf("open -> first page shown:     %lld ms\n", static_cast<long long>(openMs));

    stalls.reset();
    clock.restart();
    view.sortByColumn(TransactionTableModel::Amount, Qt::DescendingOrder);
    const qint64 sortMs = waitUntil([&model] { return model.rowCount() == 0 || model.isRowLoaded(0); });
    std::printf("sort by amount -> first page: %lld ms\n", static_cast<long long>(sortMs));

    clock.restart();
    const int middle = model.rowCount() / 2;
    view.scrollTo(model.index(middle, 0), QAbstractItemView::PositionAtCenter);
    const qint64 jumpMs = waitUntil([&model, middle] { return model.rowCount() == 0 || model.isRowLoaded(middle); });
    std::printf("jump to middle (amount sort): %lld ms\n", static_cast<long long>(jumpMs));

    clock.restart();
    const int later = model.rowCount() / 4 * 3;
    view.scrollTo(model.index(later, 0), QAbstractItemView::PositionAtCenter);
    const qint64 laterMs = waitUntil([&model, later] { return model.rowCount() == 0 || model.isRowLoaded(later); });
    std::printf("then jump to 3/4:             %lld ms\n", static_cast<long long>(laterMs));

    view.scrollToTop();
    view.sortByColumn(TransactionTableModel::Booked, Qt::AscendingOrder);
    waitUntil([&model] { return model.rowCount() == 0 || model.isRowLoaded(0); });
    clock.restart();
    view.scrollTo(model.index(middle, 0), QAbstractItemView::PositionAtCenter);
    const qint64 jumpTimeMs = waitUntil([&model, middle] { return model.rowCount() == 0 || model.isRowLoaded(middle); });
    std::printf("jump to middle (time sort):   %lld ms\n", static_cast<long long>(jumpTimeMs));

    fundtrace::query::TransactionFilter filter;
    filter.text = QStringLiteral("charity");
    const int before = countSignals;
    clock.restart();
    model.setFilter(filter);
    const qint64 filterMs = waitUntil([&] { return countSignals > before && (model.rowCount() == 0 || model.isRowLoaded(0)); });
    std::printf("text filter -> count + page:  %lld ms (%d rows)\n", static_cast<long long>(filterMs), model.rowCount());

    std::printf("longest GUI stall meanwhile:  %lld ms\n", static_cast<long long>(stalls.longestMs()));
    return 0;
}
