#pragma once

#include "detect/Rule.h"

#include <QStringList>

namespace fundtrace::detect {

// Subjects the case keeps apart that share a phone, e-mail, document, address, card, wallet or
// device; and one subject holding many accounts across many institutions. Evidence is the largest
// transactions of the subjects involved. Keys hash the identifier value, so the alert stays the
// same while more subjects join it and no personal data sits in the key.
class SharedIdentifierRule : public Rule {
public:
    QString id() const override { return QStringLiteral("shared_identifiers"); }
    QString typology() const override { return QStringLiteral("Shared identifiers"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

    // The institution an account identifier points at: IBAN country + bank code, a card's BIN,
    // else the first characters. A heuristic: it only has to tell banks apart.
    static QString institutionOf(const QString &identifier);

private:
    void sharedValues(const DetectionContext &context, AlertSink &sink) const;
    void manyAccounts(const DetectionContext &context, AlertSink &sink) const;
    // The largest rows (own statements and rows naming them) of these subjects' accounts.
    std::vector<Evidence> evidenceOf(const DetectionContext &context, const std::vector<std::int32_t> &subjects,
                                     std::int64_t &first, std::int64_t &last) const;

    QStringList m_kinds;
    int m_minSubjects = 2;
    int m_addressMinSubjects = 3;
    int m_maxSubjects = 25;
    int m_minAccounts = 5;
    int m_minInstitutions = 3;
    int m_maxEvidence = 50;
};

} // namespace fundtrace::detect
