#pragma once

#include "LatestLoad.h"
#include "entities/SubjectList.h"

#include <QAbstractTableModel>

namespace fundtrace::ui {

// The resolved subjects of a case as a table: loaded by SubjectList on a worker thread with its
// own read-only connection, then handed to the view in batches (fetchMore), so a case with a
// hundred thousand subjects neither freezes the window nor lays out every row at once. Money is
// shown in the case's main currency.
class SubjectTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Kind, MoneyIn, MoneyOut, Accounts, Hits, LastActivity, ColumnCount };
    static constexpr int kSubjectIdRole = Qt::UserRole + 1;
    static constexpr int kBatch = 2000;

    explicit SubjectTableModel(QObject *parent = nullptr);
    ~SubjectTableModel() override;

    // Empty closes.
    void setCasePath(const QString &path);
    void setSearch(const QString &text);
    void setKinds(const QStringList &kinds);
    // Loads again with the current filter, e.g. after an import or a merge.
    void refresh();

    bool isLoading() const { return m_load.isBusy(); }
    // All matching subjects, including those not yet handed to the view.
    int totalCount() const { return static_cast<int>(m_rows.size()); }
    const QString &mainCurrency() const { return m_currency; }
    const entities::SubjectRow *subjectAt(int row) const;
    std::int64_t subjectIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingStarted();
    void loaded(int count);
    void loadFailed(const QString &message);

private:
    struct Result {
        QVector<entities::SubjectRow> rows;
        QString currency;
        QString error;
        QString path;
    };
    void load();
    void onLoaded(Result result);
    entities::CurrencyFlow mainFlow(const entities::SubjectRow &row) const;

    QString m_casePath;
    entities::SubjectFilter m_filter;
    bool m_reversed = false;
    QVector<entities::SubjectRow> m_rows;
    int m_shown = 0;
    QString m_currency;
    LatestLoad<Result> m_load { this, [this](Result result) { onLoaded(std::move(result)); } };
};

} // namespace fundtrace::ui
