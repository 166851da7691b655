#pragma once

#include "import/ImportMapping.h"

#include <QStringList>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace fundtrace::ui {

class ImportWizard;

// Import wizard, step 3: what each column means. One combo per column (guessed from the header
// names, or loaded from a mapping file), fixed values for single-account statements, and a live
// preview of the first rows as they would be imported, rejects included.
class ImportMappingPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;

    // The mapping as currently set on the page.
    import::ImportMapping mapping() const;
    void setMapping(const import::ImportMapping &mapping);
    // Sets the field of a column (for tests and keyboard users); nullopt leaves it unmapped.
    void setColumnField(int column, std::optional<import::Field> field);
    std::optional<import::Field> columnField(int column) const;

    QTableWidget *columnsTable() const { return m_columns; }
    QTableWidget *previewTable() const { return m_preview; }
    int previewOkRows() const { return m_okRows; }
    int previewRejectedRows() const { return m_rejectedRows; }
    // Runs a pending preview now instead of after the typing pause.
    void updatePreviewNow();

private:
    void loadMapping();
    void saveMapping();
    void schedulePreview();
    void updatePreview();
    QString previewPath() const;
    int columnFor(const import::ColumnRef &ref) const;

    ImportWizard *m_wizard;
    QStringList m_headers;
    bool m_realHeaders = true;
    import::ImportMapping m_base;   // keeps settings the page has no widget for (words, zone)
    QTableWidget *m_columns;
    QLineEdit *m_account;
    QLineEdit *m_currency;
    QComboBox *m_dateFormat;
    QComboBox *m_decimalMark;
    QLabel *m_origin;
    QLabel *m_summary;
    QTableWidget *m_preview;
    QTimer *m_previewTimer;
    int m_okRows = 0;
    int m_rejectedRows = 0;
    QString m_mappingProblem;
};

} // namespace fundtrace::ui
