#include "entities/SubjectProfileQuery.h"

#include "detect/Channel.h"
#include "detect/SubjectRisk.h"
#include "entities/AccountLabel.h"
#include "identifiers/IdentifierParser.h"

#include <QDateTime>
#include <QMap>
#include <algorithm>

namespace fundtrace::entities {
namespace {

QString identifierDetails(const identifiers::Identifier &id)
{
    QStringList parts;
    if (id.birthDate)
        parts << QStringLiteral("born %1").arg(id.birthDate->toString(Qt::ISODate));
    if (id.sex)
        parts << (*id.sex == u'M' ? QStringLiteral("male") : QStringLiteral("female"));
    if (id.isLegalEntity.value_or(false))
        parts << QStringLiteral("legal entity (BIN)");
    if (id.registration)
        parts << QStringLiteral("registered %1").arg(*id.registration);
    if (id.network)
        parts << *id.network;
    if (id.country)
        parts << *id.country;
    return parts.join(QStringLiteral(", "));
}

} // namespace

SubjectProfileQuery::SubjectProfileQuery(db::Database &db)
    : m_db(db)
{
}

std::optional<SubjectProfile> SubjectProfileQuery::load(std::int64_t subjectId, int topCounterparties) const
{
    SubjectProfile profile;
    {
        db::Statement root = m_db.prepare(
                "SELECT r.id, r.kind, coalesce(r.kind_source, ''), r.display_name FROM subjects s "
                "JOIN subjects r ON r.id = coalesce(s.merged_into, s.id) WHERE s.id = ?1");
        root.bind(1, subjectId);
        if (!root.step())
            return std::nullopt;
        profile.id = root.int64(0);
        profile.kind = root.qtext(1);
        profile.kindReason = root.qtext(2);
        profile.displayName = root.qtext(3);
    }
    // The merged rows the profile gathers, in a scratch table the queries below join on.
    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS profile_members(id INTEGER PRIMARY KEY)");
    m_db.exec("DELETE FROM profile_members");
    db::Statement fill = m_db.prepare(
            "INSERT INTO profile_members(id) SELECT id FROM subjects WHERE id = ?1 OR merged_into = ?1");
    fill.bind(1, profile.id).run();
    db::Statement members = m_db.prepare("SELECT id FROM profile_members ORDER BY id");
    while (members.step())
        profile.members.append(members.int64(0));

    loadNames(profile);
    loadAccounts(profile);
    collectRows();
    loadFlows(profile, topCounterparties);
    loadHits(profile);
    loadNotes(profile);
    loadCandidates(profile);
    loadAlerts(profile);
    return profile;
}

void SubjectProfileQuery::loadNames(SubjectProfile &profile) const
{
    const identifiers::IdentifierParser parser { identifiers::IdentifierContext {} };
    // Values are grouped with every source that gave them.
    QMap<QString, qsizetype> nameIndex, identifierIndex, attributeIndex;
    db::Statement select = m_db.prepare(
            "SELECT a.kind, a.value, coalesce(a.display, a.value), coalesce(a.validity, ''), coalesce(a.problem, ''), "
            "coalesce(src.file_name, '') FROM subject_attributes a LEFT JOIN sources src ON src.id = a.source_id "
            "WHERE a.subject_id IN (SELECT id FROM profile_members) ORDER BY a.id");
    while (select.step()) {
        const QString kind = select.qtext(0);
        const QString value = select.qtext(1);
        const QString source = select.qtext(5);
        const auto addSource = [&](QStringList &sources) {
            if (!source.isEmpty() && !sources.contains(source))
                sources << source;
        };
        if (kind == u"name" || kind == u"alias") {
            auto found = nameIndex.find(value);
            if (found == nameIndex.end()) {
                found = nameIndex.insert(value, profile.names.size());
                profile.names.append({ value, kind, {} });
            }
            addSource(profile.names[*found].sources);
        } else if (!select.qtext(3).isEmpty()) {
            const QString key = kind + u'|' + select.qtext(2);
            auto found = identifierIndex.find(key);
            if (found == identifierIndex.end()) {
                found = identifierIndex.insert(key, profile.identifiers.size());
                SubjectProfile::Identifier identifier { kind, select.qtext(2), select.qtext(3), select.qtext(4), {}, {} };
                if (kind == u"tax_id")
                    identifier.details = identifierDetails(parser.parse(identifiers::IdentifierKind::TaxId, value));
                profile.identifiers.append(identifier);
            }
            addSource(profile.identifiers[*found].sources);
        } else if (kind != u"account") {
            const QString key = kind + u'|' + value;
            auto found = attributeIndex.find(key);
            if (found == attributeIndex.end()) {
                found = attributeIndex.insert(key, profile.attributes.size());
                profile.attributes.append({ kind, value, {} });
            }
            addSource(profile.attributes[*found].sources);
        }
    }
}

void SubjectProfileQuery::loadAccounts(SubjectProfile &profile) const
{
    const identifiers::IdentifierParser parser { identifiers::IdentifierContext {} };
    const AccountLabel label(parser);
    db::Statement select = m_db.prepare(
            "SELECT a.id, a.identifier, coalesce(a.institution, ''), coalesce(a.currency, ''), "
            "coalesce(a.holder_name, ''), coalesce(src.file_name, ''), "
            "(SELECT count(*) FROM transactions t WHERE t.account_id = a.id) "
            "+ (SELECT count(*) FROM transactions t WHERE t.counterparty_account_id = a.id) "
            "FROM accounts a LEFT JOIN sources src ON src.id = a.first_source_id "
            "WHERE a.subject_id IN (SELECT id FROM profile_members) ORDER BY a.id");
    while (select.step()) {
        const QString identifier = select.qtext(1);
        const AccountLabel::Description described = label.describe(identifier);
        profile.accounts.append({ select.int64(0), described.display, described.kind, described.validity,
                                  described.problem, select.qtext(2),
                                  select.qtext(3), select.qtext(4), select.qtext(5), select.int64(6) });
    }
}

void SubjectProfileQuery::collectRows() const
{
    // One row per transaction as this subject saw it: incoming or not, and who was on the other side.
    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS profile_accounts(id INTEGER PRIMARY KEY, own INTEGER)");
    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS profile_rows(tx INTEGER, incoming INTEGER, amount INTEGER, "
              "currency TEXT, booked_at INTEGER, channel TEXT, country TEXT, other_account INTEGER, other_name INTEGER)");
    m_db.exec("DELETE FROM profile_accounts");
    m_db.exec("DELETE FROM profile_rows");
    m_db.exec("INSERT INTO profile_accounts(id, own) SELECT a.id, "
              "EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = a.id) FROM accounts a "
              "WHERE a.subject_id IN (SELECT id FROM profile_members)");
    m_db.exec("INSERT INTO profile_rows SELECT t.id, t.direction = 'C', t.amount_minor, t.currency, t.booked_at, "
              "t.channel, coalesce(t.counterparty_country, t.country), t.counterparty_account_id, t.counterparty_name_id "
              "FROM profile_accounts p JOIN transactions t ON t.account_id = p.id WHERE p.own = 1");
    m_db.exec("INSERT INTO profile_rows SELECT t.id, t.direction = 'D', t.amount_minor, t.currency, t.booked_at, "
              "t.channel, coalesce(t.counterparty_country, t.country), t.account_id, NULL "
              "FROM profile_accounts p JOIN transactions t ON t.counterparty_account_id = p.id WHERE p.own = 0");
    m_db.exec("INSERT INTO profile_rows SELECT t.id, p.role = 'to', t.amount_minor, t.currency, t.booked_at, t.channel, "
              "coalesce(t.counterparty_country, t.country), "
              "CASE WHEN t.account_id IN (SELECT id FROM profile_accounts) THEN t.counterparty_account_id "
              "ELSE t.account_id END, "
              "CASE WHEN t.account_id IS NULL THEN t.counterparty_name_id END "
              "FROM transaction_parties p JOIN transactions t ON t.id = p.transaction_id "
              "WHERE p.subject_id IN (SELECT id FROM profile_members) "
              "AND NOT EXISTS (SELECT 1 FROM profile_accounts a WHERE a.id IN (t.account_id, t.counterparty_account_id)) "
              "AND NOT EXISTS (SELECT 1 FROM profile_rows r WHERE r.tx = t.id)");
}

void SubjectProfileQuery::loadFlows(SubjectProfile &profile, int top) const
{
    db::Statement totals = m_db.prepare(
            "SELECT currency, coalesce(sum(CASE WHEN incoming THEN amount END), 0), "
            "coalesce(sum(CASE WHEN NOT incoming THEN amount END), 0), sum(incoming), sum(NOT incoming), "
            "min(booked_at), max(booked_at) FROM profile_rows GROUP BY currency ORDER BY count(*) DESC");
    while (totals.step()) {
        profile.totals.append({ totals.qtext(0), totals.int64(1), totals.int64(2), totals.int64(3), totals.int64(4) });
        profile.firstAt = profile.firstAt == 0 ? totals.int64(5) : std::min(profile.firstAt, totals.int64(5));
        profile.lastAt = std::max(profile.lastAt, totals.int64(6));
    }
    // Months in the case's time zone would need a per-row conversion; UTC months differ from
    // Almaty's only in the first hours of a month.
    db::Statement monthly = m_db.prepare(
            "SELECT strftime('%Y-%m', booked_at, 'unixepoch'), currency, "
            "coalesce(sum(CASE WHEN incoming THEN amount END), 0), coalesce(sum(CASE WHEN NOT incoming THEN amount END), 0) "
            "FROM profile_rows GROUP BY 1, 2 ORDER BY 1, 2");
    while (monthly.step())
        profile.monthly.append({ monthly.qtext(0), monthly.qtext(1), monthly.int64(2), monthly.int64(3) });

    const char *counterpartySql =
            "SELECT coalesce(r2.display_name, a.holder_name, a.identifier, n.body, '(unknown)'), coalesce(r2.id, 0), "
            "p.currency, coalesce(sum(CASE WHEN p.incoming THEN p.amount END), 0), "
            "coalesce(sum(CASE WHEN NOT p.incoming THEN p.amount END), 0), count(*) AS n, sum(p.amount) AS total "
            "FROM profile_rows p LEFT JOIN accounts a ON a.id = p.other_account "
            "LEFT JOIN subjects s2 ON s2.id = a.subject_id LEFT JOIN subjects r2 ON r2.id = coalesce(s2.merged_into, s2.id) "
            "LEFT JOIN texts n ON n.id = p.other_name "
            "WHERE p.other_account IS NOT NULL OR p.other_name IS NOT NULL "
            "GROUP BY coalesce('s' || r2.id, 'a' || a.id, 'n' || n.body), p.currency ";
    for (const auto &[order, target] : { std::pair { "ORDER BY total DESC LIMIT ?1", &profile.topByAmount },
                                         std::pair { "ORDER BY n DESC, total DESC LIMIT ?1", &profile.topByCount } }) {
        db::Statement select = m_db.prepare(std::string(counterpartySql) + order);
        select.bind(1, top);
        while (select.step()) {
            target->append({ select.qtext(0), select.int64(1), select.qtext(2), select.int64(3), select.int64(4),
                             select.int64(5) });
        }
    }
    loadChannels(profile);
    db::Statement countries = m_db.prepare("SELECT coalesce(country, '(not given)'), currency, sum(amount), count(*) "
                                           "FROM profile_rows GROUP BY 1, 2 ORDER BY sum(amount) DESC");
    while (countries.step())
        profile.countries.append({ countries.qtext(0), countries.qtext(1), countries.int64(2), countries.int64(3) });
}

// Each format writes channels its own way (NTRF, "Платежное поручение", goAML mode codes), so the
// rows are folded into the channels detection and the charts use, the codes as given in brackets.
void SubjectProfileQuery::loadChannels(SubjectProfile &profile) const
{
    struct Folded {
        QStringList given;
        std::int64_t minor = 0;
        std::int64_t count = 0;
    };
    QMap<std::pair<QString, QString>, Folded> folded; // (channel, currency)
    db::Statement select = m_db.prepare("SELECT coalesce(channel, ''), currency, sum(amount), count(*) "
                                        "FROM profile_rows GROUP BY 1, 2");
    while (select.step()) {
        const QString given = select.qtext(0).trimmed();
        const QString channel = given.isEmpty() ? QStringLiteral("(not given)")
                                                : QString::fromLatin1(detect::channelName(detect::channelFromText(given)));
        Folded &entry = folded[{ channel, select.qtext(1) }];
        if (!given.isEmpty() && given.compare(channel, Qt::CaseInsensitive) != 0 && !entry.given.contains(given))
            entry.given << given;
        entry.minor += select.int64(2);
        entry.count += select.int64(3);
    }
    for (auto it = folded.cbegin(); it != folded.cend(); ++it) {
        QString label = it.key().first;
        if (!it->given.isEmpty())
            label += QStringLiteral(" (%1)").arg(it->given.join(QStringLiteral(", ")));
        profile.channels.append({ label, it.key().second, it->minor, it->count });
    }
    std::sort(profile.channels.begin(), profile.channels.end(),
              [](const SubjectProfile::Breakdown &a, const SubjectProfile::Breakdown &b) { return a.minor > b.minor; });
}

void SubjectProfileQuery::loadHits(SubjectProfile &profile) const
{
    db::Statement select = m_db.prepare(
            "SELECT h.id, h.entry_id, l.name, e.primary_name, coalesce(e.reference, e.external_id, ''), "
            "coalesce(e.programs, ''), h.subject_name, h.matched_name, coalesce(h.matched_kind, ''), h.score, "
            "h.explanation, h.state, coalesce(h.reason, '') FROM screening_hits h "
            "JOIN sanction_entries e ON e.id = h.entry_id JOIN sanction_lists l ON l.id = e.list_id "
            "WHERE h.subject_id IN (SELECT id FROM profile_members) ORDER BY h.score DESC");
    while (select.step()) {
        profile.hits.append({ select.int64(0), select.int64(1), select.qtext(2), select.qtext(3), select.qtext(4),
                              select.qtext(5), select.qtext(6), select.qtext(7), select.qtext(8), int(select.int64(9)),
                              select.qtext(10), select.qtext(11), select.qtext(12) });
    }
}

void SubjectProfileQuery::loadNotes(SubjectProfile &profile) const
{
    db::Statement select = m_db.prepare(
            "SELECT id, body, coalesce(tags, ''), coalesce(severity, ''), created_at, created_by FROM annotations "
            "WHERE object_type = 'subject' AND object_id IN (SELECT id FROM profile_members) ORDER BY id");
    while (select.step()) {
        profile.annotations.append({ select.int64(0), select.qtext(1), select.qtext(2), select.qtext(3), select.qtext(4),
                                     select.qtext(5) });
    }
}

void SubjectProfileQuery::loadAlerts(SubjectProfile &profile) const
{
    db::Statement select = m_db.prepare(
            "SELECT DISTINCT a.id, a.typology, a.score, a.state, a.title FROM alert_subjects x "
            "JOIN alerts a ON a.id = x.alert_id WHERE x.subject_id IN (SELECT id FROM profile_members) AND a.active = 1 ORDER BY a.score DESC, a.id");
    while (select.step())
        profile.alerts.append({ select.int64(0), select.qtext(1), int(select.int64(2)), select.qtext(3), select.qtext(4) });
    const detect::SubjectRisk risk = detect::SubjectRiskQuery(m_db).forSubject(profile.id);
    profile.risk = risk.score;
    profile.riskExplanation = risk.explanation;
}

void SubjectProfileQuery::loadCandidates(SubjectProfile &profile) const
{
    db::Statement select = m_db.prepare(
            "SELECT c.id, r.id, r.display_name, c.score, c.explanation FROM resolution_candidates c "
            "JOIN subjects o ON o.id = CASE WHEN c.subject_a IN (SELECT id FROM profile_members) "
            "THEN c.subject_b ELSE c.subject_a END "
            "JOIN subjects r ON r.id = coalesce(o.merged_into, o.id) "
            "WHERE c.state = 'open' AND (c.subject_a IN (SELECT id FROM profile_members) "
            "OR c.subject_b IN (SELECT id FROM profile_members)) AND r.id != ?1 "
            "ORDER BY c.score DESC");
    select.bind(1, profile.id);
    while (select.step())
        profile.candidates.append({ select.int64(0), select.int64(1), select.qtext(2), int(select.int64(3)), select.qtext(4) });
}

} // namespace fundtrace::entities
