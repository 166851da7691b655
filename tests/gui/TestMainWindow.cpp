#include "GuiTestSupport.h"
#include "CasePropertiesDialog.h"
#include "FilterPanel.h"
#include "ImportFormatPage.h"
#include "ImportMappingPage.h"
#include "ImportRunPage.h"
#include "ImportWizard.h"
#include "LogModel.h"
#include "LogPanel.h"
#include "DataQualityPanel.h"
#include "MainWindow.h"
#include "SourceTableModel.h"
#include "SourcesPanel.h"
#include "StartPage.h"
#include "TransactionDetailsPanel.h"
#include "TransactionTableModel.h"
#include "db/CaseFile.h"
#include "model/Currency.h"
#include "query/CaseSummary.h"
#include "util/Logging.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace;
using ui::TransactionTableModel;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsStartPageWithoutCase();
    void opensCaseAndShowsFirstPage();
    void loadsLaterPagesOnScroll();
    void sortsOnHeader();
    void filtersFromPanel();
    void showsDetailsWithProvenance();
    void listsSources();
    void screenshotIsNotBlank();
    void casePropertiesShowCounts();
    void logPanelShowsMessages();
    void importWizardImportsFile();
    void importWizardSkipsMappingForStructuredFormats();
    void opensDemoCase();

private:
    QString m_casePath;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
};

namespace {

using fundtrace::test::keepScreenshot;

constexpr int kRows = 600;
// 2024-03-01 00:00 in Asia/Tashkent (UTC+5, no daylight saving): 2024-02-29 19:00 UTC.
constexpr std::int64_t kStart = 1709233200;

// Waits until the table shows loaded rows (or is empty), without a fixed sleep.
bool firstPageShown(const TransactionTableModel *model)
{
    return model->isCountKnown() && (model->rowCount() == 0 || model->isRowLoaded(0));
}

// With FUNDTRACE_SCREENSHOT_DIR set, keeps pictures of what the test drove, to look at.
} // namespace

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_casePath = m_dir.filePath(QStringLiteral("gui.ftcase"));
    db::CaseFile caseFile = db::CaseFile::create(m_casePath, QStringLiteral("Operation Test"));
    caseFile.setMeta(QStringLiteral("timezone"), QStringLiteral("Asia/Tashkent"));
    // Row i: every third a credit, amounts i * 1000.00, one minute apart; every tenth mentions charity.
    caseFile.db().exec(R"sql(
        INSERT INTO sources(id, file_name, file_path, sha256, size_bytes, format, encoding, rows_read,
                            rows_imported, rows_rejected, imported_at, imported_by)
        VALUES (1, 'halyk.csv', '/in/halyk.csv', 'ab', 100, 'csv', 'UTF-8', 400, 400, 0, '2024-04-01T08:00:00Z', 'analyst'),
               (2, 'kaspi.csv', '/in/kaspi.csv', 'cd', 100, 'csv', 'windows-1251', 202, 200, 2, '2024-04-02T08:00:00Z', 'analyst');
        INSERT INTO accounts(id, identifier, normalized, holder_name) VALUES
            (1, 'KZ12 3456 7890', 'KZ1234567890', 'Aliya'),
            (2, 'KZ99 0000 1111', 'KZ9900001111', 'Fund Hope');
        INSERT INTO texts(id, hash, body) VALUES (1, 1, 'Charity donation'), (2, 2, 'Payment for goods'),
                                                (3, 3, 'Fund Hope'), (4, 4, 'Ivanov Ivan');
        INSERT INTO texts_fts(texts_fts) VALUES ('rebuild');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
        INSERT INTO transactions(id, source_id, source_row, account_id, direction, amount_minor, currency,
                                 booked_at, booked_text, channel, purpose_id, counterparty_account_id,
                                 counterparty_name_id)
        SELECT i, CASE WHEN i <= 400 THEN 1 ELSE 2 END, i + 1, CASE WHEN i % 2 = 0 THEN 1 ELSE 2 END,
               CASE WHEN i % 3 = 0 THEN 'C' ELSE 'D' END, i * 100000, CASE WHEN i % 5 = 0 THEN 'USD' ELSE 'KZT' END,
               1709233200 + i * 60, 'row ' || i, 'transfer', CASE WHEN i % 10 = 0 THEN 1 ELSE 2 END,
               NULL, CASE WHEN i % 2 = 0 THEN 3 ELSE 4 END
        FROM n;
    )sql");
}

void TestMainWindow::init()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setInteractive(false);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::showsStartPageWithoutCase()
{
    QVERIFY(!m_window->hasCase());
    QVERIFY(m_window->startPage()->isVisible());
    QVERIFY(!m_window->transactionView()->isVisible());
    QVERIFY(!m_window->filterPanel()->isVisible());
    QVERIFY(!m_window->action(QStringLiteral("import"))->isEnabled());
    keepScreenshot(m_window.get(), QStringLiteral("start-page"));
    QCOMPARE(m_window->action(QStringLiteral("openCase"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+O")));
    QCOMPARE(m_window->action(QStringLiteral("properties"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
}

void TestMainWindow::opensCaseAndShowsFirstPage()
{
    QVERIFY(m_window->openCase(m_casePath));
    QVERIFY(m_window->transactionView()->isVisible());
    QVERIFY(m_window->filterPanel()->isVisible());
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));
    QCOMPARE(model->rowCount(), kRows);
    QCOMPARE(model->totalCount().value_or(-1), kRows);

    // Row 0 is transaction 1: the earliest, a debit of 1000.00 KZT from account 2.
    auto cell = [model](int row, int column, int role = Qt::DisplayRole) { return model->index(row, column).data(role); };
    QCOMPARE(cell(0, TransactionTableModel::Booked).toString(), QStringLiteral("2024-03-01 00:01"));
    QCOMPARE(cell(0, TransactionTableModel::Account).toString(), QStringLiteral("KZ99 0000 1111"));
    QCOMPARE(cell(0, TransactionTableModel::Direction).toString(), QStringLiteral("Debit"));
    QCOMPARE(cell(0, TransactionTableModel::Amount).toString(),
             model::formatAmount(100000, "KZT", model::AmountStyle::Cis, false));
    QCOMPARE(cell(0, TransactionTableModel::Currency).toString(), QStringLiteral("KZT"));
    QCOMPARE(cell(0, TransactionTableModel::Counterparty).toString(), QStringLiteral("Ivanov Ivan"));
    QCOMPARE(cell(0, TransactionTableModel::Purpose).toString(), QStringLiteral("Payment for goods"));
    QCOMPARE(cell(0, TransactionTableModel::Source).toString(), QStringLiteral("halyk.csv : 2"));
    QCOMPARE(cell(0, TransactionTableModel::Amount, Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
    // Credits and debits are told apart by colour.
    QVERIFY(cell(2, TransactionTableModel::Amount, Qt::ForegroundRole) != cell(0, TransactionTableModel::Amount, Qt::ForegroundRole));
    QCOMPARE(cell(2, TransactionTableModel::Direction).toString(), QStringLiteral("Credit"));

    QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("600")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Operation Test")));
}

void TestMainWindow::loadsLaterPagesOnScroll()
{
    QVERIFY(m_window->openCase(m_casePath));
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));
    const int last = kRows - 1;
    QVERIFY(!model->isRowLoaded(last));
    QCOMPARE(model->index(last, TransactionTableModel::Booked).data().toString(), QStringLiteral("…"));
    m_window->transactionView()->scrollTo(model->index(last, 0));
    QTRY_VERIFY(model->isRowLoaded(last));
    QCOMPARE(model->index(last, TransactionTableModel::Source).data().toString(), QStringLiteral("kaspi.csv : 601"));
}

void TestMainWindow::sortsOnHeader()
{
    QVERIFY(m_window->openCase(m_casePath));
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));
    m_window->transactionView()->sortByColumn(TransactionTableModel::Amount, Qt::DescendingOrder);
    QTRY_VERIFY(model->isRowLoaded(0));
    QCOMPARE(model->transactionAt(0)->id, kRows);
    QCOMPARE(model->sortColumn(), int(TransactionTableModel::Amount));

    // Purpose has no sort order; the table keeps the amount order.
    m_window->transactionView()->sortByColumn(TransactionTableModel::Purpose, Qt::AscendingOrder);
    QCOMPARE(model->sortColumn(), int(TransactionTableModel::Amount));
    QCOMPARE(m_window->transactionView()->horizontalHeader()->sortIndicatorSection(), int(TransactionTableModel::Amount));
}

void TestMainWindow::filtersFromPanel()
{
    QVERIFY(m_window->openCase(m_casePath));
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));

    auto *account = m_window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("filterAccount"));
    QVERIFY(account);
    QTest::keyClicks(account, QStringLiteral("kz12-3456 7890"));
    QTest::keyClick(account, Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), kRows / 2);
    QTRY_VERIFY(model->isRowLoaded(0));
    QCOMPARE(model->index(0, TransactionTableModel::Account).data().toString(), QStringLiteral("KZ12 3456 7890"));
    QTRY_COMPARE(m_window->findChild<QLabel *>(QStringLiteral("countLabel"))->text(),
                 QStringLiteral("300 of 600 transactions match the filters"));

    // Ctrl+F focuses the text filter; typing applies after a pause.
    m_window->action(QStringLiteral("findText"))->trigger();
    auto *text = m_window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("filterText"));
    QVERIFY(text->hasFocus() || !QApplication::focusWidget());
    QTest::keyClicks(text, QStringLiteral("charit"));
    QTRY_COMPARE(model->rowCount(), 60); // every tenth row, all of them even, so on account 1

    auto *direction = m_window->filterPanel()->findChild<QComboBox *>(QStringLiteral("filterDirection"));
    direction->setCurrentIndex(direction->findData(QStringLiteral("C")));
    QTRY_COMPARE(model->rowCount(), 20); // and credits: i % 30 == 0

    m_window->action(QStringLiteral("clearFilters"))->trigger();
    QTRY_COMPARE(model->rowCount(), kRows);
}

void TestMainWindow::showsDetailsWithProvenance()
{
    QVERIFY(m_window->openCase(m_casePath));
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));
    m_window->transactionView()->selectRow(9);
    ui::TransactionDetailsPanel *details = m_window->detailsPanel();
    QVERIFY(details->transaction());
    QCOMPARE(details->transaction()->id, 10);
    QCOMPARE(details->valueOf(QStringLiteral("Source file")), QStringLiteral("halyk.csv"));
    QCOMPARE(details->valueOf(QStringLiteral("Row in file")), QStringLiteral("11"));
    QCOMPARE(details->valueOf(QStringLiteral("Date as written")), QStringLiteral("row 10"));
    QCOMPARE(details->valueOf(QStringLiteral("Purpose")), QStringLiteral("Charity donation"));
    QCOMPARE(details->valueOf(QStringLiteral("Amount")), model::formatAmount(1000000, "USD"));
}

void TestMainWindow::listsSources()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::SourceTableModel *sources = m_window->sourcesPanel()->model();
    QCOMPARE(sources->rowCount(), 2);
    QCOMPARE(sources->index(1, ui::SourceTableModel::File).data().toString(), QStringLiteral("kaspi.csv"));
    QCOMPARE(sources->index(1, ui::SourceTableModel::Rejected).data().toString(), QStringLiteral("2"));

    // Asking for one source's transactions filters the table to it.
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));
    emit m_window->sourcesPanel()->showSourceRequested(2);
    QTRY_COMPARE(model->rowCount(), 200);
}

void TestMainWindow::screenshotIsNotBlank()
{
    QVERIFY(m_window->openCase(m_casePath));
    QTRY_VERIFY(firstPageShown(m_window->transactionModel()));
    m_window->transactionView()->selectRow(0);
    QTest::qWait(50);
    keepScreenshot(m_window.get(), QStringLiteral("main-window"));
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    const int colours = test::distinctColours(image);
    QVERIFY2(colours > 100, qPrintable(QStringLiteral("only %1 colours").arg(colours)));
}

void TestMainWindow::casePropertiesShowCounts()
{
    const db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
    ui::CasePropertiesDialog dialog(query::CaseSummary::of(caseFile), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    QVERIFY(texts.contains(QStringLiteral("Operation Test")));
    QVERIFY(texts.contains(QStringLiteral("Asia/Tashkent")));
    QVERIFY(texts.contains(QLocale().toString(600)));
    auto *totals = dialog.findChild<QTableWidget *>();
    QVERIFY(totals);
    QCOMPARE(totals->rowCount(), 2); // KZT and USD
    keepScreenshot(&dialog, QStringLiteral("case-properties"));
}

void TestMainWindow::logPanelShowsMessages()
{
    ui::LogModel *model = m_window->logPanel()->model();
    const int before = model->rowCount();
    log::get("ui")->warn("a warning for the log panel");
    QTRY_COMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->index(before, ui::LogModel::Message).data().toString(), QStringLiteral("a warning for the log panel"));
    QCOMPARE(model->index(before, ui::LogModel::Area).data().toString(), QStringLiteral("ui"));
    QVERIFY(!m_window->logPanel()->isVisible());
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+L")));
    QTRY_VERIFY(m_window->logPanel()->isVisible());
}

void TestMainWindow::importWizardImportsFile()
{
    QVERIFY(m_window->openCase(m_casePath));
    TransactionTableModel *model = m_window->transactionModel();
    QTRY_VERIFY(firstPageShown(model));

    const QString csv = m_dir.filePath(QStringLiteral("statement.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Дата;Сумма;Валюта;Назначение платежа;Получатель\n"
               "05.03.2024;-1500,00;KZT;Благотворительная помощь;Фонд Надежда\n"
               "06.03.2024;250000,50;KZT;Оплата по договору;ТОО Альфа\n"
               "07.03.2024;не число;KZT;Ошибка;Никто\n"
               "08.03.2024;-99,99;KZT;Комиссия банка;Банк\n");
    file.close();

    ui::ImportWizard wizard(m_casePath, m_window.get());
    connect(&wizard, &ui::ImportWizard::caseChanged, m_window.get(), &ui::MainWindow::refresh);
    wizard.addFiles({ csv });
    wizard.show();
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::FilesPage));
    wizard.next();

    // Step 2: the raw table as detected, and what an override does to it.
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::FormatPage));
    QTableWidget *raw = wizard.formatPage()->rawTable();
    QCOMPARE(raw->rowCount(), 4);
    QCOMPARE(raw->columnCount(), 5);
    QCOMPARE(raw->horizontalHeaderItem(1)->text(), QStringLiteral("Сумма"));
    QCOMPARE(raw->item(1, 3)->text(), QStringLiteral("Оплата по договору"));
    QComboBox *delimiter = wizard.formatPage()->delimiterCombo();
    delimiter->setCurrentIndex(delimiter->findData(QStringLiteral("|")));
    QCOMPARE(raw->columnCount(), 1);
    delimiter->setCurrentIndex(0);
    QCOMPARE(raw->columnCount(), 5);
    keepScreenshot(&wizard, QStringLiteral("import-format"));
    wizard.next();

    // Step 3: columns guessed from Russian headers, a fixed account, the live preview.
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::MappingPage));
    ui::ImportMappingPage *mapping = wizard.mappingPage();
    QCOMPARE(mapping->columnField(0), std::optional(import::Field::Date));
    QCOMPARE(mapping->columnField(1), std::optional(import::Field::Amount));
    QCOMPARE(mapping->columnField(3), std::optional(import::Field::Purpose));
    wizard.findChild<QLineEdit *>(QStringLiteral("importAccountConstant"))->setText(QStringLiteral("KZ00 TEST 0001"));
    mapping->updatePreviewNow();
    QCOMPARE(mapping->previewOkRows(), 3);
    QCOMPARE(mapping->previewRejectedRows(), 1);
    // Unmapping the amount makes every row a reject; mapping it again restores the preview.
    mapping->setColumnField(1, std::nullopt);
    mapping->updatePreviewNow();
    QCOMPARE(mapping->previewOkRows(), 0);
    mapping->setColumnField(1, import::Field::Amount);
    mapping->updatePreviewNow();
    QCOMPARE(mapping->previewOkRows(), 3);
    keepScreenshot(&wizard, QStringLiteral("import-mapping"));
    wizard.next();

    // Step 4: the import runs on a worker thread; the main window refreshes when it is done.
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::RunPage));
    ui::ImportRunPage *run = wizard.runPage();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 30000);
    QCOMPARE(run->results().size(), std::size_t(1));
    const import::ImportResult &result = run->results().front();
    QCOMPARE(int(result.status), int(import::ImportResult::Status::Imported));
    QCOMPARE(result.rowsImported, 3);
    QCOMPARE(result.rowsRejected, 1);
    QCOMPARE(run->rejectsTable()->rowCount(), 1);
    QCOMPARE(run->rejectsTable()->item(0, 1)->text(), QStringLiteral("4")); // header is row 1
    QTRY_COMPARE(model->rowCount(), kRows + 3);
    QTRY_COMPARE(m_window->sourcesPanel()->model()->rowCount(), 3);
    keepScreenshot(&wizard, QStringLiteral("import-result"));
    wizard.accept();
}

void TestMainWindow::importWizardSkipsMappingForStructuredFormats()
{
    const QString statement = QStringLiteral(FUNDTRACE_TEST_DATA "/mt940/halyk_two_days.sta");
    ui::ImportWizard wizard(m_casePath, m_window.get());
    wizard.addFiles({ statement });
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::FormatPage));
    QVERIFY(!wizard.formatPage()->rawTable()->isVisible());
    QVERIFY(wizard.findChild<QLabel *>(QString(), Qt::FindChildrenRecursively) != nullptr);
    keepScreenshot(&wizard, QStringLiteral("import-format-mt940"));
    // An MT940 statement carries its own structure: the wizard goes straight to the import.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::RunPage));
    ui::ImportRunPage *run = wizard.runPage();
    QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 30000);
    QCOMPARE(run->results().size(), std::size_t(1));
    QCOMPARE(int(run->results().front().status), int(import::ImportResult::Status::Imported));
    QVERIFY(run->results().front().rowsImported > 0);
    keepScreenshot(&wizard, QStringLiteral("import-result-mt940"));
    wizard.accept();
}

void TestMainWindow::opensDemoCase()
{
    QDir(QFileInfo(ui::MainWindow::demoCasePath()).absolutePath()).removeRecursively();
    m_window->findChild<QPushButton *>(QStringLiteral("startDemo"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->hasCase(), 60000);
    QCOMPARE(m_window->casePath(), ui::MainWindow::demoCasePath());
    QTRY_VERIFY(firstPageShown(m_window->transactionModel()));
    QVERIFY(m_window->transactionModel()->rowCount() > 1000);
    QVERIFY(m_window->sourcesPanel()->model()->rowCount() >= 3);
    // The demo's 1C statement leaves a planted gap, shown with its numbers in the data-quality dock.
    QTRY_COMPARE(m_window->dataQualityPanel()->findingCount(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
