#pragma once

#include "ImportChoices.h"

#include <QWizard>

namespace fundtrace::ui {

class ImportFilesPage;
class ImportFormatPage;
class ImportMappingPage;
class ImportRunPage;

// Imports bank exports into the open case: pick files, check encoding and delimiter on the raw
// table, map columns to fields with a live preview of parsed rows and rejects, then run the
// import on a worker thread with its own connection, with progress and cancel.
class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum Page { FilesPage, FormatPage, MappingPage, RunPage };

    explicit ImportWizard(const QString &casePath, QWidget *parent = nullptr);
    ~ImportWizard() override;

    const QString &casePath() const { return m_casePath; }
    ImportChoices &choices() { return m_choices; }
    void addFiles(const QStringList &files);

    ImportFilesPage *filesPage() const { return m_filesPage; }
    ImportFormatPage *formatPage() const { return m_formatPage; }
    ImportMappingPage *mappingPage() const { return m_mappingPage; }
    ImportRunPage *runPage() const { return m_runPage; }

public slots:
    void reject() override;

signals:
    // At least one file was imported; the case has new rows.
    void caseChanged();

private:
    QString m_casePath;
    ImportChoices m_choices;
    ImportFilesPage *m_filesPage;
    ImportFormatPage *m_formatPage;
    ImportMappingPage *m_mappingPage;
    ImportRunPage *m_runPage;
};

} // namespace fundtrace::ui
