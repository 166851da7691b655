#pragma once

#include "annotations/AnnotationStore.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fundtrace::ui {

// Writes or edits one note on a case object: the text, comma-separated tags, a severity and the
// hypothesis it supports or tests. Only collects the values; AlertActions stores them (audited)
// on a worker thread. OK stays disabled until the note has text.
class AnnotationEditor : public QDialog {
    Q_OBJECT

public:
    AnnotationEditor(const annotations::Annotation &note, const QString &objectName, QWidget *parent = nullptr);

    annotations::Annotation annotation() const;

private:
    annotations::Annotation m_note;
    QPlainTextEdit *m_body;
    QLineEdit *m_tags;
    QComboBox *m_severity;
    QLineEdit *m_hypothesis;
    QPushButton *m_ok = nullptr;
};

} // namespace fundtrace::ui
