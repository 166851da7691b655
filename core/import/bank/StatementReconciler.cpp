#include "import/bank/StatementReconciler.h"

#include "model/AccountIdentifier.h"
#include "model/Currency.h"
#include "util/Logging.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <map>

namespace fundtrace::import {

struct StatementReconciler::Recorded {
    std::int64_t statementId = 0;
    QString label;
    std::string normalizedAccount;
    std::string currency;
    QDate start;
    QDate end;
    std::optional<std::int64_t> opening;
    std::optional<std::int64_t> closing;
    std::size_t order = 0;           // position in the file
};

namespace {

QString money(std::int64_t minor, const std::string &currency, bool withCode = false)
{
    return model::formatAmount(minor, currency, model::AmountStyle::Cis, withCode);
}

QDate isoDate(const std::string &text)
{
    return QDate::fromString(QString::fromStdString(text), Qt::ISODate);
}

QString period(const QDate &start, const QDate &end)
{
    if (start.isValid() && end.isValid()) {
        if (start.year() == end.year())
            return start.toString(u"dd.MM") + u'\x2013' + end.toString(u"dd.MM.yyyy");
        return start.toString(u"dd.MM.yyyy") + u'\x2013' + end.toString(u"dd.MM.yyyy");
    }
    if (start.isValid())
        return QStringLiteral("from ") + start.toString(u"dd.MM.yyyy");
    if (end.isValid())
        return QStringLiteral("to ") + end.toString(u"dd.MM.yyyy");
    return QStringLiteral("(no period)");
}

} // namespace

StatementReconciler::StatementReconciler(ImportContext &context)
    : m_context(context)
{
}

std::int64_t StatementReconciler::accountId(const std::string &account)
{
    const std::string normalized = model::normalizeAccountIdentifier(account);
    if (normalized.empty())
        return 0;
    db::Statement find = m_context.db.prepare("SELECT id FROM accounts WHERE normalized = ?1");
    find.bind(1, normalized);
    return find.step() ? find.int64(0) : 0;
}

void StatementReconciler::addFinding(const char *kind, const QString &message, const QJsonObject &details)
{
    db::Statement insert = m_context.db.prepare(
            "INSERT INTO data_quality_findings(source_id, kind, severity, message, details) "
            "VALUES (?1, ?2, 'warning', ?3, ?4)");
    insert.bind(1, m_context.sourceId)
            .bind(2, kind)
            .bind(3, message)
            .bind(4, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)))
            .run();
    log::get("import")->debug("finding {}: {}", kind, message.toStdString());
}

void StatementReconciler::checkBalance(const StatementSummary &s, std::int64_t statementId, const QString &label)
{
    if (!s.openingMinor || !s.closingMinor)
        return;
    const std::int64_t expected = *s.openingMinor + s.creditsMinor - s.debitsMinor;
    if (expected == *s.closingMinor)
        return;
    ++m_mismatches;
    const std::int64_t difference = *s.closingMinor - expected;
    const QString message = QStringLiteral("%1: opening %2 + credits %3 \u2212 debits %4 = %5, but the closing "
                                           "balance says %6 (difference %7)")
                                    .arg(label, money(*s.openingMinor, s.currency), money(s.creditsMinor, s.currency),
                                         money(s.debitsMinor, s.currency), money(expected, s.currency),
                                         money(*s.closingMinor, s.currency),
                                         money(difference < 0 ? -difference : difference, s.currency, true));
    addFinding("balance_mismatch", message,
               { { QStringLiteral("statement_id"), qint64(statementId) },
                 { QStringLiteral("currency"), QString::fromStdString(s.currency) },
                 { QStringLiteral("opening_minor"), qint64(*s.openingMinor) },
                 { QStringLiteral("credits_minor"), qint64(s.creditsMinor) },
                 { QStringLiteral("debits_minor"), qint64(s.debitsMinor) },
                 { QStringLiteral("expected_closing_minor"), qint64(expected) },
                 { QStringLiteral("closing_minor"), qint64(*s.closingMinor) },
                 { QStringLiteral("difference_minor"), qint64(difference) },
                 { QStringLiteral("rows"), qint64(s.rowCount) } });
}

void StatementReconciler::checkContinuity(const Recorded &previous, const Recorded &next)
{
    const QJsonObject ids { { QStringLiteral("previous_statement_id"), qint64(previous.statementId) },
                            { QStringLiteral("next_statement_id"), qint64(next.statementId) } };
    // A statement dated the day the previous one closed (MT940 dates balances, not periods) or
    // the day after leaves no gap.
    if (previous.end.isValid() && next.start.isValid() && next.start > previous.end.addDays(1)) {
        ++m_gaps;
        QJsonObject details = ids;
        details.insert(QStringLiteral("missing_from"), previous.end.addDays(1).toString(Qt::ISODate));
        details.insert(QStringLiteral("missing_to"), next.start.addDays(-1).toString(Qt::ISODate));
        addFinding("statement_gap",
                   QStringLiteral("%1 ends on %2 but the next statement, %3, starts on %4: no statement covers "
                                  "%5 (%6 days)")
                           .arg(previous.label, previous.end.toString(u"dd.MM.yyyy"), next.label,
                                next.start.toString(u"dd.MM.yyyy"),
                                period(previous.end.addDays(1), next.start.addDays(-1)))
                           .arg(previous.end.daysTo(next.start) - 1),
                   details);
    }
    if (previous.closing && next.opening && *previous.closing != *next.opening) {
        ++m_gaps;
        const std::int64_t difference = *next.opening - *previous.closing;
        QJsonObject details = ids;
        details.insert(QStringLiteral("currency"), QString::fromStdString(next.currency));
        details.insert(QStringLiteral("previous_closing_minor"), qint64(*previous.closing));
        details.insert(QStringLiteral("next_opening_minor"), qint64(*next.opening));
        details.insert(QStringLiteral("difference_minor"), qint64(difference));
        addFinding("statement_gap",
                   QStringLiteral("%1 closes at %2 but the next statement, %3, opens at %4 (difference %5): "
                                  "movements between them are missing")
                           .arg(previous.label, money(*previous.closing, previous.currency), next.label,
                                money(*next.opening, next.currency),
                                money(difference < 0 ? -difference : difference, next.currency, true)),
                   details);
    }
}

int StatementReconciler::record(const std::vector<StatementSummary> &statements)
{
    db::Statement insert = m_context.db.prepare(
            "INSERT INTO statements(source_id, account_id, reference, period_start, period_end, currency, "
            "opening_minor, closing_minor, credits_minor, debits_minor, row_count) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    std::vector<Recorded> recorded;
    recorded.reserve(statements.size());
    std::map<std::string, std::int64_t> accountIds;
    for (const StatementSummary &s : statements) {
        Recorded r;
        r.normalizedAccount = model::normalizeAccountIdentifier(s.account);
        auto found = accountIds.find(r.normalizedAccount);
        if (found == accountIds.end())
            found = accountIds.emplace(r.normalizedAccount, accountId(s.account)).first;
        const std::int64_t account = found->second;
        insert.reset();
        insert.bind(1, m_context.sourceId);
        if (account)
            insert.bind(2, account);
        else
            insert.bindNull(2);
        const auto textOrNull = [&insert](int index, const std::string &text) {
            if (text.empty())
                insert.bindNull(index);
            else
                insert.bind(index, text);
        };
        textOrNull(3, s.reference);
        textOrNull(4, s.periodStart);
        textOrNull(5, s.periodEnd);
        textOrNull(6, s.currency);
        insert.bind(7, s.openingMinor).bind(8, s.closingMinor).bind(9, s.creditsMinor).bind(10, s.debitsMinor)
                .bind(11, s.rowCount);
        insert.run();
        r.statementId = m_context.db.lastInsertRowId();
        r.currency = s.currency;
        r.start = isoDate(s.periodStart);
        r.end = isoDate(s.periodEnd);
        r.opening = s.openingMinor;
        r.closing = s.closingMinor;
        r.order = recorded.size();
        r.label = QStringLiteral("Statement %1 of %2 %3")
                          .arg(s.reference.empty() ? QStringLiteral("#%1").arg(r.order + 1)
                                                   : QString::fromStdString(s.reference),
                               s.account.empty() ? QStringLiteral("(no account)") : QString::fromStdString(s.account),
                               period(r.start, r.end));
        checkBalance(s, r.statementId, r.label);
        recorded.push_back(std::move(r));
    }

    // Continuity: this file's statements of one account in date order, bracketed by the nearest
    // earlier and later statements of that account already in the case.
    std::vector<const Recorded *> ordered;
    for (const Recorded &r : recorded)
        if (!r.normalizedAccount.empty())
            ordered.push_back(&r);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Recorded *a, const Recorded *b) {
        if (a->normalizedAccount != b->normalizedAccount)
            return a->normalizedAccount < b->normalizedAccount;
        if (a->currency != b->currency)
            return a->currency < b->currency;
        if (a->start.isValid() && b->start.isValid() && a->start != b->start)
            return a->start < b->start;
        return a->order < b->order;
    });
    db::Statement earlier = m_context.db.prepare(
            "SELECT id, reference, period_start, period_end, opening_minor, closing_minor FROM statements "
            "WHERE account_id = ?1 AND source_id <> ?2 AND currency IS ?3 AND period_end <= ?4 "
            "ORDER BY period_end DESC, id DESC LIMIT 1");
    db::Statement later = m_context.db.prepare(
            "SELECT id, reference, period_start, period_end, opening_minor, closing_minor FROM statements "
            "WHERE account_id = ?1 AND source_id <> ?2 AND currency IS ?3 AND period_start >= ?4 "
            "ORDER BY period_start, id LIMIT 1");
    const auto fromRow = [](db::Statement &row, const Recorded &like, const QString &which) {
        Recorded r;
        r.statementId = row.int64(0);
        r.currency = like.currency;
        r.normalizedAccount = like.normalizedAccount;
        r.start = isoDate(row.isNull(2) ? std::string() : row.text(2));
        r.end = isoDate(row.isNull(3) ? std::string() : row.text(3));
        r.opening = row.optionalInt64(4);
        r.closing = row.optionalInt64(5);
        r.label = QStringLiteral("%1 %2 %3")
                          .arg(which, row.isNull(1) ? QStringLiteral("#%1").arg(r.statementId) : row.qtext(1),
                               period(r.start, r.end));
        return r;
    };
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const Recorded &current = *ordered[i];
        const bool firstOfAccount = i == 0 || ordered[i - 1]->normalizedAccount != current.normalizedAccount
                || ordered[i - 1]->currency != current.currency;
        const bool lastOfAccount = i + 1 == ordered.size() || ordered[i + 1]->normalizedAccount != current.normalizedAccount
                || ordered[i + 1]->currency != current.currency;
        const std::int64_t account = accountIds[current.normalizedAccount];
        const auto bindLookup = [&](db::Statement &query, const QDate &date) {
            query.reset();
            query.bind(1, account).bind(2, m_context.sourceId);
            if (current.currency.empty())
                query.bindNull(3);
            else
                query.bind(3, current.currency);
            query.bind(4, date.toString(Qt::ISODate));
        };
        if (firstOfAccount && account && current.start.isValid()) {
            bindLookup(earlier, current.start);
            if (earlier.step())
                checkContinuity(fromRow(earlier, current, QStringLiteral("Earlier statement")), current);
        }
        if (!firstOfAccount)
            checkContinuity(*ordered[i - 1], current);
        if (lastOfAccount && account && current.end.isValid()) {
            bindLookup(later, current.end);
            if (later.step())
                checkContinuity(current, fromRow(later, current, QStringLiteral("the later statement")));
        }
    }

    const int findings = m_mismatches + m_gaps;
    m_context.addNote(QStringLiteral("Statement checks: %1 statement(s), %2 balance mismatch(es), %3 gap(s)%4")
                              .arg(statements.size())
                              .arg(m_mismatches)
                              .arg(m_gaps)
                              .arg(findings ? QStringLiteral(" (see data-quality findings)") : QString()));
    if (findings)
        log::get("import")->warn("source #{}: {} statement finding(s): {} balance mismatch(es), {} gap(s)",
                                 m_context.sourceId, findings, m_mismatches, m_gaps);
    return findings;
}

} // namespace fundtrace::import
