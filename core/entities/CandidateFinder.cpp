#include "entities/CandidateFinder.h"

#include "entities/ResolutionDecisions.h"
#include "entities/SubjectMatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <unordered_map>

namespace fundtrace::entities {
namespace {

// A key shared by more rows than this ("muhammad", "too") says little; pairs sharing only such
// keys are not compared.
constexpr qsizetype kMaxBlockSize = 400;

// The name keys and identifier values a row is filed under for comparison.
QSet<QString> blockingKeys(const SubjectEvidence &subject)
{
    QSet<QString> keys;
    for (const names::NormalizedName &name : subject.names) {
        for (const QString &key : name.keys) {
            if (key.size() >= 2)
                keys.insert(QStringLiteral("n:") + key);
        }
    }
    for (auto it = subject.identifiers.cbegin(); it != subject.identifiers.cend(); ++it) {
        for (const QString &value : it.value())
            keys.insert(it.key() + u':' + value);
    }
    return keys;
}

} // namespace

CandidateFinder::CandidateFinder(db::Database &db, int threshold)
    : m_db(db)
    , m_threshold(threshold)
{
}

int CandidateFinder::run(const QVector<SubjectEvidence> &subjects, std::int64_t changedAfterSubjectId,
                         std::int64_t changedAfterAttributeId)
{
    QHash<QString, QVector<qsizetype>> blocks;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        for (const QString &key : blockingKeys(subjects[i]))
            blocks[key].append(i);
    }

    const ResolutionDecisions decisions(m_db);
    db::Statement upsert = m_db.prepare(
            "INSERT INTO resolution_candidates(subject_a, subject_b, score, explanation, evidence) "
            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(subject_a, subject_b) DO UPDATE SET "
            "score = excluded.score, explanation = excluded.explanation, evidence = excluded.evidence "
            "WHERE state = 'open'");
    int written = 0;
    // One proposal per pair of groups: members of one merged subject would otherwise each
    // propose the same match.
    QSet<std::pair<std::int64_t, std::int64_t>> proposedRoots;
    // Shared evidence per other row, counted in a flat array (reset through `touched`) because
    // the blocks of common name keys are walked many times.
    std::vector<int> shared(std::size_t(subjects.size()), 0);
    std::vector<qsizetype> touched;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        const SubjectEvidence &subject = subjects[i];
        if (subject.id <= changedAfterSubjectId && subject.maxAttributeId <= changedAfterAttributeId)
            continue;
        int nameKeys = 0;
        for (const QString &key : blockingKeys(subject)) {
            const bool isName = key.startsWith(u"n:");
            nameKeys += isName ? 1 : 0;
            const QVector<qsizetype> &block = blocks[key];
            if (block.size() > kMaxBlockSize)
                continue;
            for (const qsizetype j : block) {
                if (shared[std::size_t(j)] == 0)
                    touched.push_back(j);
                // A shared identifier is worth comparing on its own; a name needs two shared keys
                // (a surname alone pairs every family member and namesake).
                shared[std::size_t(j)] += isName ? 1 : 2;
            }
        }
        const int needed = nameKeys >= 2 ? 2 : 1;
        for (const qsizetype j : touched) {
            const int count = shared[std::size_t(j)];
            shared[std::size_t(j)] = 0;
            const SubjectEvidence &other = subjects[j];
            if (count < needed || j == i || other.root == subject.root)
                continue;
            // Each changed pair once: when both changed, the lower id does the comparing.
            const bool otherChanged = other.id > changedAfterSubjectId || other.maxAttributeId > changedAfterAttributeId;
            if (otherChanged && other.id < subject.id)
                continue;
            if (decisions.isDecided(subject.id, other.id))
                continue;
            const SubjectMatcher::Score score = SubjectMatcher::compare(subject, other);
            if (score.score < m_threshold || score.strong)
                continue;
            const auto roots = std::minmax(subject.root, other.root);
            if (proposedRoots.contains({ roots.first, roots.second }))
                continue;
            proposedRoots.insert({ roots.first, roots.second });
            const auto [a, b] = std::minmax(subject.id, other.id);
            const QJsonObject evidence { { QStringLiteral("agreed"), QJsonArray::fromStringList(score.agreed) },
                                         { QStringLiteral("disagreed"), QJsonArray::fromStringList(score.disagreed) } };
            upsert.bind(1, a).bind(2, b).bind(3, score.score).bind(4, score.explanation)
                    .bind(5, QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)))
                    .run();
            ++written;
        }
        touched.clear();
    }
    return written;
}

} // namespace fundtrace::entities
