#include "entities/SubjectSearchIndex.h"

#include "names/NameNormalizer.h"

#include <QSet>

namespace fundtrace::entities {
namespace {

QString quoted(const QString &term)
{
    QString escaped = term;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

// Letters and digits only, so identifiers match however they were punctuated.
QString compact(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace

SubjectSearchIndex::SubjectSearchIndex(db::Database &db, const names::NameNormalizer &normalizer)
    : m_db(db)
    , m_normalizer(normalizer)
{
}

void SubjectSearchIndex::indexNew(std::int64_t afterAttributeId, std::int64_t afterAccountId)
{
    db::Statement insert = m_db.prepare("INSERT INTO subject_search(subject_id, body) VALUES (?1, ?2)");
    db::Statement attributes = m_db.prepare(
            "SELECT subject_id, kind, value, coalesce(normalized, ''), coalesce(display, '') FROM subject_attributes "
            "WHERE id > ?1 AND kind IN ('name', 'alias', 'tax_id', 'passport', 'id_document', 'phone', 'email', "
            "'card', 'iban', 'crypto_wallet', 'account')");
    attributes.bind(1, afterAttributeId);
    while (attributes.step()) {
        const QString kind = attributes.qtext(1);
        const QString value = attributes.qtext(2);
        QString body;
        if (kind == u"name" || kind == u"alias") {
            const names::NormalizedName name = m_normalizer.normalize(value);
            body = QStringList { value, name.latin, name.keys.join(u' ') }.join(u' ');
        } else if (kind == u"card") {
            body = attributes.qtext(4); // masked; the keyed hash is no use to a reader
        } else {
            body = QStringList { value, compact(value), compact(attributes.qtext(3)) }.join(u' ');
        }
        insert.bind(1, attributes.int64(0)).bind(2, body).run();
    }
    db::Statement accounts = m_db.prepare(
            "SELECT subject_id, identifier, normalized FROM accounts WHERE id > ?1 AND subject_id IS NOT NULL");
    accounts.bind(1, afterAccountId);
    while (accounts.step()) {
        insert.bind(1, accounts.int64(0))
                .bind(2, QStringLiteral("%1 %2").arg(accounts.qtext(1), accounts.qtext(2).toLower()))
                .run();
    }
}

QString SubjectSearchIndex::matchExpression(const QString &query) const
{
    const names::NormalizedName name = m_normalizer.normalize(query);
    QStringList clauses;
    for (qsizetype i = 0; i < name.tokens.size(); ++i) {
        QSet<QString> alternatives { name.tokens[i] };
        if (i < name.keys.size() && !name.keys[i].isEmpty())
            alternatives.insert(name.keys[i]);
        QStringList terms;
        for (const QString &term : alternatives)
            terms << quoted(term) + u'*';
        clauses << (terms.size() == 1 ? terms.front() : u'(' + terms.join(QStringLiteral(" OR ")) + u')');
    }
    // An identifier typed with separators ("+7 701 123-45-67", "KZ86 125K ...") also matches its
    // compact form.
    const QString compactQuery = compact(query);
    if (compactQuery.size() >= 5 && std::any_of(compactQuery.begin(), compactQuery.end(), [](QChar c) { return c.isDigit(); })) {
        const QString identifier = quoted(compactQuery) + u'*';
        return clauses.isEmpty() ? identifier : u'(' + clauses.join(QStringLiteral(" AND ")) + QStringLiteral(") OR ") + identifier;
    }
    return clauses.join(QStringLiteral(" AND "));
}

QVector<std::int64_t> SubjectSearchIndex::search(const QString &query, int limit) const
{
    const QString expression = matchExpression(query);
    if (expression.isEmpty())
        return {};
    db::Statement select = m_db.prepare(
            "SELECT coalesce(s.merged_into, s.id) AS root, min(f.rank) FROM subject_search f "
            "JOIN subjects s ON s.id = f.subject_id WHERE subject_search MATCH ?1 "
            "GROUP BY root ORDER BY min(f.rank) LIMIT ?2");
    select.bind(1, expression).bind(2, limit);
    QVector<std::int64_t> roots;
    while (select.step())
        roots.append(select.int64(0));
    return roots;
}

} // namespace fundtrace::entities
