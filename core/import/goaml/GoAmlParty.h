#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace fundtrace::import {

// A person or entity named in a goAML report, merged across its mentions, waiting to become a
// subjects row with its subject_attributes.
struct GoAmlParty {
    struct Attribute {
        QString kind;          // subject_attributes.kind: name, alias, tax_id, passport, phone, ...
        QString value;         // as given
        QString normalized;    // for matching
    };

    QString kind;              // person or organisation
    QString displayName;
    QString taxId;
    QString country;
    std::vector<Attribute> attributes;

    void addAttribute(const QString &attributeKind, const QString &value, const QString &normalized = {});
};

} // namespace fundtrace::import
