#include "demo/DemoCaseGenerator.h"

#include "demo/BackgroundActivity.h"
#include "demo/Bank1StatementWriter.h"
#include "demo/Bank2VypiskaWriter.h"
#include "demo/CamtStatementWriter.h"
#include "demo/CityDirectory.h"
#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"
#include "demo/DemoStory.h"
#include "demo/ExportText.h"
#include "demo/GoAmlReportWriter.h"
#include "demo/Mt940StatementWriter.h"
#include "demo/NationalListWriter.h"
#include "demo/OneCStatementWriter.h"
#include "demo/WalletRegistryWriter.h"
#include "demo/XlsxStatementWriter.h"

#include <QDir>
#include <QJsonDocument>
#include <algorithm>
#include <stdexcept>

namespace fundtrace::demo {

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QJsonObject fileJson(const DemoFile &file, int rows, const QString &encoding)
{
    return QJsonObject { { QStringLiteral("file"), file.fileName },
                         { QStringLiteral("mapping"), file.mappingFileName },
                         { QStringLiteral("format"), file.format },
                         { QStringLiteral("encoding"), encoding },
                         { QStringLiteral("rows"), rows },
                         { QStringLiteral("description"), file.description },
                         { QStringLiteral("importFormat"), file.importFormat },
                         { QStringLiteral("listName"), file.listName } };
}

DemoFile demoFile(const QString &fileName, const QString &importFormat, const QString &format, const QString &description)
{
    DemoFile file;
    file.fileName = fileName;
    file.importFormat = importFormat;
    file.format = format;
    file.description = description;
    return file;
}

} // namespace

DemoCaseGenerator::DemoCaseGenerator(quint64 seed, int scale)
    : m_seed(seed)
    , m_scale(std::max(1, scale))
{
}

std::vector<DemoFile> DemoCaseGenerator::writeTo(const QString &dir) const
{
    const QDir out(dir);
    if (!QDir().mkpath(dir))
        throw std::runtime_error(QStringLiteral("cannot create directory %1").arg(dir).toStdString());

    DemoLedger ledger;
    DemoFacts facts;
    const CityDirectory city(ledger, m_seed);
    DemoStory story(ledger, city, m_seed);
    story.createActors();
    DemoCast cast;
    cast.storyBegin = story.charityAccount();
    cast.storyEnd = static_cast<int>(ledger.accounts().size());
    BackgroundActivity background(ledger, city, story.charityAccount(), m_seed, m_scale);
    background.generate(facts);
    story.generate(facts);
    ledger.finish();

    std::vector<DemoFile> files;
    std::vector<int> dala = story.dalaAccounts();
    dala.insert(dala.end(), background.dalaAccounts().begin(), background.dalaAccounts().end());

    DemoFile bank1 { Bank1StatementWriter::fileName(), QStringLiteral("CSV, UTF-8 with BOM, ','"), QString(),
                     QStringLiteral("Dala Bank: statements of the three collectors and %1 other customers in one "
                                    "file (Account column), signed amounts, running balance; two broken rows.")
                         .arg(dala.size() - 3),
                     QStringLiteral("csv"), QString() };
    const int rows1 = Bank1StatementWriter::write(out.filePath(bank1.fileName), ledger, dala, facts);
    facts.addFile(fileJson(bank1, rows1, QStringLiteral("UTF-8")));
    files.push_back(bank1);

    DemoFile bank2 { Bank2VypiskaWriter::fileName(), QStringLiteral("CSV, Windows-1251, ';'"),
                     Bank2VypiskaWriter::mappingFileName(),
                     QStringLiteral("Saryarka Bank: 1C-style statement of the fund's account (debit/credit columns, "
                                    "title and total lines); the account itself comes from the mapping."),
                     QStringLiteral("csv"), QString() };
    const int rows2 = Bank2VypiskaWriter::write(out.filePath(bank2.fileName), ledger, story.charityAccount(), facts);
    ExportText::save(out.filePath(bank2.mappingFileName), json(Bank2VypiskaWriter::mapping(ledger, story.charityAccount())));
    facts.addFile(fileJson(bank2, rows2, QStringLiteral("windows-1251")));
    files.push_back(bank2);

    DemoFile wallet { WalletRegistryWriter::fileName(), QStringLiteral("TSV, UTF-16LE with BOM, tab"),
                      WalletRegistryWriter::mappingFileName(),
                      QStringLiteral("TezPay registry of wallet transfers (times in UTC): donations to the fund, "
                                     "cash pick-ups abroad, person-to-person transfers."),
                      QStringLiteral("csv"), QString() };
    const int rows3 = WalletRegistryWriter::write(out.filePath(wallet.fileName), ledger);
    ExportText::save(out.filePath(wallet.mappingFileName), json(WalletRegistryWriter::mapping()));
    facts.addFile(fileJson(wallet, rows3, QStringLiteral("UTF-16LE")));
    files.push_back(wallet);

    // The files in the newer formats look at the same story from other institutions. They are
    // written after the three original exports and draw from their own random streams, so those
    // stay byte for byte what they were.
    cast.charity = story.charityAccount();
    const std::vector<int> collectors = story.dalaAccounts();
    cast.cashOut = collectors[0];
    cast.walletSender = collectors[1];
    cast.structurer = collectors[2];
    for (int i = cast.storyBegin; i < cast.storyEnd; ++i) {
        if (ledger.account(i).wallet && ledger.account(i).party == ledger.account(cast.walletSender).party)
            cast.walletSenderWallet = i;
    }

    const auto add = [&](const DemoFile &file, int rows, const QString &encoding) {
        facts.addFile(fileJson(file, rows, encoding));
        files.push_back(file);
    };
    const DemoFile oneC = demoFile(OneCStatementWriter::fileName(), QStringLiteral("1c"),
                                   QStringLiteral("1CClientBankExchange 1.03, Windows-1251"),
                                   QStringLiteral("Altyn Kopir Bank: 1C exchange file of collector B's second account, "
                                                  "one section per month; the July section does not continue June's "
                                                  "closing balance (statement gap)."));
    add(oneC, OneCStatementWriter::write(out.filePath(oneC.fileName), ledger, cast, m_seed, facts), QStringLiteral("windows-1251"));
    const DemoFile mt940 = demoFile(Mt940StatementWriter::fileName(), QStringLiteral("mt940"),
                                    QStringLiteral("SWIFT MT940, ASCII"),
                                    QStringLiteral("Saryarka Bank: monthly MT940 statements of the fund's USD account: "
                                                   "foreign donations passed on to Turkey and the UAE."));
    add(mt940, Mt940StatementWriter::write(out.filePath(mt940.fileName), ledger, cast, m_seed, facts), QStringLiteral("ASCII"));
    const DemoFile camt = demoFile(CamtStatementWriter::fileName(), QStringLiteral("camt"),
                                   QStringLiteral("ISO 20022 camt.053.001.02, UTF-8"),
                                   QStringLiteral("Turan Capital Bank: camt.053 statements of collector C's second "
                                                  "account: cash under the threshold, subcontract payments, wires to Turkey."));
    add(camt, CamtStatementWriter::write(out.filePath(camt.fileName), ledger, cast, m_seed, facts), QStringLiteral("UTF-8"));
    const DemoFile str = demoFile(GoAmlReportWriter::fileName(), QStringLiteral("goaml"), QStringLiteral("goAML XML, UTF-8"),
                                  QStringLiteral("Saryarka Bank's suspicious transaction report (STR) about the fund's "
                                                 "payouts to the three collectors."));
    add(str, GoAmlReportWriter::write(out.filePath(str.fileName), ledger, cast, m_seed, facts), QStringLiteral("UTF-8"));
    DemoFile list = demoFile(NationalListWriter::fileName(), QStringLiteral("national-list"),
                             QStringLiteral("CSV, UTF-8, ','"),
                             QStringLiteral("A national list of persons linked to terrorist financing (invented); two "
                                            "entries are case subjects spelled differently."));
    list.listName = NationalListWriter::listName();
    add(list, NationalListWriter::write(out.filePath(list.fileName), ledger, cast, facts), QStringLiteral("UTF-8"));
    const DemoFile xlsx = demoFile(XlsxStatementWriter::fileName(), QStringLiteral("xlsx"),
                                   QStringLiteral("Excel workbook (XLSX), one sheet"),
                                   QStringLiteral("Zhetysu Kapital Bank: Excel statement of a background wholesaler's "
                                                  "account (merged title block, debit/credit columns, Excel dates); "
                                                  "the closing totals row is rejected."));
    add(xlsx, XlsxStatementWriter::write(out.filePath(xlsx.fileName), ledger, cast, m_seed, facts), QStringLiteral("UTF-8"));

    ExportText::save(out.filePath(truthFileName()), json(facts.toJson(m_seed, m_scale)));
    return files;
}

} // namespace fundtrace::demo
