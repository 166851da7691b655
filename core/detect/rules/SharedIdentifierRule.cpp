#include "detect/rules/SharedIdentifierRule.h"

#include "detect/RuleText.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <algorithm>
#include <map>
#include <set>

namespace fundtrace::detect {

namespace {

// How telling a shared value is: a document or card belongs to one person; a phone or e-mail
// usually does; an address is shared by whole households and by business centres.
int baseScore(const QString &kind)
{
    if (kind == u"passport" || kind == u"id_document" || kind == u"national_id")
        return 75;
    if (kind == u"card" || kind == u"crypto_wallet" || kind == u"device")
        return 65;
    if (kind == u"phone" || kind == u"email")
        return 55;
    return 40;
}

QString hashOf(const QString &value)
{
    return QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

// Defaults: ip_address is left out (carrier NAT and office networks share addresses); a value
// held by more than max_subjects subjects is a placeholder ("+70000000000", a bank's own branch
// address) rather than a link, and is skipped.
void SharedIdentifierRule::configure(const RuleSettings &settings)
{
    m_kinds = settings.strings(QStringLiteral("kinds"),
                               { "phone", "email", "passport", "id_document", "national_id", "address", "card",
                                 "crypto_wallet", "device" });
    m_minSubjects = settings.integer(QStringLiteral("min_subjects"), 2, 2, 1000);
    m_addressMinSubjects = settings.integer(QStringLiteral("address_min_subjects"), 3, 2, 1000);
    m_maxSubjects = settings.integer(QStringLiteral("max_subjects"), 25, 2, 100000);
    m_minAccounts = settings.integer(QStringLiteral("min_accounts"), 5, 2, 100000);
    m_minInstitutions = settings.integer(QStringLiteral("min_institutions"), 3, 1, 100000);
    m_maxEvidence = settings.integer(QStringLiteral("max_evidence"), 50, 1, 10000);
}

QString SharedIdentifierRule::institutionOf(const QString &identifier)
{
    QString id;
    for (QChar c : identifier) {
        if (c.isLetterOrNumber())
            id += c.toUpper();
    }
    const bool iban = id.size() >= 15 && id[0].isLetter() && id[1].isLetter() && id[2].isDigit() && id[3].isDigit();
    if (iban) {
        // Bank code length after the check digits; 4 fits most countries without a listed one.
        static const QHash<QString, int> bankCode = { { "KZ", 3 }, { "KG", 3 }, { "AE", 3 }, { "GB", 4 }, { "DE", 8 },
                                                      { "TR", 5 }, { "UA", 6 }, { "AZ", 4 }, { "GE", 2 }, { "SA", 2 } };
        return id.left(4 + bankCode.value(id.left(2), 4)).remove(2, 2);
    }
    bool digits = !id.isEmpty();
    for (QChar c : id)
        digits = digits && c.isDigit();
    if (digits && id.size() >= 13 && id.size() <= 19)
        return QStringLiteral("BIN ") + id.left(6); // payment card
    return id.left(4);
}

void SharedIdentifierRule::run(const DetectionContext &context, AlertSink &sink) const
{
    sharedValues(context, sink);
    manyAccounts(context, sink);
}

std::vector<Evidence> SharedIdentifierRule::evidenceOf(const DetectionContext &context, const std::vector<std::int32_t> &subjects,
                                                       std::int64_t &first, std::int64_t &last) const
{
    const std::vector<Transaction> &rows = context.transactions();
    std::vector<std::uint32_t> all;
    for (std::int32_t subject : subjects) {
        for (std::int32_t account : context.subjects()[std::size_t(subject)].accounts) {
            const auto own = context.rowsOf(account);
            const auto against = context.rowsAgainst(account);
            all.insert(all.end(), own.begin(), own.end());
            all.insert(all.end(), against.begin(), against.end());
        }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    const std::size_t keep = std::min(all.size(), std::size_t(m_maxEvidence));
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(keep), all.end(), [&](std::uint32_t a, std::uint32_t b) {
        return rows[a].amountMinor != rows[b].amountMinor ? rows[a].amountMinor > rows[b].amountMinor : a < b;
    });
    all.resize(keep);
    std::sort(all.begin(), all.end()); // in time order for the reader
    std::vector<Evidence> evidence;
    evidence.reserve(all.size());
    for (std::uint32_t row : all)
        evidence.push_back({ row, rows[row].credit ? QStringLiteral("received") : QStringLiteral("paid") });
    first = all.empty() ? 0 : rows[all.front()].bookedAt;
    last = all.empty() ? 0 : rows[all.back()].bookedAt;
    return evidence;
}

void SharedIdentifierRule::sharedValues(const DetectionContext &context, AlertSink &sink) const
{
    std::map<std::pair<QString, QString>, std::set<std::int32_t>> holders; // (kind, value) -> subjects
    for (const SubjectIdentifier &identifier : context.identifiers()) {
        if (identifier.subject < 0 || identifier.value.trimmed().isEmpty() || !m_kinds.contains(identifier.kind))
            continue;
        holders[{ identifier.kind, identifier.value }].insert(identifier.subject);
    }
    for (const auto &[what, subjectSet] : holders) {
        const auto &[kind, value] = what;
        const int n = int(subjectSet.size());
        const int needed = kind == u"address" ? std::max(m_minSubjects, m_addressMinSubjects) : m_minSubjects;
        if (n < needed || n > m_maxSubjects)
            continue;
        AlertDraft draft;
        draft.ruleId = id();
        draft.key = QStringLiteral("%1:%2").arg(kind, hashOf(value));
        draft.subjects.assign(subjectSet.begin(), subjectSet.end());
        std::set<std::int32_t> accounts;
        QStringList names;
        QJsonArray subjectIds;
        for (std::int32_t subject : draft.subjects) {
            const Subject &s = context.subjects()[std::size_t(subject)];
            accounts.insert(s.accounts.begin(), s.accounts.end());
            names << context.describeSubject(subject);
            subjectIds.append(qint64(s.id));
        }
        draft.accounts.assign(accounts.begin(), accounts.end());
        draft.evidence = evidenceOf(context, draft.subjects, draft.windowStart, draft.windowEnd);
        draft.score = std::min(95, baseScore(kind) + 5 * (n - needed));
        draft.title = QStringLiteral("%1 subjects share one %2").arg(n).arg(kind);
        draft.explanation = QStringLiteral("%1 subjects the case treats as different people share the %2 \"%3\": %4. "
                                           "They hold %5 accounts; the %6 largest of their transactions are attached.")
                                    .arg(n)
                                    .arg(kind, value, names.join(QStringLiteral(", ")))
                                    .arg(accounts.size())
                                    .arg(draft.evidence.size());
        draft.metrics = QJsonObject { { QStringLiteral("kind"), kind },
                                      { QStringLiteral("subjects"), n },
                                      { QStringLiteral("subject_ids"), subjectIds },
                                      { QStringLiteral("accounts"), qint64(accounts.size()) } };
        sink.add(std::move(draft));
    }
}

void SharedIdentifierRule::manyAccounts(const DetectionContext &context, AlertSink &sink) const
{
    const std::vector<Subject> &subjects = context.subjects();
    for (std::int32_t subject = 0; subject < std::int32_t(subjects.size()); ++subject) {
        const Subject &s = subjects[std::size_t(subject)];
        if (int(s.accounts.size()) < m_minAccounts)
            continue;
        std::map<QString, int> institutions;
        for (std::int32_t account : s.accounts)
            ++institutions[institutionOf(context.accounts()[std::size_t(account)].identifier)];
        const int n = int(institutions.size());
        if (n < m_minInstitutions)
            continue;
        AlertDraft draft;
        draft.ruleId = id();
        draft.key = QStringLiteral("accounts:s%1").arg(s.id);
        draft.subjects = { subject };
        draft.accounts.assign(s.accounts.begin(), s.accounts.end());
        std::sort(draft.accounts.begin(), draft.accounts.end());
        draft.evidence = evidenceOf(context, draft.subjects, draft.windowStart, draft.windowEnd);
        const int accounts = int(s.accounts.size());
        draft.score = std::min(90, 45 + 3 * (accounts - m_minAccounts) + 5 * (n - m_minInstitutions));
        QStringList where;
        QJsonObject perInstitution;
        for (const auto &[institution, count] : institutions) {
            where << QStringLiteral("%1 at %2").arg(count).arg(institution);
            perInstitution.insert(institution, count);
        }
        draft.title = QStringLiteral("%1 holds %2 accounts at %3 institutions").arg(context.describeSubject(subject)).arg(accounts).arg(n);
        draft.explanation = QStringLiteral("%1 holds %2 accounts (the rule looks from %3) at %4 institutions (from %5): %6.")
                                    .arg(context.describeSubject(subject))
                                    .arg(accounts)
                                    .arg(m_minAccounts)
                                    .arg(n)
                                    .arg(m_minInstitutions)
                                    .arg(where.join(QStringLiteral(", ")));
        draft.metrics = QJsonObject { { QStringLiteral("accounts"), accounts },
                                      { QStringLiteral("institutions"), n },
                                      { QStringLiteral("per_institution"), perInstitution } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
