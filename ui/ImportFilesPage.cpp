#include "ImportFilesPage.h"

#include "Icons.h"
#include "ImportWizard.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace fundtrace::ui {

ImportFilesPage::ImportFilesPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_list(new QListWidget(this))
    , m_force(new QCheckBox(tr("Import files again even if the case already holds them (same SHA-256)"), this))
    , m_strict(new QCheckBox(tr("Strict: reject a whole file if any of its rows cannot be read"), this))
{
    setTitle(tr("Choose files"));
    setSubTitle(tr("Bank statement exports as delimited text (CSV, TSV, semicolon-separated). Several files "
                   "of the same layout can be imported in one go."));
    m_list->setObjectName(QStringLiteral("importFiles"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setIconSize(QSize(20, 20));

    auto *add = new QPushButton(icon("add"), tr("&Add files…"), this);
    auto *remove = new QPushButton(icon("remove"), tr("&Remove"), this);
    connect(add, &QPushButton::clicked, this, &ImportFilesPage::browse);
    connect(remove, &QPushButton::clicked, this, &ImportFilesPage::removeSelected);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();

    auto *files = new QHBoxLayout;
    files->addWidget(m_list, 1);
    files->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(files, 1);
    layout->addWidget(m_force);
    layout->addWidget(m_strict);
}

void ImportFilesPage::addFiles(const QStringList &files)
{
    const QStringList present = this->files();
    for (const QString &file : files) {
        const QFileInfo info(file);
        const QString path = info.absoluteFilePath();
        if (present.contains(path))
            continue;
        auto *item = new QListWidgetItem(icon("table"),
                                         tr("%1  (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())),
                                         m_list);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    emit completeChanged();
}

QStringList ImportFilesPage::files() const
{
    QStringList paths;
    for (int i = 0; i < m_list->count(); ++i)
        paths << m_list->item(i)->data(Qt::UserRole).toString();
    return paths;
}

void ImportFilesPage::browse()
{
    QSettings settings;
    const QString lastDir = settings.value(QStringLiteral("import/lastDir"), QDir::homePath()).toString();
    const QStringList chosen = QFileDialog::getOpenFileNames(
            this, tr("Add Bank Exports"), lastDir,
            tr("Bank exports (*.csv *.txt *.tsv *.tab);;All files (*)"));
    if (chosen.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(chosen.first()).absolutePath());
    addFiles(chosen);
}

void ImportFilesPage::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    emit completeChanged();
}

bool ImportFilesPage::isComplete() const
{
    return m_list->count() > 0;
}

bool ImportFilesPage::validatePage()
{
    ImportChoices &choices = m_wizard->choices();
    choices.files = files();
    choices.force = m_force->isChecked();
    choices.strict = m_strict->isChecked();
    return !choices.files.isEmpty();
}

} // namespace fundtrace::ui
