#include "import/bank/CamtRowSource.h"

#include "import/ImportPreview.h"
#include "import/bank/StatementAmount.h"
#include "model/Currency.h"

namespace fundtrace::import {
namespace {

bool isStatementContainer(QStringView name)
{
    return name == u"Stmt" || name == u"Rpt" || name == u"Ntfctn";
}

std::string joined(const std::string &a, const std::string &b, const char *separator)
{
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    return a + separator + b;
}

} // namespace

CamtRowSource::CamtRowSource(const QString &path, const QTimeZone &zone)
    : m_path(path)
    , m_file(path)
    , m_dates(zone)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open the file (%2)").arg(path, m_file.errorString()));
    m_fileSize = m_file.size();
    m_xml.setDevice(&m_file);
    m_xml.setNamespaceProcessing(true);
}

QString CamtRowSource::encoding() const
{
    const QString declared = m_xml.documentEncoding().toString();
    return declared.isEmpty() ? QStringLiteral("UTF-8") : declared;
}

void CamtRowSource::fail(const QString &reason) const
{
    throw ImportError(QStringLiteral("%1, line %2, column %3: %4")
                              .arg(m_path)
                              .arg(m_xml.lineNumber())
                              .arg(m_xml.columnNumber())
                              .arg(reason));
}

void CamtRowSource::xmlError() const
{
    if (!m_xml.hasError())
        return;
    if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        fail(QStringLiteral("the XML ends before the document does: the file is truncated"));
    fail(QStringLiteral("not well-formed XML: %1").arg(m_xml.errorString()));
}

QString CamtRowSource::text()
{
    QString value = m_xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
    xmlError();
    if (value.size() > kMaxTextChars)
        fail(QStringLiteral("a text of %1 characters is longer than any camt field may be (%2)")
                     .arg(value.size())
                     .arg(kMaxTextChars));
    return value.trimmed();
}

void CamtRowSource::walk(const std::function<bool(const QString &path)> &onStart)
{
    QString path;
    std::vector<qsizetype> lengths;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = m_xml.name();
            lengths.push_back(path.size());
            if (name != u"Pty") {
                if (!path.isEmpty())
                    path += u'/';
                path += name;
            }
            if (onStart(path)) {
                path.truncate(lengths.back());
                lengths.pop_back();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (lengths.empty())
                return;
            path.truncate(lengths.back());
            lengths.pop_back();
        }
    }
    xmlError();
}

bool CamtRowSource::amount(const std::string &text, const std::string &currency, std::int64_t &minor,
                           std::string &error) const
{
    return parseStatementAmount(text, model::minorDigits(currency), minor, error);
}

void CamtRowSource::startStatement()
{
    m_inStatement = true;
    m_statementDepth = m_stack.size();
    StatementSummary summary;
    summary.line = m_xml.lineNumber();
    m_statements.push_back(std::move(summary));
    m_accountHolder.clear();
    m_institution.clear();
    m_openingDate.clear();
    m_closingDate.clear();
}

// Bal: OPBD (or PRCD, the previous statement's closing) opens, CLBD closes; interim and
// available balances are not what a statement reconciles.
void CamtRowSource::readBalance()
{
    std::string code, amountText, currency, indicator, date;
    const std::int64_t line = m_xml.lineNumber();
    walk([&](const QString &path) {
        if (path == u"Tp/CdOrPrtry/Cd" || path == u"Tp/CdOrPrtry/Prtry") {
            code = utf8(text());
        } else if (path == u"Amt") {
            currency = utf8(m_xml.attributes().value(QLatin1StringView("Ccy")).toString());
            amountText = utf8(text());
        } else if (path == u"CdtDbtInd") {
            indicator = utf8(text());
        } else if (path == u"Dt/Dt" || path == u"Dt/DtTm") {
            date = utf8(text()).substr(0, 10);
        } else {
            return false;
        }
        return true;
    });
    const bool opening = code == "OPBD" || code == "PRCD";
    const bool closing = code == "CLBD";
    if (!opening && !closing)
        return;
    StatementSummary &statement = m_statements.back();
    std::int64_t minor = 0;
    if (!amount(amountText, currency, minor, m_error))
        throw ImportError(QStringLiteral("%1, line %2: %3 balance: %4")
                                  .arg(m_path)
                                  .arg(line)
                                  .arg(QString::fromStdString(code), QString::fromStdString(m_error)));
    if (indicator == "DBIT")
        minor = -minor;
    else if (indicator != "CRDT")
        throw ImportError(QStringLiteral("%1, line %2: %3 balance has no CdtDbtInd (CRDT or DBIT)")
                                  .arg(m_path)
                                  .arg(line)
                                  .arg(QString::fromStdString(code)));
    if (statement.currency.empty())
        statement.currency = currency;
    if (opening && (!statement.openingMinor || code == "OPBD")) {
        statement.openingMinor = minor;
        m_openingDate = date;
    } else if (closing) {
        statement.closingMinor = minor;
        m_closingDate = date;
    }
}

void CamtRowSource::readEntry()
{
    Entry &entry = m_current;
    entry = Entry {};
    entry.line = m_xml.lineNumber();
    Details *details = nullptr;
    const auto side = [&](const QString &path, const QString &prefix, Party &party) {
        if (!path.startsWith(prefix))
            return false;
        const QStringView rest = QStringView(path).mid(prefix.size());
        if (rest == u"Nm")
            party.name = utf8(text());
        else if (rest == u"Id/OrgId/Othr/Id" || rest == u"Id/PrvtId/Othr/Id")
            party.taxId = utf8(text());
        else
            return false;
        return true;
    };
    const QString tx = QStringLiteral("NtryDtls/TxDtls");
    walk([&](const QString &path) {
        if (path == tx) {
            if (entry.details.size() >= kMaxDetailsPerEntry)
                fail(QStringLiteral("an entry with more than %1 transaction details").arg(kMaxDetailsPerEntry));
            details = &entry.details.emplace_back();
            return false;
        }
        if (details && path.startsWith(tx) && path.size() > tx.size() && path[tx.size()] == u'/') {
            const QString rest = path.mid(tx.size() + 1);
            if (rest == u"Amt" || rest == u"AmtDtls/TxAmt/Amt") {
                details->currency = utf8(m_xml.attributes().value(QLatin1StringView("Ccy")).toString());
                const std::string value = utf8(text());
                std::int64_t minor = 0;
                if (!amount(value, details->currency, minor, m_error))
                    fail(QStringLiteral("transaction amount: %1").arg(QString::fromStdString(m_error)));
                details->amountMinor = minor;
            } else if (rest == u"CdtDbtInd") {
                const QString value = text();
                details->direction = value == u"DBIT" ? 'D' : value == u"CRDT" ? 'C' : 0;
            } else if (rest == u"Refs/EndToEndId") {
                details->endToEndId = utf8(text());
            } else if (rest == u"Refs/AcctSvcrRef" || rest == u"Refs/TxId") {
                if (details->reference.empty())
                    details->reference = utf8(text());
                else
                    return false;
            } else if (rest == u"RltdPties/DbtrAcct/Id/IBAN" || rest == u"RltdPties/DbtrAcct/Id/Othr/Id") {
                details->debtor.account = utf8(text());
            } else if (rest == u"RltdPties/CdtrAcct/Id/IBAN" || rest == u"RltdPties/CdtrAcct/Id/Othr/Id") {
                details->creditor.account = utf8(text());
            } else if (rest == u"RltdAgts/DbtrAgt/FinInstnId/BIC" || rest == u"RltdAgts/DbtrAgt/FinInstnId/BICFI") {
                details->debtor.bank = utf8(text());
            } else if (rest == u"RltdAgts/CdtrAgt/FinInstnId/BIC" || rest == u"RltdAgts/CdtrAgt/FinInstnId/BICFI") {
                details->creditor.bank = utf8(text());
            } else if (rest == u"RmtInf/Ustrd") {
                details->remittance = joined(details->remittance, utf8(text()), " ");
            } else if (rest == u"RmtInf/Strd/CdtrRefInf/Ref") {
                details->remittance = joined(details->remittance, utf8(text()), " ");
            } else if (rest == u"AddtlTxInf") {
                details->additional = utf8(text());
            } else {
                return side(rest, QStringLiteral("RltdPties/Dbtr/"), details->debtor)
                        || side(rest, QStringLiteral("RltdPties/Cdtr/"), details->creditor);
            }
            return true;
        }
        if (path == u"Amt") {
            entry.currency = utf8(m_xml.attributes().value(QLatin1StringView("Ccy")).toString());
            entry.amountText = utf8(text());
        } else if (path == u"CdtDbtInd") {
            entry.indicator = utf8(text());
        } else if (path == u"Sts") {
            // "BOOK" in .02, <Cd>BOOK</Cd> from .04 on.
            const QString value = m_xml.readElementText(QXmlStreamReader::IncludeChildElements);
            xmlError();
            entry.status = utf8(value.trimmed().left(8));
        } else if (path == u"BookgDt/Dt" || path == u"BookgDt/DtTm") {
            entry.bookingDate = utf8(text());
        } else if (path == u"ValDt/Dt" || path == u"ValDt/DtTm") {
            entry.valueDate = utf8(text());
        } else if (path == u"AcctSvcrRef") {
            entry.reference = utf8(text());
        } else if (path == u"NtryRef") {
            if (entry.reference.empty())
                entry.reference = utf8(text());
            else
                return false;
        } else if (path == u"AddtlNtryInf") {
            entry.additional = utf8(text());
        } else if (path == u"BkTxCd/Domn/Fmly/SubFmlyCd" || path == u"BkTxCd/Prtry/Cd") {
            if (entry.channel.empty())
                entry.channel = utf8(text());
            else
                return false;
        } else {
            return false;
        }
        return true;
    });
    emitEntry(entry);
}

void CamtRowSource::emitEntry(Entry &entry)
{
    m_pending.clear();
    m_nextPending = 0;
    StatementSummary &statement = m_statements.back();
    const auto reject = [&](const QString &column, const std::string &value, const QString &reason) {
        Pending &row = m_pending.emplace_back();
        row.ok = false;
        row.entry.line = entry.line;
        row.problem = RowProblem { column, QString::fromStdString(value.substr(0, 200)), reason };
    };
    if (statement.account.empty())
        fail(QStringLiteral("an entry in a statement with no account (Acct/Id)"));
    std::int64_t entryMinor = 0;
    if (entry.amountText.empty())
        return reject(QStringLiteral("Ntry/Amt"), {}, QStringLiteral("the entry has no amount"));
    if (!amount(entry.amountText, entry.currency, entryMinor, m_error) || entryMinor < 0)
        return reject(QStringLiteral("Ntry/Amt"), entry.amountText,
                      m_error.empty() ? QStringLiteral("negative amount") : QString::fromStdString(m_error));
    if (entry.currency.empty())
        return reject(QStringLiteral("Ntry/Amt/@Ccy"), {}, QStringLiteral("the amount has no currency"));
    if (entry.indicator != "CRDT" && entry.indicator != "DBIT")
        return reject(QStringLiteral("Ntry/CdtDbtInd"), entry.indicator,
                      QStringLiteral("the entry says neither CRDT nor DBIT"));
    const std::string &dateText = entry.bookingDate.empty() ? entry.valueDate : entry.bookingDate;
    std::int64_t bookedAt = 0;
    if (dateText.empty())
        return reject(QStringLiteral("Ntry/BookgDt"), {}, QStringLiteral("the entry has neither a booking nor a value date"));
    if (!m_dates.parse(dateText, bookedAt, m_error))
        return reject(QStringLiteral("Ntry/BookgDt"), dateText, QString::fromStdString(m_error));
    const char entryDirection = entry.indicator == "DBIT" ? 'D' : 'C';
    const bool booked = entry.status.empty() || entry.status == "BOOK";

    // A batch booked as one entry is split when every transaction names its own amount;
    // otherwise the entry stays one row so the amounts still add up.
    bool split = entry.details.size() > 1;
    for (const Details &d : entry.details)
        split = split && d.amountMinor.has_value();
    const std::size_t rows = split ? entry.details.size() : 1;
    for (std::size_t i = 0; i < rows; ++i) {
        const Details *d = entry.details.empty() ? nullptr : &entry.details[i];
        Pending &row = m_pending.emplace_back();
        BankEntry &e = row.entry;
        e.line = entry.line;
        e.bookedAt = bookedAt;
        e.bookedText = dateText;
        e.direction = split && d->direction ? d->direction : entryDirection;
        e.amountMinor = split ? *d->amountMinor : entryMinor;
        e.currency = split && !d->currency.empty() ? d->currency : entry.currency;
        e.account = statement.account;
        e.accountHolder = m_accountHolder;
        e.accountInstitution = m_institution;
        e.channel = entry.channel;
        e.booked = booked;
        e.externalId = entry.reference;
        if (d && entry.details.size() == rows) {
            const Party &other = e.direction == 'C' ? d->debtor : d->creditor;
            e.counterpartyName = other.name;
            e.counterpartyAccount = other.account;
            e.counterpartyTaxId = other.taxId;
            e.counterpartyBank = other.bank;
            e.purpose = !d->remittance.empty() ? d->remittance : !d->additional.empty() ? d->additional : entry.additional;
            if (!d->endToEndId.empty() && d->endToEndId != "NOTPROVIDED")
                e.externalId = joined(e.externalId, d->endToEndId, "/");
            else if (split && !d->reference.empty())
                e.externalId = joined(e.externalId, d->reference, "/");
        } else {
            e.purpose = entry.additional;
            if (entry.details.size() > 1)
                e.purpose = joined(e.purpose, "(batch of " + std::to_string(entry.details.size())
                                           + " transactions without individual amounts)", " ");
        }
    }
}

bool CamtRowSource::next(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    for (;;) {
        if (m_nextPending < m_pending.size()) {
            Pending &pending = m_pending[m_nextPending++];
            row.number = ++m_rowNumber;
            row.line = pending.entry.line;
            row.ok = pending.ok;
            if (pending.ok) {
                if (pending.entry.booked)
                    m_statements.back().addRow(pending.entry.direction, pending.entry.amountMinor);
                pending.entry.fill(parsed, row.number);
            } else {
                problem = pending.problem;
            }
            return true;
        }
        if (m_xml.atEnd())
            break;
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD)
            fail(QStringLiteral("the file declares a DOCTYPE; camt files never do, and Fundtrace refuses DTDs so no "
                                "entity can be expanded"));
        if (token == QXmlStreamReader::EntityReference)
            fail(QStringLiteral("entity references are refused"));
        if (token == QXmlStreamReader::EndElement) {
            if (m_inStatement && m_stack.size() == m_statementDepth) {
                StatementSummary &s = m_statements.back();
                if (s.periodStart.empty())
                    s.periodStart = m_openingDate;
                if (s.periodEnd.empty())
                    s.periodEnd = m_closingDate;
                m_inStatement = false;
            }
            if (!m_stack.empty())
                m_stack.pop_back();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = m_xml.name();
        if (!m_sawRoot) {
            m_sawRoot = true;
            const QStringView ns = m_xml.namespaceUri();
            if (name != u"Document" || !ns.startsWith(u"urn:iso:std:iso:20022:tech:xsd:camt.05"))
                fail(QStringLiteral("the root element is <%1> in namespace \"%2\", not an ISO 20022 camt.052, .053 "
                                    "or .054 Document").arg(name.toString(), ns.toString()));
        }
        if (!m_inStatement && m_stack.size() == 2 && isStatementContainer(name)) {
            m_stack.push_back(name.toString());
            startStatement();
            continue;
        }
        if (!m_inStatement) {
            m_stack.push_back(name.toString());
            continue;
        }
        StatementSummary &statement = m_statements.back();
        const std::size_t relativeDepth = m_stack.size() - m_statementDepth;
        if (relativeDepth == 0 && name == u"Ntry") {
            readEntry();
            continue;
        }
        if (relativeDepth == 0 && name == u"Bal") {
            readBalance();
            continue;
        }
        if (relativeDepth == 0 && name == u"Id") {
            statement.reference = utf8(text());
            continue;
        }
        if (relativeDepth == 0 && (name == u"FrToDt" || name == u"Acct")) {
            const bool account = name == u"Acct";
            walk([&](const QString &path) {
                if (!account && (path == u"FrDtTm" || path == u"ToDtTm")) {
                    (path == u"FrDtTm" ? statement.periodStart : statement.periodEnd) = utf8(text()).substr(0, 10);
                } else if (account && (path == u"Id/IBAN" || path == u"Id/Othr/Id")) {
                    statement.account = utf8(text());
                } else if (account && path == u"Ccy") {
                    statement.currency = utf8(text());
                } else if (account && path == u"Ownr/Nm") {
                    m_accountHolder = utf8(text());
                } else if (account && (path == u"Svcr/FinInstnId/BIC" || path == u"Svcr/FinInstnId/BICFI")) {
                    m_institution = utf8(text());
                } else {
                    return false;
                }
                return true;
            });
            continue;
        }
        m_stack.push_back(name.toString());
    }
    xmlError();
    if (!m_sawRoot)
        fail(QStringLiteral("the file holds no XML element"));
    if (m_statements.empty())
        fail(QStringLiteral("the document holds no statement (Stmt), report (Rpt) or notification (Ntfctn)"));
    return false;
}

} // namespace fundtrace::import
