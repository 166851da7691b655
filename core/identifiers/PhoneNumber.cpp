#include "identifiers/PhoneNumber.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <string>
#include <utility>

namespace fundtrace::identifiers {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

QString parseProblem(PhoneNumberUtil::ErrorType error)
{
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return QStringLiteral("phone number has no valid country code");
    case PhoneNumberUtil::NOT_A_NUMBER:
        return QStringLiteral("not a phone number");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return QStringLiteral("phone number is too short");
    case PhoneNumberUtil::TOO_LONG_NSN:
        return QStringLiteral("phone number is too long");
    default:
        return QStringLiteral("phone number cannot be read");
    }
}

QString possibilityProblem(PhoneNumberUtil::ValidationResult result)
{
    switch (result) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return QStringLiteral("phone number has no valid country code");
    case PhoneNumberUtil::TOO_SHORT:
        return QStringLiteral("phone number is too short");
    case PhoneNumberUtil::TOO_LONG:
        return QStringLiteral("phone number is too long");
    case PhoneNumberUtil::INVALID_LENGTH:
        return QStringLiteral("phone number has a wrong number of digits");
    default:
        return QStringLiteral("phone number is not in use in any numbering plan");
    }
}

} // namespace

PhoneNumber::PhoneNumber(QString defaultRegion) : m_defaultRegion(std::move(defaultRegion)) { }

Identifier PhoneNumber::parse(QStringView given) const
{
    Identifier id;
    id.kind = IdentifierKind::Phone;
    id.given = given.toString();
    id.normalized = given.trimmed().toString();
    id.display = id.normalized;
    id.validity = Validity::Invalid;

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const PhoneNumberUtil::ErrorType error
        = util->Parse(id.normalized.toStdString(), m_defaultRegion.toStdString(), &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        id.problem = parseProblem(error);
        return id;
    }
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    std::string international;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
    // Kept for matching even when invalid: a mistyped number still groups with its copies.
    id.normalized = QString::fromStdString(e164);
    id.display = QString::fromStdString(international);
    std::string region;
    util->GetRegionCodeForNumber(number, &region);
    if (!region.empty() && region != "ZZ")
        id.country = QString::fromStdString(region);

    if (!util->IsValidNumber(number)) {
        id.problem = possibilityProblem(util->IsPossibleNumberWithReason(number));
        return id;
    }
    id.validity = Validity::Valid;
    return id;
}

} // namespace fundtrace::identifiers
