#pragma once

#include "LatestLoad.h"
#include "detect/AlertQuery.h"

#include <QAbstractTableModel>

namespace fundtrace::ui {

// The alerts of a case as a table, highest score first: listed by AlertQuery on a worker thread
// with its own read-only connection, so a refresh after a detection run or a triage never blocks
// the window. Alongside the rows it counts alerts per typology (for the filter), with the same
// state and closed-alert settings but without the typology and score filters.
class AlertTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Score, Typology, Title, Subjects, State, Window, Evidence, ColumnCount };
    static constexpr int kAlertIdRole = Qt::UserRole + 1;
    static constexpr int kScoreRole = Qt::UserRole + 2;
    static constexpr int kActiveRole = Qt::UserRole + 3;

    struct TypologyCount {
        QString rule;
        QString typology;
        int count = 0;
    };

    explicit AlertTableModel(QObject *parent = nullptr);
    ~AlertTableModel() override;

    // Empty closes.
    void setCasePath(const QString &path);
    void setFilter(const detect::AlertFilter &filter);
    const detect::AlertFilter &filter() const { return m_filter; }
    void refresh();

    bool isLoading() const { return m_loading; }
    const detect::AlertRow *alertAt(int row) const;
    std::int64_t alertIdAt(int row) const;
    const QVector<TypologyCount> &typologyCounts() const { return m_counts; }

    static QString stateText(const QString &state);
    static QColor scoreColour(int score);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadingStarted();
    void loaded(int count);
    void loadFailed(const QString &message);

private:
    struct Result {
        QVector<detect::AlertRow> rows;
        QVector<TypologyCount> counts;
        QString error;
        QString path;
    };
    void load();
    void onLoaded(Result result);
    void applySort();

    QString m_casePath;
    detect::AlertFilter m_filter;
    // From load() until its result is in the model (the worker finishing is not enough).
    bool m_loading = false;
    int m_sortColumn = Score;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QVector<detect::AlertRow> m_rows;
    QVector<TypologyCount> m_counts;
    LatestLoad<Result> m_load { this, [this](Result result) { onLoaded(std::move(result)); } };
};

} // namespace fundtrace::ui
