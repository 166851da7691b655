#pragma once

#include "query/CaseSummary.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace fundtrace::ui {

// Lists the data-quality findings imports made (statement balances that do not reconcile, gaps
// between statements, goAML schema deviations), with the numbers, so nobody builds on a
// statement with missing movements without knowing it.
class DataQualityPanel : public QWidget {
    Q_OBJECT

public:
    explicit DataQualityPanel(QWidget *parent = nullptr);

    void setFindings(const std::vector<query::DataQualityFinding> &findings);
    int findingCount() const;
    QTableWidget *table() const { return m_table; }

private:
    QLabel *m_empty;
    QTableWidget *m_table;
};

} // namespace fundtrace::ui
