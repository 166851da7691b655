#include "ImportWizard.h"

#include "Icons.h"
#include "ImportFilesPage.h"
#include "ImportFormatPage.h"
#include "ImportMappingPage.h"
#include "ImportRunPage.h"

#include <QMessageBox>

namespace fundtrace::ui {

ImportWizard::ImportWizard(const QString &casePath, QWidget *parent)
    : QWizard(parent)
    , m_casePath(casePath)
    , m_filesPage(new ImportFilesPage(this))
    , m_formatPage(new ImportFormatPage(this))
    , m_mappingPage(new ImportMappingPage(this))
    , m_runPage(new ImportRunPage(this))
{
    setWindowTitle(tr("Import Files"));
    setWindowIcon(icon("import"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    // The run page has its own Cancel for the import; once done, only Finish makes sense.
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilesPage, m_filesPage);
    setPage(FormatPage, m_formatPage);
    setPage(MappingPage, m_mappingPage);
    setPage(RunPage, m_runPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    connect(m_runPage, &ImportRunPage::caseChanged, this, &ImportWizard::caseChanged);
    resize(1000, 720);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::addFiles(const QStringList &files)
{
    m_filesPage->addFiles(files);
}

void ImportWizard::reject()
{
    if (m_runPage->isRunning()) {
        const auto answer = QMessageBox::question(
                this, tr("Stop Import"),
                tr("Stop the import? The file being imported is left out entirely; files already "
                   "imported stay in the case."));
        if (answer != QMessageBox::Yes)
            return;
        m_runPage->cancelAndWait();
    }
    QWizard::reject();
}

} // namespace fundtrace::ui
