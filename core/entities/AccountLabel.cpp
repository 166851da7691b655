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

QString AccountLabel::display(const QString &identifier) const
{
    const auto id = parsed(m_parser, identifier);
    if (id && id->kind == identifiers::IdentifierKind::Card)
        return id->display;
    return identifier;
}

QString AccountLabel::kind(const QString &identifier) const
{
    const auto id = parsed(m_parser, identifier);
    if (!id || id->kind == identifiers::IdentifierKind::TaxId)
        return QStringLiteral("account");
    return identifiers::kindName(id->kind);
}

QString AccountLabel::validity(const QString &identifier) const
{
    const auto id = parsed(m_parser, identifier);
    return id && id->kind != identifiers::IdentifierKind::TaxId ? validityName(id->validity) : QStringLiteral("unchecked");
}

QString AccountLabel::problem(const QString &identifier) const
{
    const auto id = parsed(m_parser, identifier);
    return id && id->kind != identifiers::IdentifierKind::TaxId ? id->problem : QString();
}

} // namespace fundtrace::entities
