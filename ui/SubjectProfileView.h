#pragma once

#include "LatestLoad.h"
#include "entities/SubjectProfile.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;

namespace fundtrace::ui {

class DetailPages;
class MonthlyFlowChart;

// One subject's profile as a page of the central tabs: who it is and why, money in and out per
// month and per currency, names with sources, identifiers with their checks, accounts, top
// counterparties, channels, countries, screening hits and possible duplicates with the
// decisions an investigator takes on them. The profile is assembled by SubjectProfileQuery on a
// worker thread with its own read-only connection; decisions are only asked for (signals), the
// window carries them out and calls reload().
class SubjectProfileView : public QWidget {
    Q_OBJECT

public:
    SubjectProfileView(const QString &casePath, std::int64_t subjectId, QWidget *parent = nullptr);

    std::int64_t subjectId() const { return m_subjectId; }
    const std::optional<entities::SubjectProfile> &profile() const { return m_profile; }
    bool isLoaded() const { return m_profile.has_value() && !m_load.isBusy(); }
    void reload();
    // The merged record selected in the members list, 0 when none.
    std::int64_t selectedMember() const;

    // The current content, for tests and screenshots (null until loaded).
    MonthlyFlowChart *chart() const { return m_chart; }
    QTableWidget *table(const QString &objectName) const;

signals:
    void loaded(const QString &title);
    void loadFailed(const QString &message);
    void openSubjectRequested(std::int64_t subjectId);
    void decideHitRequested(std::int64_t hitId, const QString &state, const QString &description);
    void confirmCandidateRequested(std::int64_t candidateId, const QString &description);
    void rejectCandidateRequested(std::int64_t candidateId, const QString &description);
    void splitRequested(std::int64_t memberId, const QString &description);
    void addNoteRequested(const QString &objectType, std::int64_t objectId, const QString &objectName);
    void showAlertsRequested(std::int64_t subjectId, const QString &name);
    void linkChartRequested(std::int64_t subjectId);
    void traceRequested(std::int64_t subjectId);
    void activityRequested(std::int64_t subjectId, const QString &name);

private:
    struct Result {
        std::optional<entities::SubjectProfile> profile;
        QString error;
    };
    void onLoaded(Result result);
    void rebuild();
    QWidget *buildHeader(QWidget *parent);
    QWidget *buildHits(QWidget *parent);
    QWidget *buildCandidates(QWidget *parent);
    QWidget *buildMembers(QWidget *parent);

    QString m_casePath;
    std::int64_t m_subjectId;
    std::optional<entities::SubjectProfile> m_profile;
    QString m_mainCurrency;
    LatestLoad<Result> m_load { this, [this](Result result) { onLoaded(std::move(result)); } };

    DetailPages *m_pages;
    MonthlyFlowChart *m_chart = nullptr;
};

} // namespace fundtrace::ui
