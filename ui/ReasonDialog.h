#pragma once

#include <QDialog>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fundtrace::ui {

// Asks why an investigator takes a decision (dismissing a hit, merging subjects): the reason goes
// into the audit log, so OK stays disabled until something is written.
class ReasonDialog : public QDialog {
    Q_OBJECT

public:
    ReasonDialog(const QString &title, const QString &question, QWidget *parent = nullptr);

    QString reason() const;
    // Shows the dialog; nullopt when cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &question);

private:
    QPlainTextEdit *m_text;
    QPushButton *m_ok = nullptr;
};

} // namespace fundtrace::ui
