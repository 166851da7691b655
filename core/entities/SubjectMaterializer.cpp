#include "entities/SubjectMaterializer.h"

#include "entities/AccountLabel.h"
#include "entities/SubjectKindClassifier.h"
#include "identifiers/IdentifierParser.h"
#include "util/SystemInfo.h"

#include <unordered_map>

namespace fundtrace::entities {
namespace {

QString attributeKey(std::int64_t subjectId, const QString &kind, const QString &value)
{
    return QStringLiteral("%1|%2|%3").arg(subjectId).arg(kind, value);
}

// The names banks put where a counterparty should be when there is none: not a subject.
bool isPlaceholderName(const QString &name)
{
    const QString folded = name.trimmed().toLower();
    static const QStringList placeholders = {
        QStringLiteral("наличные"), QStringLiteral("касса"), QStringLiteral("cash"),
        QStringLiteral("atm"), QStringLiteral("банкомат"), QStringLiteral("n/a"), QStringLiteral("-"),
        QStringLiteral("нет данных"), QStringLiteral("unknown"), QStringLiteral("неизвестно"),
    };
    return folded.isEmpty() || placeholders.contains(folded);
}

} // namespace

SubjectMaterializer::SubjectMaterializer(db::Database &db, const identifiers::IdentifierParser &parser)
    : m_db(db)
    , m_parser(parser)
    , m_insertSubject(db.prepare("INSERT INTO subjects(kind, display_name, tax_id, created_at, origin, kind_source) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
    , m_insertAttribute(db.prepare("INSERT INTO subject_attributes(subject_id, kind, value, source_id) "
                                   "VALUES (?1, ?2, ?3, ?4)"))
    , m_now(util::utcNowIso())
{
}

SubjectMaterializer::Counts SubjectMaterializer::run(std::int64_t afterTransactionId)
{
    m_counts = {};
    loadKnownAttributes();
    refineReportedKinds();
    subjectsForNewAccounts();
    namesSeenOnAccounts(afterTransactionId);
    namedCounterparties(afterTransactionId);
    return m_counts;
}

void SubjectMaterializer::loadKnownAttributes()
{
    m_knownAttributes.clear();
    db::Statement select = m_db.prepare(
            "SELECT subject_id, kind, value FROM subject_attributes WHERE kind IN ('name', 'alias', 'tax_id')");
    while (select.step())
        m_knownAttributes.insert(attributeKey(select.int64(0), select.qtext(1), select.qtext(2)));
}

std::int64_t SubjectMaterializer::createSubject(const QString &name, const QString &taxId,
                                                const QString &origin, const QString &fallbackName)
{
    QString taxKind;
    if (!taxId.isEmpty()) {
        const identifiers::Identifier id = m_parser.parse(identifiers::IdentifierKind::TaxId, taxId);
        if (id.validity == identifiers::Validity::Valid)
            taxKind = id.isLegalEntity.value_or(false) ? QStringLiteral("bin") : QStringLiteral("iin");
    }
    const SubjectKindClassifier::Guess guess = SubjectKindClassifier::classify(name, taxKind);
    db::Statement &insert = m_insertSubject;
    insert.bind(1, guess.kind).bind(2, name.isEmpty() ? fallbackName : name).bind(4, m_now).bind(5, origin);
    if (taxId.isEmpty())
        insert.bindNull(3);
    else
        insert.bind(3, taxId);
    if (guess.reason.isEmpty())
        insert.bindNull(6);
    else
        insert.bind(6, guess.reason);
    insert.run();
    return m_db.lastInsertRowId();
}

void SubjectMaterializer::addAttribute(std::int64_t subjectId, const QString &kind, const QString &value,
                                       std::int64_t sourceId)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return;
    const QString key = attributeKey(subjectId, kind, trimmed);
    if (m_knownAttributes.contains(key))
        return;
    m_knownAttributes.insert(key);
    db::Statement &insert = m_insertAttribute;
    insert.bind(1, subjectId).bind(2, kind).bind(3, trimmed);
    if (sourceId > 0)
        insert.bind(4, sourceId);
    else
        insert.bindNull(4);
    insert.run();
    ++m_counts.attributes;
}

void SubjectMaterializer::refineReportedKinds()
{
    // goAML says "entity" or "person"; the name often says more (a public fund, a bank, an
    // exchange office), which the typology rules need.
    db::Statement select = m_db.prepare(
            "SELECT id, display_name, kind FROM subjects WHERE kind_source IS NULL AND kind IN ('organisation', 'unknown')");
    db::Statement update = m_db.prepare("UPDATE subjects SET kind = ?2, kind_source = ?3 WHERE id = ?1");
    std::vector<std::pair<std::int64_t, SubjectKindClassifier::Guess>> refined;
    while (select.step()) {
        const SubjectKindClassifier::Guess guess = SubjectKindClassifier::classify(select.qtext(1), {});
        if (guess.kind == u"npo" || guess.kind == u"institution" || guess.kind == u"agent"
            || (guess.kind == u"organisation" && select.qtext(2) == u"unknown"))
            refined.emplace_back(select.int64(0), guess);
    }
    for (const auto &[id, guess] : refined)
        update.bind(1, id).bind(2, guess.kind).bind(3, guess.reason).run();
}

void SubjectMaterializer::subjectsForNewAccounts()
{
    db::Statement select = m_db.prepare(
            "SELECT id, identifier, coalesce(holder_name, ''), coalesce(holder_tax_id, ''), "
            "coalesce(first_source_id, 0) FROM accounts WHERE subject_id IS NULL ORDER BY id");
    db::Statement link = m_db.prepare("UPDATE accounts SET subject_id = ?2 WHERE id = ?1");
    struct NewAccount {
        std::int64_t id;
        QString identifier, holder, taxId;
        std::int64_t sourceId;
    };
    std::vector<NewAccount> accounts;
    while (select.step())
        accounts.push_back({ select.int64(0), select.qtext(1), select.qtext(2), select.qtext(3), select.int64(4) });
    for (const NewAccount &account : accounts) {
        const std::int64_t subjectId = createSubject(
                account.holder, account.taxId, QStringLiteral("account"),
                QStringLiteral("Holder of %1").arg(AccountLabel(m_parser).display(account.identifier)));
        link.bind(1, account.id).bind(2, subjectId).run();
        addAttribute(subjectId, QStringLiteral("name"), account.holder, account.sourceId);
        addAttribute(subjectId, QStringLiteral("tax_id"), account.taxId, account.sourceId);
        ++m_counts.accountHolders;
    }
}

void SubjectMaterializer::namesSeenOnAccounts(std::int64_t afterTransactionId)
{
    // How other banks wrote the holder of a counterparty account: each spelling is an alias.
    db::Statement select = m_db.prepare(
            "SELECT a.subject_id, coalesce(n.body, ''), coalesce(t.counterparty_tax_id, ''), t.source_id "
            "FROM transactions t JOIN accounts a ON a.id = t.counterparty_account_id "
            "LEFT JOIN texts n ON n.id = t.counterparty_name_id "
            "WHERE t.id > ?1 AND a.subject_id IS NOT NULL "
            "GROUP BY a.subject_id, t.counterparty_name_id, t.counterparty_tax_id, t.source_id");
    select.bind(1, afterTransactionId);
    std::unordered_map<std::int64_t, QString> displayNames;
    while (select.step()) {
        const std::int64_t subjectId = select.int64(0);
        const QString name = select.qtext(1);
        if (!isPlaceholderName(name))
            addAttribute(subjectId, m_knownAttributes.contains(attributeKey(subjectId, QStringLiteral("name"), name.trimmed()))
                                 ? QStringLiteral("name") : QStringLiteral("alias"),
                         name, select.int64(3));
        addAttribute(subjectId, QStringLiteral("tax_id"), select.qtext(2), select.int64(3));
    }
}

void SubjectMaterializer::namedCounterparties(std::int64_t afterTransactionId)
{
    // Existing counterparty subjects by "name|tax id", so a later import links to them.
    QHash<QString, std::int64_t> known;
    {
        db::Statement select = m_db.prepare(
                "SELECT s.id, a.value, coalesce(s.tax_id, '') FROM subjects s "
                "JOIN subject_attributes a ON a.subject_id = s.id AND a.kind = 'name' "
                "WHERE s.origin = 'counterparty'");
        while (select.step())
            known.insert(select.qtext(1) + u'|' + select.qtext(2), select.int64(0));
    }
    db::Statement select = m_db.prepare(
            "SELECT t.id, t.direction, n.body, coalesce(t.counterparty_tax_id, ''), t.source_id "
            "FROM transactions t JOIN texts n ON n.id = t.counterparty_name_id "
            "WHERE t.id > ?1 AND t.counterparty_account_id IS NULL ORDER BY t.id");
    select.bind(1, afterTransactionId);
    db::Statement link = m_db.prepare(
            "INSERT OR IGNORE INTO transaction_parties(transaction_id, role, subject_id) VALUES (?1, ?2, ?3)");
    QHash<QString, bool> rejectedNames;
    while (select.step()) {
        const QString name = select.qtext(2).trimmed();
        const QString taxId = select.qtext(3).trimmed();
        const QString key = name + u'|' + taxId;
        auto found = known.find(key);
        if (found == known.end()) {
            if (rejectedNames.contains(key))
                continue;
            // A bare word ("Наличные", "Terminal 0412") is not someone; a tax id or a name that
            // reads as a person or organisation is.
            const bool usable = !isPlaceholderName(name)
                    && (!taxId.isEmpty() || SubjectKindClassifier::classify(name, {}).kind != u"unknown");
            if (!usable) {
                rejectedNames.insert(key, true);
                continue;
            }
            const std::int64_t subjectId = createSubject(name, taxId, QStringLiteral("counterparty"), name);
            addAttribute(subjectId, QStringLiteral("name"), name, select.int64(4));
            addAttribute(subjectId, QStringLiteral("tax_id"), taxId, select.int64(4));
            found = known.insert(key, subjectId);
            ++m_counts.namedCounterparties;
        }
        // Seen from the statement owner's side: a credit came from the counterparty.
        link.bind(1, select.int64(0)).bind(2, select.textView(1) == "C" ? "from" : "to").bind(3, found.value()).run();
    }
}

} // namespace fundtrace::entities
