#pragma once

#include "query/CaseSummary.h"

#include <QDialog>

namespace fundtrace::ui {

// What a case is and holds: title, file, who created it when, its time zone, the counts and the
// per-currency totals. Read-only; the figures come from query::CaseSummary.
class CasePropertiesDialog : public QDialog {
    Q_OBJECT

public:
    explicit CasePropertiesDialog(const query::CaseSummary &summary, QWidget *parent = nullptr);
};

} // namespace fundtrace::ui
