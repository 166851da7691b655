#include "ImportMappingPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "import/ImportPreview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fundtrace::ui {
namespace {

constexpr int kPreviewRows = 200;
enum MappingColumn { ColumnName, ColumnExample, ColumnField };
enum PreviewColumn { PreviewRowNo, PreviewStatus, PreviewBooked, PreviewDirection, PreviewAmount, PreviewAccount,
                     PreviewCounterparty, PreviewPurpose, PreviewProblem, PreviewColumnCount };

const QColor kRejectBackground(0xfb, 0xe9, 0xe7);

QComboBox *fieldCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(QObject::tr("— not imported —"), -1);
    for (const import::Field field : import::allFields())
        combo->addItem(import::fieldLabel(field), static_cast<int>(field));
    return combo;
}

} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_columns(new QTableWidget(this))
    , m_account(new QLineEdit(this))
    , m_currency(new QLineEdit(this))
    , m_dateFormat(new QComboBox(this))
    , m_decimalMark(new QComboBox(this))
    , m_origin(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_previewTimer(new QTimer(this))
{
    setTitle(tr("Map columns to transaction fields"));
    setSubTitle(tr("Check what each column means. The preview below shows the first rows exactly as they "
                   "will be imported; rows in red would be rejected, with the reason."));
    setCommitPage(true);

    m_columns->setObjectName(QStringLiteral("importColumns"));
    m_columns->setColumnCount(3);
    m_columns->setHorizontalHeaderLabels({ tr("Column"), tr("Example"), tr("Imported as") });
    m_columns->verticalHeader()->hide();
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->horizontalHeader()->setStretchLastSection(true);
    m_columns->verticalHeader()->setDefaultSectionSize(m_columns->fontMetrics().height() + 14);

    m_account->setObjectName(QStringLiteral("importAccountConstant"));
    m_account->setPlaceholderText(tr("when no column holds it"));
    m_account->setToolTip(tr("The statement owner's account, for exports of a single account that do not "
                             "repeat it on every row"));
    m_currency->setObjectName(QStringLiteral("importCurrencyConstant"));
    m_currency->setPlaceholderText(tr("KZT when none is given"));
    m_currency->setMaxLength(3);
    m_dateFormat->setEditable(true);
    m_dateFormat->addItem(tr("Detect"), QString());
    for (const char *format : { "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd",
                                "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "MM/dd/yyyy" })
        m_dateFormat->addItem(QString::fromLatin1(format), QString::fromLatin1(format));
    m_dateFormat->setToolTip(tr("Qt date format letters, e.g. dd.MM.yyyy HH:mm"));
    m_decimalMark->addItem(tr("Detect"), QString());
    m_decimalMark->addItem(tr("Comma (1 234,56)"), QStringLiteral(","));
    m_decimalMark->addItem(tr("Point (1,234.56)"), QStringLiteral("."));

    auto *load = new QPushButton(icon("case-open"), tr("&Load mapping…"), this);
    auto *save = new QPushButton(icon("save"), tr("&Save mapping…"), this);
    load->setToolTip(tr("Use a mapping saved earlier for this bank's layout (JSON)"));
    save->setToolTip(tr("Save this mapping to reuse it for the same layout, also with fundtrace-cli"));
    connect(load, &QPushButton::clicked, this, &ImportMappingPage::loadMapping);
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveMapping);
    m_origin->setForegroundRole(QPalette::PlaceholderText);

    auto *fixed = new QGroupBox(tr("Fixed values and formats"), this);
    auto *fixedForm = new QFormLayout(fixed);
    fixedForm->addRow(tr("A&ccount:"), m_account);
    fixedForm->addRow(tr("C&urrency:"), m_currency);
    fixedForm->addRow(tr("Date &format:"), m_dateFormat);
    fixedForm->addRow(tr("Decimal &mark:"), m_decimalMark);

    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(load);
    fileButtons->addWidget(save);
    auto *side = new QVBoxLayout;
    side->addWidget(fixed);
    side->addLayout(fileButtons);
    side->addWidget(m_origin);
    side->addStretch();

    auto *top = new QWidget(this);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_columns, 3);
    topLayout->addLayout(side, 2);

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setColumnCount(PreviewColumnCount);
    m_preview->setHorizontalHeaderLabels({ tr("Row"), tr("Result"), tr("Booked (UTC)"), tr("Dir."), tr("Amount"),
                                           tr("Account"), tr("Counterparty"), tr("Purpose"), tr("Problem") });
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    m_preview->horizontalHeader()->setStretchLastSection(true);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_previewTimer->setSingleShot(true);
    connect(m_previewTimer, &QTimer::timeout, this, &ImportMappingPage::updatePreview);
    connect(m_account, &QLineEdit::textChanged, this, &ImportMappingPage::schedulePreview);
    connect(m_currency, &QLineEdit::textChanged, this, &ImportMappingPage::schedulePreview);
    connect(m_dateFormat, &QComboBox::currentTextChanged, this, &ImportMappingPage::schedulePreview);
    connect(m_decimalMark, &QComboBox::currentIndexChanged, this, &ImportMappingPage::schedulePreview);
}

QString ImportMappingPage::previewPath() const
{
    const QStringList &files = m_wizard->choices().files;
    return files.isEmpty() ? QString() : files.first();
}

void ImportMappingPage::initializePage()
{
    const ImportChoices &choices = m_wizard->choices();
    m_headers.clear();
    m_columns->setRowCount(0);
    std::vector<QStringList> examples;
    try {
        const import::ImportPreview raw = import::previewFile(previewPath(), choices.formatOnly(), choices.encoding, 20);
        m_headers = raw.headers;
        for (const import::PreviewRow &row : raw.rows)
            examples.push_back(row.raw);
    } catch (const std::exception &error) {
        m_summary->setText(tr("Cannot read the file: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    m_realHeaders = choices.hasHeader;

    m_columns->setRowCount(static_cast<int>(m_headers.size()));
    for (int column = 0; column < m_headers.size(); ++column) {
        auto *name = new QTableWidgetItem(m_headers[column]);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_columns->setItem(column, ColumnName, name);
        QString example;
        for (const QStringList &row : examples) {
            if (column < row.size() && !row[column].trimmed().isEmpty()) {
                example = row[column];
                break;
            }
        }
        auto *exampleItem = new QTableWidgetItem(example);
        exampleItem->setToolTip(example);
        exampleItem->setForeground(palette().placeholderText());
        m_columns->setItem(column, ColumnExample, exampleItem);
        QComboBox *combo = fieldCombo(m_columns);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportMappingPage::schedulePreview);
        m_columns->setCellWidget(column, ColumnField, combo);
    }
    m_columns->resizeColumnToContents(ColumnName);
    m_columns->setColumnWidth(ColumnName, std::min(m_columns->columnWidth(ColumnName), 260));
    m_columns->setColumnWidth(ColumnExample, 200);

    // A mapping chosen earlier (Back, or loaded) wins; otherwise guess from the header names.
    if (!choices.mapping.isEmpty()) {
        setMapping(choices.mapping);
    } else {
        setMapping(import::guessMapping(m_realHeaders ? m_headers : QStringList()));
        m_origin->setText(m_realHeaders ? tr("Guessed from the column names.") : tr("No column names to guess from."));
    }
    updatePreviewNow();
}

int ImportMappingPage::columnFor(const import::ColumnRef &ref) const
{
    if (ref.header.isEmpty())
        return ref.index >= 0 && ref.index < m_headers.size() ? ref.index : -1;
    int seen = 0;
    for (int column = 0; column < m_headers.size(); ++column) {
        if (m_headers[column].compare(ref.header, Qt::CaseInsensitive) == 0 && ++seen == ref.occurrence)
            return column;
    }
    return -1;
}

void ImportMappingPage::setColumnField(int column, std::optional<import::Field> field)
{
    auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(column, ColumnField));
    if (!combo)
        return;
    combo->setCurrentIndex(std::max(0, combo->findData(field ? static_cast<int>(*field) : -1)));
}

std::optional<import::Field> ImportMappingPage::columnField(int column) const
{
    const auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(column, ColumnField));
    if (!combo || combo->currentData().toInt() < 0)
        return std::nullopt;
    return static_cast<import::Field>(combo->currentData().toInt());
}

void ImportMappingPage::setMapping(const import::ImportMapping &mapping)
{
    m_base = mapping;
    const QSignalBlocker accountBlocker(m_account);
    const QSignalBlocker currencyBlocker(m_currency);
    const QSignalBlocker dateBlocker(m_dateFormat);
    const QSignalBlocker decimalBlocker(m_decimalMark);
    for (int column = 0; column < m_columns->rowCount(); ++column) {
        auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(column, ColumnField));
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(0);
    }
    m_account->clear();
    m_currency->clear();
    for (const auto &[field, source] : mapping.fields) {
        if (source.constant) {
            if (field == import::Field::Account)
                m_account->setText(*source.constant);
            else if (field == import::Field::Currency)
                m_currency->setText(*source.constant);
            continue;
        }
        for (const import::ColumnRef &ref : source.columns) {
            const int column = columnFor(ref);
            auto *combo = column >= 0 ? qobject_cast<QComboBox *>(m_columns->cellWidget(column, ColumnField)) : nullptr;
            if (!combo)
                continue;
            const QSignalBlocker blocker(combo);
            combo->setCurrentIndex(std::max(0, combo->findData(static_cast<int>(field))));
        }
    }
    const int dateIndex = m_dateFormat->findData(mapping.dateFormat);
    if (dateIndex >= 0)
        m_dateFormat->setCurrentIndex(dateIndex);
    else
        m_dateFormat->setEditText(mapping.dateFormat);
    m_decimalMark->setCurrentIndex(std::max(0, m_decimalMark->findData(mapping.decimalMark)));
    schedulePreview();
}

import::ImportMapping ImportMappingPage::mapping() const
{
    const ImportChoices &choices = m_wizard->choices();
    import::ImportMapping mapping = m_base;
    mapping.encoding = choices.encoding;
    mapping.delimiter = choices.delimiter;
    mapping.hasHeader = choices.hasHeader;
    mapping.skipRows = choices.skipRows;
    mapping.fields.clear();
    QHash<QString, int> seen;
    for (int column = 0; column < m_columns->rowCount(); ++column) {
        const QString header = column < m_headers.size() ? m_headers[column] : QString();
        const int occurrence = ++seen[header.toCaseFolded()];
        const std::optional<import::Field> field = columnField(column);
        if (!field)
            continue;
        import::ColumnRef ref;
        if (m_realHeaders && !header.isEmpty()) {
            ref.header = header;
            ref.occurrence = occurrence;
        } else {
            ref.index = column;
        }
        import::FieldSource &source = mapping.fields[*field];
        source.columns.push_back(ref);
        source.separator = QStringLiteral(" ");
    }
    const QString account = m_account->text().trimmed();
    if (!account.isEmpty() && !mapping.fields.contains(import::Field::Account))
        mapping.fields[import::Field::Account] = import::FieldSource { {}, {}, account };
    const QString currency = m_currency->text().trimmed().toUpper();
    if (!currency.isEmpty() && !mapping.fields.contains(import::Field::Currency))
        mapping.fields[import::Field::Currency] = import::FieldSource { {}, {}, currency };
    const QString dateFormat = m_dateFormat->currentText().trimmed();
    mapping.dateFormat = dateFormat == m_dateFormat->itemText(0) ? QString() : dateFormat;
    mapping.decimalMark = m_decimalMark->currentData().toString();
    return mapping;
}

void ImportMappingPage::schedulePreview()
{
    m_previewTimer->start(250);
}

void ImportMappingPage::updatePreviewNow()
{
    if (m_previewTimer->isActive() || m_preview->rowCount() == 0)
        updatePreview();
}

void ImportMappingPage::updatePreview()
{
    m_previewTimer->stop();
    m_preview->setRowCount(0);
    m_okRows = 0;
    m_rejectedRows = 0;
    m_mappingProblem.clear();
    const ImportChoices &choices = m_wizard->choices();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const import::ImportPreview preview = import::previewFile(previewPath(), mapping(), choices.encoding, kPreviewRows);
        m_preview->setRowCount(static_cast<int>(preview.rows.size()));
        for (int row = 0; row < static_cast<int>(preview.rows.size()); ++row) {
            const import::PreviewRow &parsed = preview.rows[static_cast<std::size_t>(row)];
            const QStringList cells = { QString::number(parsed.row),
                                        parsed.ok ? tr("OK") : tr("Rejected"),
                                        parsed.dateUtc,
                                        parsed.direction,
                                        parsed.amount,
                                        parsed.account,
                                        parsed.counterparty,
                                        parsed.purpose,
                                        parsed.reason };
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells[column]);
                if (column == PreviewAmount || column == PreviewRowNo)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (!parsed.ok)
                    item->setBackground(kRejectBackground);
                if (column == PreviewProblem || column == PreviewPurpose)
                    item->setToolTip(cells[column]);
                m_preview->setItem(row, column, item);
            }
            parsed.ok ? ++m_okRows : ++m_rejectedRows;
            if (!parsed.ok && m_mappingProblem.isEmpty())
                m_mappingProblem = parsed.reason;
        }
        m_preview->resizeColumnsToContents();
        for (int column = 0; column < PreviewColumnCount; ++column)
            m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), 280));
        if (m_rejectedRows == 0)
            m_summary->setText(tr("Preview of the first %1 rows: all can be imported.").arg(m_okRows));
        else
            m_summary->setText(tr("Preview of the first %1 rows: %2 can be imported, <b style='color:#a83232'>%3 "
                                  "would be rejected</b>.")
                                       .arg(m_okRows + m_rejectedRows)
                                       .arg(m_okRows)
                                       .arg(m_rejectedRows));
    } catch (const std::exception &error) {
        m_mappingProblem = QString::fromUtf8(error.what());
        m_summary->setText(tr("<b style='color:#a83232'>%1</b>").arg(m_mappingProblem.toHtmlEscaped()));
    }
    QApplication::restoreOverrideCursor();
}

void ImportMappingPage::loadMapping()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Load Mapping"), settings.value(QStringLiteral("import/mappingDir"), QDir::homePath()).toString(),
            tr("Fundtrace mappings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/mappingDir"), QFileInfo(path).absolutePath());
    try {
        setMapping(import::ImportMapping::load(path));
        m_origin->setText(tr("Loaded from %1.").arg(QFileInfo(path).fileName()));
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Load Mapping"),
                             tr("%1 is not a usable mapping:\n%2").arg(QDir::toNativeSeparators(path), QString::fromUtf8(error.what())));
    }
}

void ImportMappingPage::saveMapping()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Mapping"), settings.value(QStringLiteral("import/mappingDir"), QDir::homePath()).toString(),
            tr("Fundtrace mappings (*.json)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/mappingDir"), QFileInfo(path).absolutePath());
    try {
        mapping().save(path);
        m_origin->setText(tr("Saved to %1.").arg(QFileInfo(path).fileName()));
    } catch (const std::exception &error) {
        QMessageBox::warning(this, tr("Save Mapping"), QString::fromUtf8(error.what()));
    }
}

void ImportMappingPage::cleanupPage()
{
    // Going back to change the format keeps what the user mapped so far.
    if (m_columns->rowCount() > 0)
        m_wizard->choices().mapping = mapping();
}

bool ImportMappingPage::validatePage()
{
    updatePreviewNow();
    if (m_okRows == 0) {
        const auto answer = QMessageBox::question(
                this, tr("Nothing Readable"),
                tr("None of the previewed rows can be imported with this mapping.\n\n%1\n\nImport anyway?")
                        .arg(m_mappingProblem));
        if (answer != QMessageBox::Yes)
            return false;
    }
    m_wizard->choices().mapping = mapping();
    return true;
}

} // namespace fundtrace::ui
