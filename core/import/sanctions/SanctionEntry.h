#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::import {

// One designated person, organisation, vessel or aircraft as a list reader produced it, before
// it is written: the reader's format-specific fields mapped onto the columns of sanction_entries,
// sanction_entry_names and sanction_entry_attributes.
struct SanctionEntry {
    struct Name {
        QString name;
        QString kind;       // primary, aka, fka, weak, original_script
        QString quality;    // good / low where the list says; else empty
    };
    struct Attribute {
        QString kind;       // birth_date, birth_place, nationality, citizenship, passport, national_id,
                            // address, gender, title, country, ...
        QString value;
    };

    std::int64_t line = 0;          // where the entry starts (record number for CSV)
    QString externalId;
    QString reference;
    QString kind = QStringLiteral("unknown"); // person, organisation, vessel, aircraft, unknown
    QString primaryName;
    QString programs;
    QString listedOn;
    QString remarks;
    std::vector<Name> names;        // aliases and other spellings; the primary name is added on write
    std::vector<Attribute> attributes;

    void addName(const QString &name, const QString &nameKind, const QString &quality = {})
    {
        const QString clean = name.simplified();
        if (clean.isEmpty() || clean == primaryName)
            return;
        for (const Name &known : names)
            if (known.name == clean && known.kind == nameKind)
                return;
        names.push_back({ clean, nameKind, quality });
    }
    void addAttribute(const QString &attributeKind, const QString &value)
    {
        const QString clean = value.simplified();
        if (clean.isEmpty())
            return;
        for (const Attribute &known : attributes)
            if (known.kind == attributeKind && known.value == clean)
                return;
        attributes.push_back({ attributeKind, clean });
    }
};

} // namespace fundtrace::import
