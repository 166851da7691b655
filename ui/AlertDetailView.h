#pragma once

#include "LatestLoad.h"
#include "annotations/AnnotationStore.h"
#include "detect/AlertQuery.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;

namespace fundtrace::ui {

class AlertTimelineChart;
class DetailPages;

// One alert as a page of the central tabs: what was found and why in plain language, its score,
// state and the decisions on it, the numbers, the evidence transactions with their source file
// and row, a timeline of the evidence, the subjects (each opens its profile), the state history
// and the investigators' notes. Loaded by AlertQuery on a worker thread with its own read-only
// connection; decisions and notes are only asked for (signals), the window carries them out and
// calls reload().
class AlertDetailView : public QWidget {
    Q_OBJECT

public:
    AlertDetailView(const QString &casePath, std::int64_t alertId, QWidget *parent = nullptr);

    std::int64_t alertId() const { return m_alertId; }
    const std::optional<detect::AlertDetail> &alert() const { return m_alert; }
    bool isLoaded() const { return m_alert.has_value() && !m_loading; }
    void reload();

    AlertTimelineChart *chart() const { return m_chart; }
    QTableWidget *table(const QString &objectName) const;

signals:
    void loaded(const QString &title);
    void loadFailed(const QString &message);
    void openSubjectRequested(std::int64_t subjectId);
    void linkChartRequested(std::int64_t alertId);
    void triageRequested(const QVector<std::int64_t> &alertIds, const QString &state);
    void addNoteRequested(const QString &objectType, std::int64_t objectId, const QString &objectName);
    void editNoteRequested(const annotations::Annotation &note);
    void removeNoteRequested(const annotations::Annotation &note);

private:
    struct Result {
        std::optional<detect::AlertDetail> alert;
        QString error;
    };
    void onLoaded(Result result);
    void rebuild();
    QWidget *buildHeader(QWidget *parent);
    QWidget *buildNotes(QWidget *parent);
    annotations::Annotation noteAt(int row) const;

    QString m_casePath;
    std::int64_t m_alertId;
    std::optional<detect::AlertDetail> m_alert;
    bool m_loading = false; // from reload() until its result is shown
    LatestLoad<Result> m_load { this, [this](Result result) { onLoaded(std::move(result)); } };

    DetailPages *m_pages;
    AlertTimelineChart *m_chart = nullptr;
};

} // namespace fundtrace::ui
