#include "entities/SubjectEvidence.h"

#include <unordered_map>

namespace fundtrace::entities {

SubjectEvidenceLoader::SubjectEvidenceLoader(const db::Database &db, const names::NameNormalizer &normalizer)
    : m_db(db)
    , m_normalizer(normalizer)
{
}

QVector<SubjectEvidence> SubjectEvidenceLoader::load() const
{
    QVector<SubjectEvidence> subjects;
    std::unordered_map<std::int64_t, qsizetype> indexById;
    db::Statement select = m_db.prepare(
            "SELECT id, coalesce(merged_into, id), kind, display_name FROM subjects ORDER BY id");
    while (select.step()) {
        SubjectEvidence evidence;
        evidence.id = select.int64(0);
        evidence.root = select.int64(1);
        evidence.kind = select.qtext(2);
        evidence.displayName = select.qtext(3);
        indexById.emplace(evidence.id, subjects.size());
        subjects.append(std::move(evidence));
    }
    db::Statement attributes = m_db.prepare(
            "SELECT id, subject_id, kind, value, normalized, validity FROM subject_attributes "
            "WHERE kind IN ('name', 'alias', 'birth_date', 'tax_id', 'passport', 'id_document', 'phone', "
            "'email', 'card', 'iban', 'crypto_wallet', 'account')");
    while (attributes.step()) {
        const auto found = indexById.find(attributes.int64(1));
        if (found == indexById.end())
            continue;
        SubjectEvidence &evidence = subjects[found->second];
        evidence.maxAttributeId = std::max(evidence.maxAttributeId, attributes.int64(0));
        const QString kind = attributes.qtext(2);
        const QString value = attributes.qtext(3);
        if (kind == u"name" || kind == u"alias") {
            if (!evidence.rawNames.contains(value)) {
                evidence.rawNames.append(value);
                evidence.names.append(m_normalizer.normalize(value));
            }
        } else if (kind == u"birth_date") {
            evidence.birthDates.insert(value.left(10));
        } else if (kind == u"account") {
            evidence.identifiers[kind].insert(attributes.qtext(4));
        } else if (attributes.qtext(5) == u"valid" && !attributes.isNull(4)) {
            evidence.identifiers[kind == u"id_document" ? QStringLiteral("national_id") : kind].insert(attributes.qtext(4));
        }
    }
    // Account numbers are identifiers too: two rows holding the same account are one holder.
    db::Statement accounts = m_db.prepare("SELECT subject_id, normalized FROM accounts WHERE subject_id IS NOT NULL");
    while (accounts.step()) {
        const auto found = indexById.find(accounts.int64(0));
        if (found != indexById.end())
            subjects[found->second].identifiers[QStringLiteral("account")].insert(accounts.qtext(1));
    }
    return subjects;
}

} // namespace fundtrace::entities
