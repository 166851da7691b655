#include "demo/XlsxStatementWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/DemoSideAccount.h"
#include "demo/ExportText.h"
#include "demo/Iban.h"
#include "demo/XlsxPartWriter.h"

#include <QJsonObject>
#include <cstdlib>
#include <stdexcept>

namespace fundtrace::demo {

namespace {

constexpr qint64 kzt(qint64 tenge)
{
    return tenge * 100;
}

const QString kBankName = QStringLiteral("АО «Жетісу Капитал Банк»");
const QString kBankLatin = QStringLiteral("Zhetysu Kapital Bank JSC");
const QString kBankBic = QStringLiteral("ZKKBKZKA");
const QString kBankCode = QStringLiteral("847");

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString column(int index)
{
    return QString(QChar(u'A' + index));
}

QString textCell(int row, int col, const QString &text, int style = 0)
{
    return QStringLiteral("<c r=\"%1%2\"%3 t=\"inlineStr\"><is><t>%4</t></is></c>")
        .arg(column(col))
        .arg(row)
        .arg(style ? QStringLiteral(" s=\"%1\"").arg(style) : QString(), escaped(text));
}

QString numberCell(int row, int col, const QString &value, int style = 0)
{
    return QStringLiteral("<c r=\"%1%2\"%3><v>%4</v></c>")
        .arg(column(col))
        .arg(row)
        .arg(style ? QStringLiteral(" s=\"%1\"").arg(style) : QString(), value);
}

// Excel's serial date: days since 30 December 1899, the time of day as the fraction. Written
// from integers so the text is the same everywhere.
QString serial(qint64 minute)
{
    const QDate date = DemoClock::dateOf(minute);
    const qint64 days = QDate(1899, 12, 30).daysTo(date);
    const int ofDay = DemoClock::minuteOfDay(minute);
    // minutes / 1440 to ten decimals, rounded half up.
    const qint64 fraction = (static_cast<qint64>(ofDay) * 10'000'000'000LL * 2 + 1440) / (1440 * 2);
    if (fraction == 0)
        return QString::number(days);
    QString digits = QStringLiteral("%1").arg(fraction, 10, 10, QLatin1Char('0'));
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QString::number(days) + QLatin1Char('.') + digits;
}

QByteArray contentTypes()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "</Types>");
}

QByteArray packageRels()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"xl/workbook.xml\"/>"
        "</Relationships>");
}

QByteArray workbook()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Выписка\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
        "</workbook>");
}

QByteArray workbookRels()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
        "Target=\"styles.xml\"/>"
        "</Relationships>");
}

// cellXfs: 0 general, 1 date and time, 2 amount (#,##0.00), 3 bold (title, header, totals).
QByteArray styles()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy hh:mm\"/></numFmts>"
        "<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"Arial\"/></font>"
        "<font><b/><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"4\">"
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        "</cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        "</styleSheet>");
}

} // namespace

int XlsxStatementWriter::write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed,
                               DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0x7815));
    const QDate from = DemoClock::periodStart();
    const QDate to = DemoClock::periodEnd();
    const int days = static_cast<int>(from.daysTo(to));

    // The holder: a small Almaty wholesaler of medical goods, not part of the story.
    const QString holderName = QStringLiteral("ТОО «Алатау МедСнаб»");
    const QString holderBin = ledger.uniqueBin(rng, 2017, 3);
    QString iban;
    do
        iban = Iban::fromBban(QStringLiteral("KZ"), kBankCode + QStringLiteral("KZT") + rng.digits(10));
    while (ledger.findAccount(iban) >= 0);

    // Its buyers are the ledger's organisations, its staff the ledger's background people, so the
    // same IBANs and BIN/IINs appear here as in the other banks' files.
    std::vector<int> organisations;
    std::vector<int> people;
    for (int i = 0; i < static_cast<int>(ledger.accounts().size()); ++i) {
        const DemoAccount &a = ledger.account(i);
        const DemoParty &p = ledger.holder(i);
        if (a.wallet || p.country != u"KZ" || !a.id.startsWith(QLatin1String("KZ")) || p.taxId.isEmpty())
            continue;
        if (p.organisation)
            organisations.push_back(i);
        else if (i < cast.storyBegin || i >= cast.storyEnd)
            people.push_back(i);
    }
    if (people.size() < 4)
        throw std::runtime_error("the demo ledger has too few background people for the XLSX statement");
    std::vector<int> staff;
    for (int i = 0; i < 4; ++i)
        staff.push_back(people[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(people.size()) - 1))]);
    const std::vector<int> &buyers = organisations.size() >= 3 ? organisations : people;

    DemoSideAccount account;
    account.id = iban;
    account.currency = QStringLiteral("KZT");
    static const QStringList goods = { QStringLiteral("перевязочные материалы"), QStringLiteral("шприцы одноразовые"),
                                       QStringLiteral("медицинские перчатки"), QStringLiteral("антисептики"),
                                       QStringLiteral("системы для инфузий") };
    const auto counterparty = [&](SideEntry &e, int accountIndex) {
        const DemoParty &p = ledger.holder(accountIndex);
        e.counterparty = p.name;
        e.counterpartyTaxId = p.taxId;
        e.counterpartyAccount = ledger.account(accountIndex).id;
        e.counterpartyBic = DemoBanks::byKey(ledger.account(accountIndex).bankKey).bic;
    };
    const int sales = 46;
    for (int i = 0; i < sales; ++i) {
        SideEntry e;
        const QDate day = from.addDays(rng.uniform(0, days));
        e.minute = DemoClock::avoidRepeatedHour(DemoClock::minuteOf(day, 0, 0) + rng.uniform(9 * 60, 18 * 60));
        e.amount = kzt(rng.logNormal(420'000, 12) / 100 * 100);
        counterparty(e, buyers[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(buyers.size()) - 1))]);
        e.purpose = QStringLiteral("Оплата по счету на оплату № %1 от %2 за %3, в т.ч. НДС 12%")
                        .arg(rng.uniform(100, 999))
                        .arg(DemoClock::dottedDate(day.addDays(-rng.uniform(1, 10))), rng.pick(goods));
        e.reference = QString::number(rng.uniform(1000, 9999));
        e.kind = QStringLiteral("transfer");
        account.add(e);
    }
    for (int m = from.month(); m <= to.month(); ++m) {
        const QDate first(to.year(), m, 1);
        if (m < to.month()) {
            for (int s = 0; s < static_cast<int>(staff.size()); ++s) {
                SideEntry pay;
                pay.minute = DemoClock::minuteOf(QDate(first.year(), m, std::min(first.daysInMonth(), 28)), 11, 10 + s);
                pay.amount = -kzt((180 + 40 * s + rng.uniform(0, 20)) * 1'000);
                counterparty(pay, staff[static_cast<size_t>(s)]);
                pay.purpose = QStringLiteral("Заработная плата за %1").arg(first.toString(QStringLiteral("MM.yyyy")));
                pay.reference = QString::number(rng.uniform(100, 999));
                pay.kind = QStringLiteral("transfer");
                account.add(pay);
            }
            SideEntry fee;
            fee.minute = DemoClock::minuteOf(QDate(first.year(), m, first.daysInMonth()), 20, 0);
            fee.amount = -kzt(2'500);
            fee.counterparty = kBankName;
            fee.counterpartyBic = kBankBic;
            fee.purpose = QStringLiteral("Комиссия за ведение счета за %1").arg(first.toString(QStringLiteral("MM.yyyy")));
            fee.reference = QString::number(rng.uniform(100000, 999999));
            fee.kind = QStringLiteral("fee");
            account.add(fee);
        }
        if (first > from) {
            SideEntry rent;
            rent.minute = DemoClock::minuteOf(first.addDays(4), 10, 30 + static_cast<int>(rng.uniform(0, 20)));
            rent.amount = -kzt(350'000);
            rent.counterparty = QStringLiteral("ТОО «Сайран Офис Центр»");
            rent.purpose = QStringLiteral("Аренда склада за %1 согласно договору № 14/22").arg(first.toString(QStringLiteral("MM.yyyy")));
            rent.reference = QString::number(rng.uniform(100, 999));
            rent.kind = QStringLiteral("transfer");
            account.add(rent);
        }
    }
    account.finish(kzt(50'000));

    // Title block: five merged lines over A:I, then the header on row 7.
    const QStringList title = {
        kBankName + QStringLiteral(" (") + kBankLatin + QStringLiteral("), БИК ") + kBankBic,
        QStringLiteral("Выписка по счету ") + iban,
        QStringLiteral("за период с %1 по %2").arg(DemoClock::dottedDate(from), DemoClock::dottedDate(to)),
        QStringLiteral("Клиент: %1, БИН %2").arg(holderName, holderBin),
        QStringLiteral("Валюта счета: KZT (тенге)"),
    };
    const QStringList headers = { QStringLiteral("Дата операции"), QStringLiteral("Документ"), QStringLiteral("Контрагент"),
                                  QStringLiteral("БИН/ИИН"), QStringLiteral("Счет контрагента"), QStringLiteral("Дебет"),
                                  QStringLiteral("Кредит"), QStringLiteral("Назначение платежа"),
                                  QStringLiteral("Счет клиента") };
    QString rows;
    int r = 1;
    for (const QString &line : title) {
        rows += QStringLiteral("<row r=\"%1\">").arg(r) + textCell(r, 0, line, 3) + QStringLiteral("</row>");
        ++r;
    }
    ++r; // one empty row between title and header
    rows += QStringLiteral("<row r=\"%1\">").arg(r);
    for (int c = 0; c < headers.size(); ++c)
        rows += textCell(r, c, headers.at(c), 3);
    rows += QStringLiteral("</row>");
    ++r;
    int written = 0;
    qint64 debits = 0;
    qint64 credits = 0;
    for (const SideEntry &e : account.entries) {
        rows += QStringLiteral("<row r=\"%1\">").arg(r);
        rows += numberCell(r, 0, serial(e.minute), 1);
        rows += textCell(r, 1, e.reference);
        rows += textCell(r, 2, e.counterparty);
        if (!e.counterpartyTaxId.isEmpty())
            rows += textCell(r, 3, e.counterpartyTaxId);
        if (!e.counterpartyAccount.isEmpty())
            rows += textCell(r, 4, e.counterpartyAccount);
        rows += numberCell(r, e.amount < 0 ? 5 : 6, ExportText::pointAmount(std::abs(e.amount)), 2);
        rows += textCell(r, 7, e.purpose);
        rows += textCell(r, 8, iban);
        rows += QStringLiteral("</row>");
        (e.amount < 0 ? debits : credits) += std::abs(e.amount);
        ++r;
        ++written;
    }
    const int totalsRow = r;
    rows += QStringLiteral("<row r=\"%1\">").arg(r) + textCell(r, 0, QStringLiteral("Итого обороты"), 3)
        + numberCell(r, 5, ExportText::pointAmount(debits), 2) + numberCell(r, 6, ExportText::pointAmount(credits), 2)
        + QStringLiteral("</row>");

    QString merges;
    for (int t = 1; t <= title.size(); ++t)
        merges += QStringLiteral("<mergeCell ref=\"A%1:I%1\"/>").arg(t);
    merges += QStringLiteral("<mergeCell ref=\"A%1:E%1\"/>").arg(totalsRow);
    const QString sheet = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                                         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                         "<dimension ref=\"A1:I%1\"/>"
                                         "<cols><col min=\"1\" max=\"1\" width=\"17\" customWidth=\"1\"/>"
                                         "<col min=\"2\" max=\"2\" width=\"10\" customWidth=\"1\"/>"
                                         "<col min=\"3\" max=\"3\" width=\"36\" customWidth=\"1\"/>"
                                         "<col min=\"4\" max=\"4\" width=\"15\" customWidth=\"1\"/>"
                                         "<col min=\"5\" max=\"5\" width=\"24\" customWidth=\"1\"/>"
                                         "<col min=\"6\" max=\"7\" width=\"15\" customWidth=\"1\"/>"
                                         "<col min=\"8\" max=\"8\" width=\"70\" customWidth=\"1\"/>"
                                         "<col min=\"9\" max=\"9\" width=\"24\" customWidth=\"1\"/></cols>"
                                         "<sheetData>")
                                .arg(totalsRow)
        + rows + QStringLiteral("</sheetData><mergeCells count=\"%1\">").arg(title.size() + 1) + merges
        + QStringLiteral("</mergeCells></worksheet>");

    XlsxPartWriter parts;
    parts.add(QStringLiteral("[Content_Types].xml"), contentTypes());
    parts.add(QStringLiteral("_rels/.rels"), packageRels());
    parts.add(QStringLiteral("xl/workbook.xml"), workbook());
    parts.add(QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRels());
    parts.add(QStringLiteral("xl/styles.xml"), styles());
    parts.add(QStringLiteral("xl/worksheets/sheet1.xml"), sheet.toUtf8());
    parts.save(path);

    facts.addReject(fileName(), totalsRow, QString(),
                    QStringLiteral("the closing \"Итого обороты\" totals row has no date"));
    facts.addToList(QStringLiteral("otherAccounts"),
                    QJsonObject { { QStringLiteral("holder"), QStringLiteral("background business") },
                                  { QStringLiteral("holderName"), holderName },
                                  { QStringLiteral("holderBin"), holderBin },
                                  { QStringLiteral("account"), iban },
                                  { QStringLiteral("institution"), kBankName },
                                  { QStringLiteral("file"), fileName() },
                                  { QStringLiteral("rows"), written },
                                  { QStringLiteral("debitsMinor"), debits },
                                  { QStringLiteral("creditsMinor"), credits },
                                  { QStringLiteral("totalsRow"), totalsRow },
                                  { QStringLiteral("note"), QStringLiteral("Not part of the story: a wholesaler's "
                                                                           "account whose counterparties are ledger "
                                                                           "accounts.") } });
    return written;
}

} // namespace fundtrace::demo
