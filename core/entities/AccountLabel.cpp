#include "entities/AccountLabel.h"

#include "identifiers/IdentifierParser.h"

namespace fundtrace::entities {
namespace {

std::optional<identifiers::Identifier> parsed(const identifiers::IdentifierParser &parser, const QString &identifier)
{
    const std::optional<identifiers::IdentifierKind> kind = parser.guess(identifier);
    if (!kind)
        return std::nullopt;
    return parser.parse(*kind, identifier);
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

} // namespace

AccountLabel::AccountLabel(const identifiers::IdentifierParser &parser)
    : m_parser(parser)
{
}

AccountLabel::Description AccountLabel::describe(const QString &identifier) const
{
    Description description { identifier, QStringLiteral("account"), QStringLiteral("unchecked"), {} };
    const auto id = parsed(m_parser, identifier);
    // A 12-digit account number looks like an IIN; as an account it is a domestic number.
    if (!id || id->kind == identifiers::IdentifierKind::TaxId)
        return description;
    if (id->kind == identifiers::IdentifierKind::Card)
        description.display = id->display;
    description.kind = identifiers::kindName(id->kind);
    description.validity = validityName(id->validity);
    description.problem = id->problem;
    return description;
}

} // namespace fundtrace::entities
