#include "entities/AttributeChecker.h"

#include "identifiers/IdentifierParser.h"

#include <optional>

namespace fundtrace::entities {
namespace {

// Attribute kinds as sources write them (goAML "id_document", "registration_number") mapped to
// the identifier they hold.
std::optional<identifiers::IdentifierKind> identifierKindOf(const QString &attributeKind)
{
    using identifiers::IdentifierKind;
    if (attributeKind == u"id_document")
        return IdentifierKind::NationalId;
    if (attributeKind == u"account")
        return std::nullopt; // matched by normalised account number, like accounts.normalized
    return identifiers::kindFromName(attributeKind);
}

QString validityName(identifiers::Validity validity)
{
    switch (validity) {
    case identifiers::Validity::Valid:
        return QStringLiteral("valid");
    case identifiers::Validity::Invalid:
        return QStringLiteral("invalid");
    case identifiers::Validity::Unchecked:
        break;
    }
    return QStringLiteral("unchecked");
}

// goAML writes documents as "Passport: N12345678 (KZ)"; the number is what is compared.
QString numberPart(const QString &value)
{
    QString text = value;
    const qsizetype colon = text.indexOf(u':');
    if (colon >= 0)
        text = text.mid(colon + 1);
    const qsizetype bracket = text.indexOf(u'(');
    if (bracket >= 0)
        text = text.left(bracket);
    return text.trimmed();
}

} // namespace

AttributeChecker::AttributeChecker(db::Database &db, const identifiers::IdentifierParser &parser)
    : m_db(db)
    , m_parser(parser)
{
}

int AttributeChecker::run()
{
    db::Statement select = m_db.prepare(
            "SELECT id, kind, value FROM subject_attributes WHERE validity IS NULL "
            "AND kind IN ('tax_id', 'passport', 'id_document', 'national_id', 'phone', 'email', 'card', "
            "'iban', 'crypto_wallet')");
    struct Pending {
        std::int64_t id;
        QString kind, value;
    };
    std::vector<Pending> pending;
    while (select.step())
        pending.push_back({ select.int64(0), select.qtext(1), select.qtext(2) });

    db::Statement update = m_db.prepare(
            "UPDATE subject_attributes SET normalized = ?2, validity = ?3, problem = ?4, display = ?5 WHERE id = ?1");
    db::Statement maskCard = m_db.prepare("UPDATE subject_attributes SET value = ?2 WHERE id = ?1");
    for (const Pending &attribute : pending) {
        const std::optional<identifiers::IdentifierKind> kind = identifierKindOf(attribute.kind);
        if (!kind)
            continue;
        const bool document = *kind == identifiers::IdentifierKind::Passport
                || *kind == identifiers::IdentifierKind::NationalId;
        const identifiers::Identifier id = m_parser.parse(*kind, document ? numberPart(attribute.value) : attribute.value);
        update.bind(1, attribute.id).bind(2, id.normalized).bind(3, validityName(id.validity));
        if (id.problem.isEmpty())
            update.bindNull(4);
        else
            update.bind(4, id.problem);
        update.bind(5, id.display.isEmpty() ? attribute.value : id.display);
        update.run();
        // A full card number is never kept: the masked form and the keyed hash are enough to
        // show it and to match it.
        if (*kind == identifiers::IdentifierKind::Card && !id.display.isEmpty())
            maskCard.bind(1, attribute.id).bind(2, id.display).run();
    }
    return int(pending.size());
}

} // namespace fundtrace::entities
