#pragma once

#include "import/AmountParser.h"
#include "import/DateTimeParser.h"
#include "import/RowSource.h"
#include "import/goaml/GoAmlParties.h"
#include "import/goaml/GoAmlReport.h"
#include "import/sanctions/XmlNodeReader.h"

#include <QHash>
#include <string>
#include <vector>

namespace fundtrace::import {

// Streams a goAML XML report: each <transaction> becomes a row (from-side account as the
// account, direction D, to side as the counterparty), while the report header, the persons and
// entities, the accounts' holders and the elements outside the schema are collected for
// GoAmlWriter. A transaction lacking a mandatory element is a rejected row naming the element and
// line. next() runs on the import's parsing thread; the collected state is read after it ends.
class GoAmlReader : public RowSource {
public:
    struct PartyLink {
        std::int64_t sourceRow = 0;
        char role = 'f';            // 'f' from, 't' to
        int party = 0;
    };
    struct AccountHolder {
        QString account;            // as written
        int party = 0;
    };
    struct Deviation {
        QString element;
        QString parent;
        std::int64_t firstLine = 0;
        std::int64_t count = 0;
    };

    // Throws ImportError when the file is unreadable or its root is not <report>.
    GoAmlReader(const QString &path, const QTimeZone &zone, const QString &fallbackCurrency);

    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override;
    std::int64_t bytesConsumed() const override { return m_xml.bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_xml.bytesTotal(); }

    // The encoding the XML declaration names (UTF-8 when it names none).
    QString encoding() const { return m_xml.encoding(); }
    const GoAmlReport &report() const { return m_report; }
    std::int64_t reportLine() const { return m_reportLine; }
    const GoAmlParties &parties() const { return m_parties; }
    const std::vector<PartyLink> &links() const { return m_links; }
    const std::vector<AccountHolder> &accountHolders() const { return m_holders; }
    std::vector<Deviation> deviations() const;
    // Header elements the schema requires that the report lacks.
    QStringList missingHeaderElements() const;

private:
    // One side of a transaction, resolved to what ParsedTransaction needs.
    struct Side {
        std::string account;
        std::string name;
        std::string taxId;
        std::string institution;
        std::string country;
        std::vector<int> parties;
    };

    void readHeaderElement(const XmlNode &node);
    void readActivity(const XmlNode &activity);
    bool readTransaction(const XmlNode &node, Row &row, ParsedTransaction &parsed, RowProblem &problem);
    bool readSide(const XmlNode &transaction, bool from, Side &side);
    int addSubject(const XmlNode &node, QStringView element);
    void checkElements(const XmlNode &node, const QString &parent);
    void noteDeviation(const QString &element, const QString &parent, std::int64_t line);

    XmlNodeReader m_xml;
    DateTimeParser m_dates;
    AmountParser m_amounts { AmountParser::DecimalMark::Point, 2 };
    QString m_fallbackCurrency;
    GoAmlReport m_report;
    std::int64_t m_reportLine = 0;
    QStringList m_headerSeen;
    GoAmlParties m_parties;
    std::vector<PartyLink> m_links;
    std::vector<AccountHolder> m_holders;
    QHash<QString, int> m_holderSeen;
    std::vector<Deviation> m_deviations;
    QHash<QString, std::size_t> m_deviationIndex;
    std::int64_t m_transactionNumber = 0;

    // Text ParsedTransaction points into until the next row.
    Side m_from;
    Side m_to;
    std::string m_bookedText;
    std::string m_currency;
    std::string m_currency2;
    std::string m_purpose;
    std::string m_channel;
    std::string m_externalId;
    std::string m_error;
};

} // namespace fundtrace::import
