#include "demo/DemoBanks.h"

namespace fundtrace::demo {

const std::vector<DemoBank> &DemoBanks::all()
{
    static const std::vector<DemoBank> banks = {
        { QStringLiteral("dala"), QStringLiteral("АО «Дала Банк»"), QStringLiteral("Dala Bank JSC"),
          QStringLiteral("DALAKZKA"), QStringLiteral("914"), QStringLiteral("KZ") },
        { QStringLiteral("saryarka"), QStringLiteral("АО «Сарыарқа Банк»"), QStringLiteral("Saryarka Bank JSC"),
          QStringLiteral("SRKBKZKA"), QStringLiteral("826"), QStringLiteral("KZ") },
        { QStringLiteral("altyn"), QStringLiteral("АО «Алтын Көпір Банк»"), QStringLiteral("Altyn Kopir Bank JSC"),
          QStringLiteral("AKPRKZKA"), QStringLiteral("733"), QStringLiteral("KZ") },
        { QStringLiteral("turan"), QStringLiteral("АО «Тұран Капитал Банк»"), QStringLiteral("Turan Capital Bank JSC"),
          QStringLiteral("TRCBKZKA"), QStringLiteral("951"), QStringLiteral("KZ") },
        { QStringLiteral("zhetisu"), QStringLiteral("АО «Жетісу Халық Банк»"), QStringLiteral("Zhetisu Khalyk Bank JSC"),
          QStringLiteral("ZHKBKZKA"), QStringLiteral("672"), QStringLiteral("KZ") },
        { QStringLiteral("nomad"), QStringLiteral("АО «Номад Финанс Банк»"), QStringLiteral("Nomad Finance Bank JSC"),
          QStringLiteral("NMFBKZKA"), QStringLiteral("558"), QStringLiteral("KZ") },
        { QStringLiteral("tezpay"), QStringLiteral("ТОО «TezPay»"), QStringLiteral("TezPay LLP"),
          QString(), QStringLiteral("TZP"), QStringLiteral("KZ") },
        { QStringLiteral("gdkb"), QStringLiteral("Güneydoğu Katılım Bankası A.Ş."),
          QStringLiteral("Guneydogu Katilim Bankasi A.S."), QStringLiteral("GDKBTRIS"), QStringLiteral("00287"),
          QStringLiteral("TR") },
        { QStringLiteral("hatay"), QStringLiteral("Hatay Ticaret Bankası A.Ş."), QStringLiteral("Hatay Ticaret Bankasi A.S."),
          QStringLiteral("HTTBTRIS"), QStringLiteral("00293"), QStringLiteral("TR") },
        { QStringLiteral("gulf"), QStringLiteral("Gulf Crescent Bank PJSC"), QStringLiteral("Gulf Crescent Bank PJSC"),
          QStringLiteral("GCRBAEAD"), QStringLiteral("047"), QStringLiteral("AE") },
    };
    return banks;
}

const DemoBank &DemoBanks::byKey(const QString &key)
{
    for (const DemoBank &bank : all()) {
        if (bank.key == key)
            return bank;
    }
    return all().front();
}

const std::vector<QString> &DemoBanks::domesticKeys()
{
    static const std::vector<QString> keys = { QStringLiteral("dala"), QStringLiteral("altyn"), QStringLiteral("turan"),
                                               QStringLiteral("zhetisu"), QStringLiteral("nomad"),
                                               QStringLiteral("saryarka") };
    return keys;
}

} // namespace fundtrace::demo
