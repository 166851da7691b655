#pragma once

#include "import/goaml/GoAmlParty.h"
#include "import/sanctions/XmlNode.h"

#include <QHash>
#include <QString>
#include <vector>

namespace fundtrace::import {

// The distinct persons and entities of one goAML report. A mention is merged into an earlier
// party when they share an identifier (SSN, passport, ID number, tax or incorporation number) or,
// lacking one, the full name and date of birth; the merged party keeps every attribute seen.
class GoAmlParties {
public:
    // Both return the party's index.
    int addPerson(const XmlNode &person);
    int addEntity(const XmlNode &entity);
    // The holders of an account (t_entity, then signatories with the primary one first); the first
    // is the one the account is linked to.
    std::vector<int> addAccountHolders(const XmlNode &account);

    const std::vector<GoAmlParty> &parties() const { return m_parties; }
    const GoAmlParty &party(int index) const { return m_parties[std::size_t(index)]; }

private:
    int merge(GoAmlParty party, const QStringList &keys);
    static void addContacts(const XmlNode &node, GoAmlParty &party);

    std::vector<GoAmlParty> m_parties;
    QHash<QString, int> m_byKey;
};

} // namespace fundtrace::import
