#include "demo/NationalListWriter.h"

#include "demo/ExportText.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fundtrace::demo {

namespace {

QString row(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields)
        quoted << ExportText::quoted(field, QLatin1Char(','));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString dottedBirthDate(const QString &iin)
{
    const int century = iin.at(6).digitValue() <= 4 ? 1900 : 2000;
    return QStringLiteral("%1.%2.%3").arg(iin.mid(4, 2), iin.mid(2, 2)).arg(century + iin.left(2).toInt());
}

} // namespace

int NationalListWriter::write(const QString &path, const DemoLedger &ledger, const DemoCast &cast, DemoFacts &facts)
{
    const DemoParty &structurer = ledger.holder(cast.structurer);
    QString text = row({ QStringLiteral("Full name"), QStringLiteral("Aliases"), QStringLiteral("Birth date"),
                         QStringLiteral("Nationality"), QStringLiteral("Document"), QStringLiteral("Type"),
                         QStringLiteral("Reference"), QStringLiteral("Listed on"), QStringLiteral("Programme"),
                         QStringLiteral("Remarks") });
    const QString programme = QStringLiteral("financing of terrorism");
    // Collector C as the list prints him: Latin letters, a "kh" for the Cyrillic "х" and the
    // patronymic spelled "Ilyasovich".
    const QString listedCollector = QStringLiteral("AKHMEDOV Timur Ilyasovich");
    const QString listedRecipient = QStringLiteral("ABDULKERIM HAJJI OMAR");
    const QList<QStringList> rows = {
        { QStringLiteral("Сейдахметов Бауыржан Ерланович"), QStringLiteral("Seidakhmetov Bauyrzhan; Абу Хамза"),
          QStringLiteral("03.02.1989"), QStringLiteral("KZ"), QStringLiteral("passport N11873420"), QStringLiteral("person"),
          QStringLiteral("KZ-FT-0417"), QStringLiteral("12.05.2021"), programme, QStringLiteral("fictional demo entry") },
        { listedCollector, QStringLiteral("Akhmedov Timur; Timur Shymkentskiy; Abu Ilyas"), dottedBirthDate(structurer.taxId),
          QStringLiteral("KZ"), QStringLiteral("passport N13392871"), QStringLiteral("person"), QStringLiteral("KZ-FT-0522"),
          QStringLiteral("02.04.2024"), programme,
          QStringLiteral("fictional demo entry; moves funds to persons in the Turkish-Syrian border area") },
        { QStringLiteral("Кадырбекова Жанар Маликовна"), QStringLiteral("Kadyrbekova Zhanar"), QStringLiteral("19.11.1993"),
          QStringLiteral("KZ"), QString(), QStringLiteral("person"), QStringLiteral("KZ-FT-0431"), QStringLiteral("30.09.2021"),
          programme, QStringLiteral("fictional demo entry") },
        { listedRecipient, QStringLiteral("Abdulkerim Haji Omer; Abu Omar al-Halabi"), QStringLiteral("1979"), QStringLiteral("SY"),
          QString(), QStringLiteral("person"), QStringLiteral("KZ-FT-0530"), QStringLiteral("02.04.2024"), programme,
          QStringLiteral("fictional demo entry; receives cash transfers in Reyhanli, Hatay, Turkey") },
        { QStringLiteral("Тохтасинов Азамат Рахимович"), QString(), QStringLiteral("27.06.1984"), QStringLiteral("KZ"),
          QStringLiteral("passport N09162554"), QStringLiteral("person"), QStringLiteral("KZ-FT-0388"), QStringLiteral("14.02.2020"),
          programme, QStringLiteral("fictional demo entry") },
        { QStringLiteral("Мусаев Ильдар Фаридович"), QStringLiteral("Musayev Ildar; Ildar Musaev"), QStringLiteral("08.08.1996"),
          QStringLiteral("RU"), QString(), QStringLiteral("person"), QStringLiteral("KZ-FT-0465"), QStringLiteral("21.03.2022"),
          programme, QStringLiteral("fictional demo entry") },
        { QStringLiteral("ОО «Нұрлы Жол Сауапты Іс»"), QStringLiteral("Nurly Zhol Sauapty Is; Нурлы Жол"), QString(),
          QStringLiteral("KZ"), QString(), QStringLiteral("organisation"), QStringLiteral("KZ-FT-0502"), QStringLiteral("18.10.2023"),
          programme, QStringLiteral("fictional demo entry; dissolved 2023") },
    };
    for (const QStringList &r : rows)
        text += row(r);
    ExportText::save(path, text.toUtf8());

    facts.setValue(QStringLiteral("nationalList"),
                   QJsonObject { { QStringLiteral("file"), fileName() },
                                 { QStringLiteral("listName"), listName() },
                                 { QStringLiteral("entries"), static_cast<int>(rows.size()) },
                                 { QStringLiteral("expectedHits"),
                                   QJsonArray { QJsonObject { { QStringLiteral("listed"), listedCollector },
                                                              { QStringLiteral("subject"), QStringLiteral("collectorC") },
                                                              { QStringLiteral("asInCase"), structurer.name },
                                                              { QStringLiteral("why"), QStringLiteral("same person transliterated; birth date matches the IIN") } },
                                                QJsonObject { { QStringLiteral("listed"), listedRecipient },
                                                              { QStringLiteral("subject"), QStringLiteral("recipientReyhanli") },
                                                              { QStringLiteral("asInCase"), QStringLiteral("Abdulkerim Haci Omer") },
                                                              { QStringLiteral("why"), QStringLiteral("Turkish vs Arabic spelling of the same name") } } } } });
    return static_cast<int>(rows.size());
}

} // namespace fundtrace::demo
