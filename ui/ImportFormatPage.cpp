#include "ImportFormatPage.h"

#include "ImportWizard.h"
#include "import/CsvInput.h"
#include "import/ImportFormat.h"
#include "import/ImportPreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fundtrace::ui {
namespace {

// Enough rows to judge the layout; the mapping page previews more.
constexpr int kRawRows = 50;

QString delimiterLabel(const QString &delimiter)
{
    if (delimiter == QLatin1String("\t"))
        return QObject::tr("Tab");
    if (delimiter == QLatin1String(","))
        return QObject::tr("Comma ( , )");
    if (delimiter == QLatin1String(";"))
        return QObject::tr("Semicolon ( ; )");
    if (delimiter == QLatin1String("|"))
        return QObject::tr("Pipe ( | )");
    return delimiter;
}

} // namespace

ImportFormatPage::ImportFormatPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_file(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_listName(new QLineEdit(this))
    , m_textOptions(new QWidget(this))
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_hasHeader(new QCheckBox(tr("First row holds column names"), this))
    , m_skipRows(new QSpinBox(this))
    , m_detected(new QLabel(this))
    , m_raw(new QTableWidget(this))
{
    setTitle(tr("Check how the file is read"));
    setSubTitle(tr("Encoding and delimiter are detected; override them if the table below looks wrong "
                   "(garbled letters, everything in one column)."));

    m_format->setObjectName(QStringLiteral("importFormat"));
    m_format->addItem(tr("Detect from content"), QString());
    for (const import::ImportFormat format :
         { import::ImportFormat::Csv, import::ImportFormat::Xlsx, import::ImportFormat::OneC, import::ImportFormat::Camt,
           import::ImportFormat::Mt940, import::ImportFormat::GoAml, import::ImportFormat::UnList,
           import::ImportFormat::OfacSdnXml, import::ImportFormat::OfacSdnCsv, import::ImportFormat::EuList,
           import::ImportFormat::FtmJson, import::ImportFormat::NationalList })
        m_format->addItem(import::formatDescription(format), import::formatName(format));
    m_listName->setObjectName(QStringLiteral("importListName"));
    m_listName->setPlaceholderText(tr("Name to file a sanctions list under (required for national lists)"));

    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect"), QString());
    for (const char *name : { "UTF-8", "windows-1251", "UTF-16LE", "UTF-16BE" })
        m_encoding->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    m_delimiter->addItem(tr("Detect"), QString());
    for (const QString &delimiter : { QStringLiteral(";"), QStringLiteral(","), QStringLiteral("\t"), QStringLiteral("|") })
        m_delimiter->addItem(delimiterLabel(delimiter), delimiter);
    m_hasHeader->setChecked(true);
    m_skipRows->setRange(0, 100);
    m_skipRows->setToolTip(tr("Title lines some banks write above the column names (account, period, ...)"));
    m_detected->setTextFormat(Qt::RichText);
    m_detected->setWordWrap(true);

    m_raw->setObjectName(QStringLiteral("importRawTable"));
    m_raw->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_raw->setAlternatingRowColors(true);
    m_raw->setWordWrap(false);
    m_raw->verticalHeader()->setDefaultSectionSize(m_raw->fontMetrics().height() + 6);

    auto *form = new QFormLayout;
    form->addRow(tr("&Preview file:"), m_file);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&List name:"), m_listName);
    auto buddyLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto *format = new QHBoxLayout(m_textOptions);
    format->setContentsMargins(0, 0, 0, 0);
    format->addWidget(buddyLabel(tr("&Encoding:"), m_encoding));
    format->addWidget(m_encoding);
    format->addSpacing(16);
    format->addWidget(buddyLabel(tr("&Delimiter:"), m_delimiter));
    format->addWidget(m_delimiter);
    format->addSpacing(16);
    format->addWidget(buddyLabel(tr("S&kip lines:"), m_skipRows));
    format->addWidget(m_skipRows);
    format->addSpacing(16);
    format->addWidget(m_hasHeader);
    format->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_textOptions);
    layout->addWidget(m_detected);
    layout->addWidget(m_raw, 1);
    layout->addStretch(); // takes the space when the raw table is hidden (structured formats)

    connect(m_file, &QComboBox::currentIndexChanged, this, &ImportFormatPage::reload);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportFormatPage::reload);
    connect(m_listName, &QLineEdit::textChanged, this, &ImportFormatPage::storeChoices);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportFormatPage::reload);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportFormatPage::reload);
    connect(m_hasHeader, &QCheckBox::toggled, this, &ImportFormatPage::reload);
    connect(m_skipRows, &QSpinBox::valueChanged, this, &ImportFormatPage::reload);
}

void ImportFormatPage::initializePage()
{
    m_detectedFormats.clear(); // the file list may have changed on the previous page
    const QSignalBlocker blocker(m_file);
    m_file->clear();
    for (const QString &path : m_wizard->choices().files)
        m_file->addItem(QFileInfo(path).fileName(), path);
    m_file->setEnabled(m_file->count() > 1);
    reload();
}

void ImportFormatPage::storeChoices()
{
    ImportChoices &choices = m_wizard->choices();
    choices.format = m_format->currentData().toString();
    choices.listName = m_listName->text().trimmed();
    choices.encoding = m_encoding->currentData().toString();
    choices.delimiter = m_delimiter->currentData().toString();
    choices.hasHeader = m_hasHeader->isChecked();
    choices.skipRows = m_skipRows->value();
}

void ImportFormatPage::reload()
{
    storeChoices();
    const ImportChoices &choices = m_wizard->choices();
    const QString path = m_file->currentData().toString();
    m_raw->clear();
    m_raw->setRowCount(0);
    m_raw->setColumnCount(0);
    m_readable = false;
    if (path.isEmpty()) {
        emit completeChanged();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const QString format = formatOf(path);
        const auto known = import::formatFromName(format);
        const bool tabular = format == QLatin1String("csv") || format == QLatin1String("national-list");
        m_listName->setEnabled(known && import::isSanctionsList(*known));
        // Encoding, delimiter and the raw table only mean something for delimited text.
        m_textOptions->setVisible(tabular);
        m_raw->setVisible(tabular);
        if (!tabular) {
            const QString description = known ? import::formatDescription(*known) : format;
            m_detected->setText(
                    tr("Read as <b>%1</b>. This format carries its own structure, so no column mapping is needed: "
                       "press Import to bring it into the case.%2")
                            .arg(description.toHtmlEscaped(),
                                 format == QLatin1String("xlsx")
                                         ? tr(" Sheets are read with their title blocks skipped and the header row "
                                              "recognised.")
                                         : QString()));
            m_readable = true;
            QApplication::restoreOverrideCursor();
            emit completeChanged();
            return;
        }
        const import::ImportPreview preview = import::previewFile(path, choices.formatOnly(), choices.encoding, kRawRows);
        m_raw->setColumnCount(static_cast<int>(preview.headers.size()));
        m_raw->setHorizontalHeaderLabels(preview.headers);
        m_raw->setRowCount(static_cast<int>(preview.rows.size()));
        QStringList rowLabels;
        for (int row = 0; row < static_cast<int>(preview.rows.size()); ++row) {
            const import::PreviewRow &previewRow = preview.rows[static_cast<std::size_t>(row)];
            rowLabels << QString::number(previewRow.row);
            if (previewRow.raw.size() > m_raw->columnCount())
                m_raw->setColumnCount(static_cast<int>(previewRow.raw.size()));
            for (int column = 0; column < previewRow.raw.size(); ++column)
                m_raw->setItem(row, column, new QTableWidgetItem(previewRow.raw[column]));
        }
        m_raw->setVerticalHeaderLabels(rowLabels);
        m_raw->resizeColumnsToContents();
        for (int column = 0; column < m_raw->columnCount(); ++column)
            m_raw->setColumnWidth(column, std::min(m_raw->columnWidth(column), 320));
        m_detected->setText(tr("Read as <b>%1</b>, delimiter <b>%2</b>: %3 columns in the first rows.")
                                    .arg(preview.encoding.toHtmlEscaped(), delimiterLabel(preview.delimiter).toHtmlEscaped())
                                    .arg(m_raw->columnCount()));
        // The "Detect" entries say what detection found.
        m_encoding->setItemText(0, tr("Detect (%1)").arg(preview.encoding));
        m_delimiter->setItemText(0, tr("Detect (%1)").arg(delimiterLabel(preview.delimiter)));
        m_readable = true;
    } catch (const std::exception &error) {
        m_detected->setText(QStringLiteral("<span style='color:#a83232'>%1</span>")
                                    .arg(tr("Cannot read this file: %1").arg(QString::fromUtf8(error.what())).toHtmlEscaped()));
    }
    QApplication::restoreOverrideCursor();
    emit completeChanged();
}

QString ImportFormatPage::formatOf(const QString &path) const
{
    const QString chosen = m_format->currentData().toString();
    if (!chosen.isEmpty())
        return chosen;
    // QWizard asks nextId() on every button update; read each file's head once.
    auto detected = m_detectedFormats.constFind(path);
    if (detected == m_detectedFormats.cend())
        detected = m_detectedFormats.insert(path, import::formatName(import::detectFormat(path)));
    return *detected;
}

int ImportFormatPage::nextId() const
{
    for (const QString &path : m_wizard->choices().files) {
        try {
            const QString format = formatOf(path);
            if (format == QLatin1String("csv"))
                return ImportWizard::MappingPage;
        } catch (const std::exception &) {
            return ImportWizard::MappingPage; // unreadable: the mapping page reports it
        }
    }
    return ImportWizard::RunPage;
}

bool ImportFormatPage::isComplete() const
{
    return m_readable;
}

bool ImportFormatPage::validatePage()
{
    storeChoices();
    return m_readable;
}

} // namespace fundtrace::ui
