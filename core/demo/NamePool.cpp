#include "demo/NamePool.h"

namespace fundtrace::demo {

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

const QStringList &kazakhMale()
{
    static const QStringList names = list({ "Арман", "Ерлан", "Нұрлан", "Данияр", "Асхат", "Бауыржан", "Ержан",
                                            "Айдос", "Мұрат", "Санжар", "Дәурен", "Қайрат", "Серік", "Талғат",
                                            "Әлихан", "Ерболат", "Жандос", "Ғалым", "Темірлан", "Азамат", "Бекзат",
                                            "Диас", "Ернұр", "Мирас", "Нұржан", "Олжас", "Рустем", "Самат",
                                            "Тимур", "Ілияс", "Аслан", "Ерасыл" });
    return names;
}

const QStringList &kazakhFemale()
{
    static const QStringList names = list({ "Айгерім", "Динара", "Гүлнар", "Әсел", "Жанар", "Мадина", "Сәуле",
                                            "Ақмарал", "Аружан", "Гаухар", "Назерке", "Салтанат", "Жұлдыз",
                                            "Ләззат", "Алия", "Камила", "Аяулым", "Дана", "Жансая", "Индира",
                                            "Меруерт", "Томирис", "Айжан", "Балжан", "Шынар", "Ботагөз" });
    return names;
}

const QStringList &kazakhFathers()
{
    static const QStringList names = list({ "Серік", "Ерлан", "Болат", "Марат", "Нұрлан", "Қайрат", "Талғат",
                                            "Асылбек", "Бақыт", "Ержан", "Жұмабек", "Мұхтар", "Қанат", "Арман",
                                            "Берік", "Дәурен", "Мұратбек", "Бауыржан", "Сұлтан", "Ерик", "Нұрбол",
                                            "Ғани", "Әділ", "Ринат" });
    return names;
}

const QStringList &kazakhSurnames()
{
    static const QStringList names = list({ "Ахметов", "Жумабаев", "Сулейменов", "Нурпеисов", "Касымов",
                                            "Абенов", "Туребаев", "Искаков", "Оспанов", "Байжанов", "Тлеубаев",
                                            "Мухамеджанов", "Есенов", "Серикбаев", "Калиев", "Омаров", "Садыков",
                                            "Бекетов", "Жакупов", "Темирбеков", "Утепов", "Дуйсенов",
                                            "Кенжебаев", "Абдрахманов", "Ермеков", "Сапаров", "Нуртазин",
                                            "Рахимов", "Мамыров", "Толеуов", "Смагулов", "Жаксылыков",
                                            "Кудайбергенов", "Шарипов", "Ибраев", "Сеитов", "Алимжанов",
                                            "Бектуров", "Ержанов", "Қожахметов" });
    return names;
}

const QStringList &russianMale()
{
    static const QStringList names = list({ "Алексей", "Дмитрий", "Сергей", "Андрей", "Игорь", "Виктор", "Павел",
                                            "Олег", "Николай", "Евгений", "Максим", "Артём", "Владимир",
                                            "Константин", "Роман", "Денис" });
    return names;
}

const QStringList &russianFemale()
{
    static const QStringList names = list({ "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна",
                                            "Марина", "Юлия", "Екатерина", "Оксана", "Валентина", "Людмила",
                                            "Алёна", "Ксения", "Дарья" });
    return names;
}

const QStringList &russianFathers()
{
    static const QStringList names = list({ "Сергей", "Андрей", "Николай", "Алексей", "Виктор", "Александр",
                                            "Владимир", "Иван", "Олег", "Борис", "Игорь", "Пётр", "Степан",
                                            "Фёдор", "Геннадий", "Юрий" });
    return names;
}

const QStringList &russianSurnames()
{
    static const QStringList names = list({ "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев",
                                            "Соколов", "Морозов", "Волков", "Лебедев", "Новиков", "Фёдоров",
                                            "Козлов", "Егоров", "Павлов", "Семёнов", "Голубев", "Виноградов",
                                            "Богданов", "Воробьёв", "Ткаченко", "Шевченко", "Бондаренко",
                                            "Зайцев", "Никитин" });
    return names;
}

const QStringList &koreanSurnames()
{
    static const QStringList names = list({ "Ким", "Пак", "Цой", "Тен", "Ли", "Хван", "Шин", "Югай" });
    return names;
}

const QStringList &uzbekMale()
{
    static const QStringList names = list({ "Бахтиёр", "Шерзод", "Рустам", "Дилшод", "Фаррух", "Улугбек",
                                            "Абдулла", "Равшан", "Азиз" });
    return names;
}

const QStringList &uzbekFemale()
{
    static const QStringList names = list({ "Дильноза", "Гулноза", "Зарина", "Нилуфар", "Шахноза", "Мунира",
                                            "Феруза" });
    return names;
}

const QStringList &uzbekFathers()
{
    static const QStringList names = list({ "Рахим", "Анвар", "Алишер", "Ильхом", "Хуршид", "Бахром", "Тахир",
                                            "Ахмад" });
    return names;
}

const QStringList &uzbekSurnames()
{
    static const QStringList names = list({ "Юсупов", "Хамраев", "Масимов", "Турсунов", "Мирзаев", "Рахманов",
                                            "Абдуллаев", "Исмаилов", "Ахмедов", "Насыров" });
    return names;
}

} // namespace

QString NamePool::russify(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        switch (c.unicode()) {
        case u'Ә': c = u'А'; break;
        case u'ә': c = u'а'; break;
        case u'Ғ': c = u'Г'; break;
        case u'ғ': c = u'г'; break;
        case u'Қ': c = u'К'; break;
        case u'қ': c = u'к'; break;
        case u'Ң': c = u'Н'; break;
        case u'ң': c = u'н'; break;
        case u'Ө': c = u'О'; break;
        case u'ө': c = u'о'; break;
        case u'Ұ': c = u'У'; break;
        case u'ұ': c = u'у'; break;
        case u'Ү': c = u'У'; break;
        case u'ү': c = u'у'; break;
        case u'Һ': c = u'Х'; break;
        case u'һ': c = u'х'; break;
        case u'І': c = u'И'; break;
        case u'і': c = u'и'; break;
        default: break;
        }
    }
    return out;
}

QString NamePool::inflectSurname(const QString &maleSurname, bool male)
{
    if (male)
        return maleSurname;
    static const QStringList endings = { QStringLiteral("ов"), QStringLiteral("ев"), QStringLiteral("ёв"),
                                         QStringLiteral("ин"), QStringLiteral("ын") };
    for (const QString &ending : endings) {
        if (maleSurname.endsWith(ending))
            return maleSurname + QStringLiteral("а");
    }
    return maleSurname;
}

QString NamePool::russianPatronymic(const QString &fatherName, bool male)
{
    const QString father = russify(fatherName);
    if (father.endsWith(QStringLiteral("ий"))) // Геннадий -> Геннадьевич, Юрий -> Юрьевич
        return father.chopped(2) + (male ? QStringLiteral("ьевич") : QStringLiteral("ьевна"));
    if (father.endsWith(QStringLiteral("ей")) || father.endsWith(QStringLiteral("ай")))
        return father.chopped(1) + (male ? QStringLiteral("евич") : QStringLiteral("евна"));
    if (father.endsWith(QStringLiteral("ь")))
        return father.chopped(1) + (male ? QStringLiteral("евич") : QStringLiteral("евна"));
    if (father == QStringLiteral("Пётр"))
        return male ? QStringLiteral("Петрович") : QStringLiteral("Петровна");
    if (father.endsWith(QStringLiteral("и"))) // Гани -> Ганиевич
        return father + (male ? QStringLiteral("евич") : QStringLiteral("евна"));
    return father + (male ? QStringLiteral("ович") : QStringLiteral("овна"));
}

PersonName NamePool::person(DemoRandom &rng, bool male)
{
    static const std::vector<int> weights = { 66, 22, 5, 7 };
    return person(rng, male, static_cast<Origin>(rng.weighted(weights)));
}

PersonName NamePool::person(DemoRandom &rng, bool male, Origin origin)
{
    PersonName name;
    name.male = male;
    switch (origin) {
    case Origin::Kazakh: {
        name.given = rng.pick(male ? kazakhMale() : kazakhFemale());
        name.surname = inflectSurname(rng.pick(kazakhSurnames()), male);
        const QString father = rng.pick(kazakhFathers());
        // Younger Kazakhs increasingly use the Kazakh form; a few have no patronymic on record.
        const int style = rng.weighted({ 78, 14, 8 });
        if (style == 0)
            name.patronymic = russianPatronymic(father, male);
        else if (style == 1)
            name.patronymic = father + (male ? QStringLiteral("ұлы") : QStringLiteral("қызы"));
        break;
    }
    case Origin::Russian:
    case Origin::Korean:
        name.given = rng.pick(male ? russianMale() : russianFemale());
        name.surname = origin == Origin::Korean ? rng.pick(koreanSurnames())
                                                : inflectSurname(rng.pick(russianSurnames()), male);
        name.patronymic = russianPatronymic(rng.pick(russianFathers()), male);
        break;
    case Origin::Uzbek:
        name.given = rng.pick(male ? uzbekMale() : uzbekFemale());
        name.surname = inflectSurname(rng.pick(uzbekSurnames()), male);
        name.patronymic = russianPatronymic(rng.pick(uzbekFathers()), male);
        break;
    }
    return name;
}

PersonName NamePool::relative(DemoRandom &rng, const PersonName &of, bool male)
{
    PersonName name = person(rng, male);
    QString base = of.surname;
    if (!of.male && base.endsWith(QStringLiteral("а")) && inflectSurname(base.chopped(1), false) == base)
        base.chop(1);
    name.surname = inflectSurname(base, male);
    return name;
}

} // namespace fundtrace::demo
