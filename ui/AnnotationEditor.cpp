#include "AnnotationEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fundtrace::ui {

AnnotationEditor::AnnotationEditor(const annotations::Annotation &note, const QString &objectName, QWidget *parent)
    : QDialog(parent)
    , m_note(note)
    , m_body(new QPlainTextEdit(this))
    , m_tags(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_hypothesis(new QLineEdit(this))
{
    setObjectName(QStringLiteral("annotationEditor"));
    setWindowTitle(note.id == 0 ? tr("Add Note") : tr("Edit Note"));

    m_body->setObjectName(QStringLiteral("noteBody"));
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("What you found, checked or still need to check"));
    m_body->setMinimumHeight(fontMetrics().height() * 6);
    m_body->setPlainText(note.body);
    m_tags->setObjectName(QStringLiteral("noteTags"));
    m_tags->setPlaceholderText(tr("comma separated, e.g. cash, courier, follow-up"));
    m_tags->setText(note.tags);
    m_severity->setObjectName(QStringLiteral("noteSeverity"));
    const std::pair<const char *, QString> severities[] = {
        { "info", tr("Information") }, { "low", tr("Low") }, { "medium", tr("Medium") }, { "high", tr("High") },
    };
    for (const auto &[value, text] : severities)
        m_severity->addItem(text, QString::fromLatin1(value));
    m_severity->setCurrentIndex(std::max(0, m_severity->findData(note.severity.isEmpty() ? QStringLiteral("info") : note.severity)));
    m_hypothesis->setObjectName(QStringLiteral("noteHypothesis"));
    m_hypothesis->setPlaceholderText(tr("e.g. donations are collected for fighters abroad"));
    m_hypothesis->setText(note.hypothesis);

    auto *form = new QFormLayout;
    form->addRow(tr("&Note:"), m_body);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("&Hypothesis:"), m_hypothesis);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(!note.body.trimmed().isEmpty());
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!m_body->toPlainText().trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    if (!objectName.isEmpty()) {
        auto *about = new QLabel(tr("On %1").arg(objectName), this);
        about->setWordWrap(true);
        about->setStyleSheet(QStringLiteral("color: #374151;"));
        layout->addWidget(about);
    }
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

annotations::Annotation AnnotationEditor::annotation() const
{
    annotations::Annotation note = m_note;
    note.body = m_body->toPlainText().trimmed();
    QStringList tags;
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    }
    note.tags = tags.join(QStringLiteral(", "));
    note.severity = m_severity->currentData().toString();
    note.hypothesis = m_hypothesis->text().trimmed();
    return note;
}

} // namespace fundtrace::ui
