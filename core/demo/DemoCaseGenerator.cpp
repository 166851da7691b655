#include "demo/DemoCaseGenerator.h"

#include "demo/BackgroundActivity.h"
#include "demo/Bank1StatementWriter.h"
#include "demo/Bank2VypiskaWriter.h"
#include "demo/CityDirectory.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"
#include "demo/DemoStory.h"
#include "demo/ExportText.h"
#include "demo/WalletRegistryWriter.h"

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
                         { QStringLiteral("description"), file.description } };
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
                         .arg(dala.size() - 3) };
    const int rows1 = Bank1StatementWriter::write(out.filePath(bank1.fileName), ledger, dala, facts);
    facts.addFile(fileJson(bank1, rows1, QStringLiteral("UTF-8")));
    files.push_back(bank1);

    DemoFile bank2 { Bank2VypiskaWriter::fileName(), QStringLiteral("CSV, Windows-1251, ';'"),
                     Bank2VypiskaWriter::mappingFileName(),
                     QStringLiteral("Saryarka Bank: 1C-style statement of the fund's account (debit/credit columns, "
                                    "title and total lines); the account itself comes from the mapping.") };
    const int rows2 = Bank2VypiskaWriter::write(out.filePath(bank2.fileName), ledger, story.charityAccount(), facts);
    ExportText::save(out.filePath(bank2.mappingFileName), json(Bank2VypiskaWriter::mapping(ledger, story.charityAccount())));
    facts.addFile(fileJson(bank2, rows2, QStringLiteral("windows-1251")));
    files.push_back(bank2);

    DemoFile wallet { WalletRegistryWriter::fileName(), QStringLiteral("TSV, UTF-16LE with BOM, tab"),
                      WalletRegistryWriter::mappingFileName(),
                      QStringLiteral("TezPay registry of wallet transfers (times in UTC): donations to the fund, "
                                     "cash pick-ups abroad, person-to-person transfers.") };
    const int rows3 = WalletRegistryWriter::write(out.filePath(wallet.fileName), ledger);
    ExportText::save(out.filePath(wallet.mappingFileName), json(WalletRegistryWriter::mapping()));
    facts.addFile(fileJson(wallet, rows3, QStringLiteral("UTF-16LE")));
    files.push_back(wallet);

    ExportText::save(out.filePath(truthFileName()), json(facts.toJson(m_seed, m_scale)));
    return files;
}

} // namespace fundtrace::demo
