#include "ImportRunPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "db/CaseFile.h"
#include "entities/SubjectRefresh.h"
#include "import/FileImporter.h"
#include "import/RejectsReport.h"
#include "util/Logging.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fundtrace::ui {
namespace {

// The rejects table shows this many; the CSV export has them all.
constexpr int kMaxRejectsShown = 5000;

QString duration(double seconds)
{
    if (seconds < 60)
        return QObject::tr("%1 s").arg(qRound(seconds));
    const int whole = qRound(seconds);
    return QObject::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60);
}

} // namespace

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_file(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_cancel(new QPushButton(icon("clear"), tr("&Cancel import"), this))
    , m_summary(new QLabel(this))
    , m_rejects(new QTableWidget(this))
    , m_saveRejects(new QPushButton(icon("save"), tr("&Save rejects as CSV…"), this))
{
    setTitle(tr("Import"));
    setSubTitle(tr("Each file is imported in one transaction: a cancelled or failed file leaves the case as it was."));

    m_progress->setRange(0, 1000);
    m_rate->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancelFlag = true;
        m_cancel->setEnabled(false);
        m_rate->setText(tr("Cancelling…"));
    });

    m_rejects->setObjectName(QStringLiteral("importRejects"));
    m_rejects->setColumnCount(6);
    m_rejects->setHorizontalHeaderLabels({ tr("File"), tr("Row"), tr("Line"), tr("Column"), tr("Value"), tr("Reason") });
    m_rejects->verticalHeader()->hide();
    m_rejects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejects->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rejects->setWordWrap(false);
    m_rejects->setAlternatingRowColors(true);
    m_rejects->verticalHeader()->setDefaultSectionSize(m_rejects->fontMetrics().height() + 6);
    m_rejects->horizontalHeader()->setStretchLastSection(true);
    m_rejects->hide();
    m_saveRejects->hide();
    connect(m_saveRejects, &QPushButton::clicked, this, &ImportRunPage::saveRejects);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_saveRejects);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addLayout(progressRow);
    layout->addWidget(m_rate);
    layout->addSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejects, 1);
    layout->addLayout(saveRow);

    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ImportRunPage::onFinished);
}

ImportRunPage::~ImportRunPage()
{
    // The worker posts progress to this page; it must be done before the page goes.
    cancelAndWait();
}

void ImportRunPage::initializePage()
{
    start();
}

bool ImportRunPage::isComplete() const
{
    return m_finished;
}

void ImportRunPage::cancelAndWait()
{
    if (!m_running)
        return;
    m_cancelFlag = true;
    m_watcher.waitForFinished();
}

void ImportRunPage::start()
{
    const ImportChoices &choices = m_wizard->choices();
    const QString casePath = m_wizard->casePath();
    const QStringList files = choices.files;
    import::ImportOptions options;
    // Only a mapping the user set up applies; structured formats and XLSX without one are read
    // by their own rules or by recognising the header.
    if (!choices.mapping.isEmpty())
        options.mapping = choices.mapping;
    options.format = choices.format;
    options.listName = choices.listName;
    options.encoding = choices.encoding;
    options.force = choices.force;
    options.strict = choices.strict;

    m_cancelFlag = false;
    m_running = true;
    m_finished = false;
    m_results.clear();
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_summary->clear();
    m_rejects->hide();
    m_saveRejects->hide();
    m_progress->setValue(0);
    m_file->setText(tr("Opening the case…"));
    m_clock.start();
    emit completeChanged();

    log::get("import")->info("GUI import of {} file(s) started", files.size());
    // The worker has its own connection: SQLite connections are not shared across threads.
    m_watcher.setFuture(QtConcurrent::run([this, casePath, files, options]() {
        Outcome outcome;
        try {
            db::CaseFile caseFile = db::CaseFile::open(casePath);
            const int count = static_cast<int>(files.size());
            for (int index = 0; index < count && !m_cancelFlag; ++index) {
                const auto progress = [this, index, count](const import::ImportProgress &p) {
                    QMetaObject::invokeMethod(this, [this, index, count, p] { onProgress(index, count, p); },
                                              Qt::QueuedConnection);
                };
                progress(import::ImportProgress {});
                outcome.results.push_back(
                        import::FileImporter(caseFile, options).importFile(files[index], progress, &m_cancelFlag));
            }
            const bool anyImported = std::any_of(outcome.results.begin(), outcome.results.end(), [](const auto &result) {
                return result.status == import::ImportResult::Status::Imported;
            });
            if (anyImported) {
                QMetaObject::invokeMethod(this, [this] { m_file->setText(tr("Resolving subjects and screening…")); },
                                          Qt::QueuedConnection);
                try {
                    outcome.subjects = entities::SubjectRefresh::run(caseFile).summary();
                } catch (const std::exception &error) {
                    outcome.subjects = tr("The records were imported, but subject resolution failed: %1")
                                               .arg(QString::fromUtf8(error.what()));
                }
            }
        } catch (const std::exception &error) {
            outcome.fatal = QString::fromUtf8(error.what());
        }
        return outcome;
    }));
}

void ImportRunPage::onProgress(int fileIndex, int fileCount, const import::ImportProgress &progress)
{
    if (!m_running)
        return;
    const QString name = QFileInfo(m_wizard->choices().files.value(fileIndex)).fileName();
    const QLocale locale;
    m_file->setText(fileCount > 1 ? tr("File %1 of %2: <b>%3</b> — %4").arg(fileIndex + 1).arg(fileCount).arg(name.toHtmlEscaped(), QString::fromLatin1(progress.phase))
                                  : tr("<b>%1</b> — %2").arg(name.toHtmlEscaped(), QString::fromLatin1(progress.phase)));
    const double fraction = progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal) : 0.0;
    m_progress->setValue(qRound(1000.0 * (fileIndex + std::clamp(fraction, 0.0, 1.0)) / std::max(1, fileCount)));
    if (m_cancelFlag)
        return;
    QStringList parts;
    parts << tr("%1 rows read").arg(locale.toString(qint64(progress.rowsRead)));
    if (progress.rowsRejected > 0)
        parts << tr("%1 rejected").arg(locale.toString(qint64(progress.rowsRejected)));
    if (progress.rowsPerSecond > 0)
        parts << tr("%1 rows/s").arg(locale.toString(qRound64(progress.rowsPerSecond)));
    if (progress.secondsRemaining >= 0)
        parts << tr("about %1 left").arg(duration(progress.secondsRemaining));
    parts << tr("%1 elapsed").arg(duration(m_clock.elapsed() / 1000.0));
    m_rate->setText(parts.join(QStringLiteral(" · ")));
}

void ImportRunPage::onFinished()
{
    const Outcome outcome = m_watcher.result();
    m_running = false;
    m_finished = true;
    m_results = outcome.results;
    m_cancel->hide();
    m_progress->setValue(1000);
    const QLocale locale;

    QStringList lines;
    std::int64_t imported = 0;
    std::vector<import::Reject> rejects;
    for (const import::ImportResult &result : m_results) {
        const QString name = QFileInfo(result.file).fileName().toHtmlEscaped();
        switch (result.status) {
        case import::ImportResult::Status::Imported:
            imported += result.rowsImported;
            lines << tr("✔ <b>%1</b>: %2 rows imported, %3 rejected (%4, %5 new accounts, %6)")
                             .arg(name, locale.toString(qint64(result.rowsImported)),
                                  locale.toString(qint64(result.rowsRejected)), result.encoding.toHtmlEscaped(),
                                  locale.toString(qint64(result.newAccounts)), duration(result.seconds));
            break;
        case import::ImportResult::Status::Refused:
            lines << tr("— <b>%1</b>: not imported. %2").arg(name, result.message.toHtmlEscaped());
            break;
        case import::ImportResult::Status::Cancelled:
            lines << tr("— <b>%1</b>: cancelled; nothing of this file was kept.").arg(name);
            break;
        case import::ImportResult::Status::Failed:
            lines << tr("<span style='color:#a83232'>✘ <b>%1</b>: %2</span>").arg(name, result.message.toHtmlEscaped());
            break;
        }
        rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
    }
    if (!outcome.fatal.isEmpty())
        lines << tr("<span style='color:#a83232'>✘ %1</span>").arg(outcome.fatal.toHtmlEscaped());
    if (!outcome.subjects.isEmpty())
        lines << tr("Subjects: %1").arg(outcome.subjects.toHtmlEscaped());
    const int skipped = static_cast<int>(m_wizard->choices().files.size() - m_results.size());
    if (skipped > 0 && outcome.fatal.isEmpty())
        lines << tr("Not started after the cancel: %1 of the files.").arg(skipped);

    m_file->setText(m_cancelFlag ? tr("Import cancelled.") : tr("Import finished."));
    m_rate->setText(tr("%1 transactions added in %2.").arg(locale.toString(qint64(imported)), duration(m_clock.elapsed() / 1000.0)));
    m_summary->setText(lines.join(QStringLiteral("<br>")));

    m_rejects->setRowCount(static_cast<int>(std::min<std::size_t>(rejects.size(), kMaxRejectsShown)));
    for (int row = 0; row < m_rejects->rowCount(); ++row) {
        const import::Reject &reject = rejects[static_cast<std::size_t>(row)];
        const QStringList cells = { QFileInfo(reject.file).fileName(), QString::number(reject.row),
                                    QString::number(reject.line), reject.column, reject.value, reject.reason };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            if (column == 1 || column == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_rejects->setItem(row, column, item);
        }
    }
    m_rejects->resizeColumnsToContents();
    for (int column = 0; column < m_rejects->columnCount(); ++column)
        m_rejects->setColumnWidth(column, std::min(m_rejects->columnWidth(column), 260));
    m_rejects->setVisible(!rejects.empty());
    m_saveRejects->setVisible(!rejects.empty());

    log::get("import")->info("GUI import finished: {} transactions added", imported);
    if (imported > 0)
        emit caseChanged();
    emit completeChanged();
}

void ImportRunPage::saveRejects()
{
    std::vector<import::Reject> rejects;
    for (const import::ImportResult &result : m_results)
        rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
    const QString suggested = QFileInfo(m_wizard->casePath()).absoluteDir().filePath(QStringLiteral("rejects.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Rejected Rows"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        import::writeRejectsReport(path, rejects);
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Save Rejected Rows"), QString::fromUtf8(error.what()));
    }
}

} // namespace fundtrace::ui
