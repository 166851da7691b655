#include "import/goaml/GoAmlSchema.h"

#include <QSet>
#include <QString>

namespace fundtrace::import {
namespace {

const char *const kElements[] = {
    // report
    "report", "rentity_id", "rentity_branch", "submission_code", "report_code", "entity_reference",
    "fiu_ref_number", "submission_date", "currency_code_local", "reporting_person", "location", "reason",
    "action", "transaction", "activity", "report_indicators", "indicator", "reporting_user_code",
    // transaction
    "transactionnumber", "internal_ref_number", "transaction_location", "transaction_description",
    "date_transaction", "late_deposit", "date_posting", "teller", "authorized", "value_date", "transmode_code",
    "transmode_comment", "amount_local", "involved_parties", "party", "role", "t_from_my_client", "t_from",
    "t_to_my_client", "t_to", "goods_services", "item", "comments", "date_transaction_old",
    // sides
    "from_funds_code", "from_funds_comment", "from_foreign_currency", "to_funds_code", "to_funds_comment",
    "to_foreign_currency", "foreign_currency_code", "foreign_amount", "foreign_exchange_rate", "t_conductor",
    "from_account", "from_person", "from_entity", "to_account", "to_person", "to_entity", "from_country",
    "to_country", "account", "account_my_client", "person", "person_my_client", "entity", "entity_my_client",
    "funds_code", "funds_comment", "foreign_currency", "country", "significance",
    // account
    "institution_name", "institution_code", "swift", "non_bank_institution", "branch", "account", "currency_code",
    "account_name", "iban", "client_number", "personal_account_type", "t_entity", "signatory", "is_primary",
    "t_person", "opened", "closed", "balance", "date_balance", "status_code", "beneficiary",
    "beneficiary_comment",
    // person
    "gender", "title", "first_name", "middle_name", "prefix", "last_name", "birthdate", "birth_place",
    "mothers_name", "alias", "ssn", "passport_number", "passport_country", "id_number", "nationality1",
    "nationality2", "nationality3", "residence", "phones", "phone", "addresses", "address", "email",
    "occupation", "employer_name", "employer_address_id", "employer_phone_id", "identification", "type",
    "number", "issue_date", "expiry_date", "issued_by", "issue_country", "deceased", "date_deceased",
    "tax_number", "tax_reg_number", "source_of_wealth",
    // phone, address
    "tph_contact_type", "tph_communication_type", "tph_country_prefix", "tph_number", "tph_extension",
    "address_type", "town", "city", "zip", "country_code", "state",
    // entity
    "name", "commercial_name", "incorporation_legal_form", "incorporation_number", "business", "url",
    "incorporation_state", "incorporation_country_code", "director_id", "incorporation_date",
    "business_closed", "date_business_closed",
    // activity
    "report_parties", "report_party",
    // goods and services
    "item_type", "item_make", "description", "previously_registered_to", "presently_registered_to",
    "estimated_value", "status_comments", "disposed_value", "size", "size_uom", "registration_date",
    "registration_number", "identification_number",
};

} // namespace

bool isGoAmlElement(QStringView name)
{
    static const QSet<QString> known = [] {
        QSet<QString> set;
        for (const char *element : kElements)
            set.insert(QString::fromLatin1(element));
        return set;
    }();
    return known.contains(name.toString());
}

} // namespace fundtrace::import
