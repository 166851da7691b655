#pragma once

#include <QHash>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace fundtrace::ui {

class ImportWizard;

// Import wizard, step 2: how the file is read. Shows the raw table as detected and lets the user
// override the encoding, the delimiter, the header row and title lines to skip.
class ImportFormatPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportFormatPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // Structured formats (1C, camt, MT940, goAML, lists) need no column mapping.
    int nextId() const override;

    QTableWidget *rawTable() const { return m_raw; }
    QComboBox *encodingCombo() const { return m_encoding; }
    QComboBox *delimiterCombo() const { return m_delimiter; }

private:
    void reload();
    void storeChoices();
    // The format a file will be imported as: the user's choice, else detected from its content.
    QString formatOf(const QString &path) const;

    ImportWizard *m_wizard;
    QComboBox *m_file;
    QComboBox *m_format;
    QLineEdit *m_listName;
    QWidget *m_textOptions;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QCheckBox *m_hasHeader;
    QSpinBox *m_skipRows;
    QLabel *m_detected;
    QTableWidget *m_raw;
    bool m_readable = false;
    mutable QHash<QString, QString> m_detectedFormats; // path -> detected format name
};

} // namespace fundtrace::ui
