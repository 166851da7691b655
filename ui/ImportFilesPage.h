#pragma once

#include <QWizardPage>

class QCheckBox;
class QListWidget;

namespace fundtrace::ui {

class ImportWizard;

// Import wizard, step 1: the files to import and how strictly.
class ImportFilesPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportFilesPage(ImportWizard *wizard);

    void addFiles(const QStringList &files);
    QStringList files() const;

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void removeSelected();

    ImportWizard *m_wizard;
    QListWidget *m_list;
    QCheckBox *m_force;
    QCheckBox *m_strict;
};

} // namespace fundtrace::ui
