#include "ReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fundtrace::ui {

ReasonDialog::ReasonDialog(const QString &title, const QString &question, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    auto *label = new QLabel(question, this);
    label->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("reasonText"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("Reason (kept in the audit log)"));
    m_text->setMinimumHeight(fontMetrics().height() * 4);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!reason().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

QString ReasonDialog::reason() const
{
    return m_text->toPlainText().trimmed();
}

std::optional<QString> ReasonDialog::ask(QWidget *parent, const QString &title, const QString &question)
{
    ReasonDialog dialog(title, question, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty())
        return std::nullopt;
    return dialog.reason();
}

} // namespace fundtrace::ui
