// Name screening: accuracy on real list names and speed at list scale.
//
// (a) Accuracy: every person and organisation in bench/data/un-sample.tsv (real OFAC SDN entries,
//     see bench/data/README.md) plus synthetic Kazakh/Russian national-list entries is screened in
//     several spellings it was never indexed under: transliterated to Cyrillic (and folded back by the
//     normalizer's own convention), tokens reordered, one typo, first name as an initial, Kazakh and
//     Russian patronymic/surname variants. Prints top-1 accuracy and false hits per query at the
//     default threshold, recall/precision at three thresholds, and false hits on invented innocent
//     Kazakh/Russian names (core/demo/NamePool).
// (b) Speed: a 20 000-entry list (the real entries plus synthetic ones composed from the name parts
//     in bench/data/name-parts.txt)
//     and 100 000 subject names; prints index build time, normalisation rate and screening rate.
//
// Usage: bench_screening [--accuracy-only | --speed-only] [entries=20000] [queries=100000] [threads=0]

#include "demo/DemoRandom.h"
#include "demo/NamePool.h"
#include "names/NameNormalizer.h"
#include "screening/ScreeningIndex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QThread>
#include <QSet>
#include <QTextStream>

#include <cstdio>

using namespace fundtrace;
using screening::ListEntry;
using screening::ListName;
using screening::ScreeningHit;
using screening::ScreeningIndex;
using screening::ScreeningQuery;

namespace {

QVector<ListEntry> loadSample(const QString &path)
{
    QVector<ListEntry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return entries;
    }
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 3)
            continue;
        ListEntry e;
        e.entryId = f[0].toLongLong();
        e.listName = QStringLiteral("OFAC SDN (sample)");
        e.kind = f[1];
        e.names << ListName { f[2], QStringLiteral("primary") };
        for (const QString &alias : f.value(3).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            QString a = alias.trimmed();
            QString kind = QStringLiteral("aka");
            for (const char *prefix : { "weak:", "fka:" })
                if (a.startsWith(QLatin1String(prefix))) {
                    kind = QString::fromLatin1(prefix).chopped(1);
                    a = a.mid(int(qstrlen(prefix)));
                }
            if (!a.isEmpty())
                e.names << ListName { a, kind };
        }
        for (const QString &d : f.value(4).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            e.birthDates << d.trimmed();
        if (!f.value(5).trimmed().isEmpty())
            e.nationalities << f.value(5).trimmed();
        entries << e;
    }
    return entries;
}

// Latin -> Russian Cyrillic the way a Russian-language clerk would write a foreign name.
QString toCyrillic(const QString &latin)
{
    static const QVector<QPair<QString, QString>> multi = {
        { "shch", "щ" }, { "sh", "ш" }, { "ch", "ч" }, { "kh", "х" }, { "zh", "ж" }, { "ts", "ц" },
        { "ya", "я" },   { "yu", "ю" }, { "yo", "ё" }, { "ye", "е" }, { "ee", "и" }, { "oo", "у" },
        { "ou", "у" },   { "th", "т" }, { "dh", "з" }, { "gh", "г" }, { "ph", "ф" }, { "ck", "к" },
    };
    static const QMap<QChar, QString> single = {
        { 'a', "а" }, { 'b', "б" }, { 'c', "к" }, { 'd', "д" }, { 'e', "е" }, { 'f', "ф" }, { 'g', "г" },
        { 'h', "х" }, { 'i', "и" }, { 'j', "дж" }, { 'k', "к" }, { 'l', "л" }, { 'm', "м" }, { 'n', "н" },
        { 'o', "о" }, { 'p', "п" }, { 'q', "к" }, { 'r', "р" }, { 's', "с" }, { 't', "т" }, { 'u', "у" },
        { 'v', "в" }, { 'w', "в" }, { 'x', "кс" }, { 'y', "й" }, { 'z', "з" },
    };
    QString name = latin;
    if (const qsizetype comma = name.indexOf(QLatin1Char(',')); comma > 0)
        name = name.left(comma) + name.mid(comma + 1);
    const QString s = name.toLower();
    QString out;
    bool wordStart = true;
    for (qsizetype i = 0; i < s.size();) {
        bool done = false;
        for (const auto &[from, to] : multi) {
            if (s.mid(i, from.size()) == from) {
                out += wordStart ? to.toUpper() : to;
                i += from.size();
                done = true;
                break;
            }
        }
        if (!done) {
            const QChar c = s[i];
            QString to = single.value(c);
            // y between consonants or at the end is a vowel: "Yasyn" -> "Ясын", "Aliy" -> "Алий"
            if (c == QLatin1Char('y') && i > 0 && i + 1 < s.size() && !QStringLiteral("aeiou").contains(s[i - 1])
                && !QStringLiteral("aeiou").contains(s[i + 1]))
                to = QStringLiteral("ы");
            if (to.isEmpty())
                to = (c == QLatin1Char('\'') || c == QLatin1Char('-')) ? QString() : QString(c);
            out += wordStart ? to.left(1).toUpper() + to.mid(1) : to;
            ++i;
        }
        wordStart = !out.isEmpty() && !out.back().isLetter();
    }
    return out;
}

QString naturalOrder(const QString &written)
{
    const qsizetype comma = written.indexOf(QLatin1Char(','));
    if (comma <= 0 || written.indexOf(QLatin1Char(','), comma + 1) >= 0)
        return written;
    return written.mid(comma + 1).trimmed() + QLatin1Char(' ') + written.left(comma).trimmed();
}

QStringList words(const QString &s)
{
    return s.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

QString typo(const QString &name, demo::DemoRandom &rng)
{
    QStringList w = words(name);
    QVector<int> candidates;
    for (int i = 0; i < w.size(); ++i)
        if (w[i].size() >= 4)
            candidates << i;
    if (candidates.isEmpty())
        return {};
    const int t = candidates[int(rng.uniform(0, candidates.size() - 1))];
    QString token = w[t];
    const int pos = int(rng.uniform(1, token.size() - 2));
    static const QString letters = QStringLiteral("abcdefghiklmnoprstuvyz");
    const QChar randomLetter = letters[int(rng.uniform(0, letters.size() - 1))];
    switch (rng.uniform(0, 3)) {
    case 0: token.insert(pos, token[pos].isUpper() ? randomLetter.toUpper() : randomLetter); break;
    case 1: token.remove(pos, 1); break;
    case 2: token[pos] = token[pos].isUpper() ? randomLetter.toUpper() : randomLetter; break;
    default: std::swap(token[pos], token[pos + 1]); break;
    }
    w[t] = token;
    return w.join(QLatin1Char(' '));
}

struct Variant {
    QString type;
    ScreeningQuery query;
    qint64 entryId;
};

// Kazakh/Russian synthetic national-list entries, written in Cyrillic as the national list does.
QVector<ListEntry> syntheticNational(int count, qint64 firstId, quint64 seed, QVector<demo::PersonName> *people)
{
    QVector<ListEntry> out;
    demo::DemoRandom rng(seed);
    for (int i = 0; i < count; ++i) {
        const bool male = rng.chance(600);
        const demo::PersonName p = demo::NamePool::person(rng, male);
        ListEntry e;
        e.entryId = firstId + i;
        e.listName = QStringLiteral("national (synthetic)");
        e.kind = QStringLiteral("person");
        e.names << ListName { p.full(), QStringLiteral("primary") };
        e.birthDates << QStringLiteral("%1-%2-%3")
                            .arg(rng.uniform(1950, 2002))
                            .arg(rng.uniform(1, 12), 2, 10, QLatin1Char('0'))
                            .arg(rng.uniform(1, 28), 2, 10, QLatin1Char('0'));
        e.nationalities << QStringLiteral("KZ");
        out << e;
        if (people)
            *people << p;
    }
    return out;
}

// Latin spelling of a Cyrillic name as a Kazakh passport or a foreign bank writes it; a different
// convention from the normalizer's (ay/yev/ii) on purpose.
QString passportLatin(const QString &cyrillic)
{
    static const QMap<QChar, QString> map = {
        { u'а', "a" }, { u'б', "b" }, { u'в', "v" }, { u'г', "g" }, { u'д', "d" }, { u'е', "e" }, { u'ё', "yo" },
        { u'ж', "zh" }, { u'з', "z" }, { u'и', "i" }, { u'й', "i" }, { u'к', "k" }, { u'л', "l" }, { u'м', "m" },
        { u'н', "n" }, { u'о', "o" }, { u'п', "p" }, { u'р', "r" }, { u'с', "s" }, { u'т', "t" }, { u'у', "u" },
        { u'ф', "f" }, { u'х', "h" }, { u'ц', "c" }, { u'ч', "ch" }, { u'ш', "sh" }, { u'щ', "sch" }, { u'ъ', "" },
        { u'ы', "y" }, { u'ь', "" }, { u'э', "e" }, { u'ю', "iu" }, { u'я', "ia" }, { u'ә', "ae" }, { u'ғ', "gh" },
        { u'қ', "q" }, { u'ң', "ng" }, { u'ө', "oe" }, { u'ұ', "u" }, { u'ү', "ue" }, { u'һ', "h" }, { u'і', "i" },
    };
    QString out;
    bool start = true;
    for (const QChar ch : cyrillic) {
        const QChar l = ch.toLower();
        QString to = map.contains(l) ? map.value(l) : QString(ch);
        if (l == u'е' && start)
            to = QStringLiteral("ye");
        out += start ? to.left(1).toUpper() + to.mid(1) : to;
        start = !ch.isLetter();
    }
    return out;
}

QString kazakhPatronymic(const demo::PersonName &p)
{
    // "Серикович" -> "Серік ұлы" style: stem + ұлы / қызы
    QString stem = p.patronymic;
    for (const char *end : { "ович", "евич", "овна", "евна", "ұлы", "қызы" })
        if (stem.endsWith(QString::fromUtf8(end))) {
            stem.chop(QString::fromUtf8(end).size());
            break;
        }
    return stem + (p.male ? QString::fromUtf8("ұлы") : QString::fromUtf8("қызы"));
}

QVector<Variant> makeVariants(const QVector<ListEntry> &real, const QVector<ListEntry> &national,
                              const QVector<demo::PersonName> &nationalPeople, quint64 seed)
{
    QVector<Variant> out;
    demo::DemoRandom rng(seed);
    for (const ListEntry &e : real) {
        // Strong names only: weak a.k.a.s ("THE CHESS PLAYER") are not how a bank writes a client.
        QStringList strong;
        for (const ListName &n : e.names)
            if (n.nameKind != QLatin1String("weak") && words(n.name).size() >= 2)
                strong << n.name;
        if (strong.isEmpty())
            continue;
        const QString name = strong[int(rng.uniform(0, strong.size() - 1))];
        const QString natural = naturalOrder(name);
        const bool person = e.kind == QLatin1String("person");
        const QString dob = person && !e.birthDates.isEmpty() && rng.chance(500) ? e.birthDates.front().left(4) : QString();
        const auto add = [&](const char *type, const QString &text) {
            if (!text.isEmpty())
                out << Variant { QString::fromLatin1(type), ScreeningQuery { text, dob, {}, {} }, e.entryId };
        };
        add("as listed", name);
        add("Cyrillic", toCyrillic(natural));
        QStringList w = words(natural);
        std::reverse(w.begin(), w.end());
        add("reordered", w.join(QLatin1Char(' ')));
        add("one typo", typo(natural, rng));
        if (person) {
            QStringList nw = words(natural);
            if (nw.size() >= 2 && nw[0].size() > 1) {
                nw[0] = nw[0].left(1) + QLatin1Char('.');
                add("initial", nw.join(QLatin1Char(' ')));
            }
        }
    }
    for (qsizetype i = 0; i < national.size(); ++i) {
        const demo::PersonName &p = nationalPeople[i];
        const qint64 id = national[i].entryId;
        const QString dob = rng.chance(500) ? national[i].birthDates.front().left(4) : QString();
        const auto add = [&](const char *type, const QString &text) {
            out << Variant { QString::fromLatin1(type), ScreeningQuery { text, dob, {}, {} }, id };
        };
        add("KZ: passport Latin", passportLatin(p.given + QLatin1Char(' ') + p.surname));
        if (!p.patronymic.isEmpty())
            add("KZ: patronymic style", p.surname + QLatin1Char(' ') + p.given + QLatin1Char(' ') + kazakhPatronymic(p));
        add("KZ: initials", p.initials());
        add("KZ: typo", typo(passportLatin(p.full()), rng));
    }
    return out;
}

struct Tally {
    int queries = 0;
    int top1 = 0;
    int falseHits = 0;
};

void accuracy(const QVector<ListEntry> &real)
{
    QVector<demo::PersonName> people;
    const QVector<ListEntry> national = syntheticNational(300, 900000, 11, &people);
    QVector<ListEntry> list = real;
    list += national;
    const ScreeningIndex index(list);
    const QVector<Variant> variants = makeVariants(real, national, people, 5);

    QVector<ScreeningQuery> queries;
    for (const Variant &v : variants)
        queries << v.query;
    const QVector<QVector<ScreeningHit>> results = index.searchMany(queries, 0.0, 20);

    const double threshold = ScreeningIndex::kDefaultThreshold;
    QMap<QString, Tally> byType;
    Tally all;
    QStringList misses;
    QMap<QString, int> missesByType;
    for (qsizetype i = 0; i < variants.size(); ++i) {
        const Variant &v = variants[i];
        Tally &t = byType[v.type];
        const QVector<ScreeningHit> &hits = results[i];
        const bool first = !hits.isEmpty() && hits[0].entryId == v.entryId && hits[0].score >= threshold;
        int wrong = 0;
        for (const ScreeningHit &h : hits)
            if (h.score >= threshold && h.entryId != v.entryId)
                ++wrong;
        for (Tally *x : { &t, &all }) {
            ++x->queries;
            x->top1 += first ? 1 : 0;
            x->falseHits += wrong;
        }
        if (!first && missesByType[v.type]++ < 3)
            misses << QStringLiteral("  %1: '%2' -> %3").arg(v.type, v.query.name,
                                                            hits.isEmpty() ? QStringLiteral("no candidate")
                                                                           : QStringLiteral("#%1 '%2' %3")
                                                                                 .arg(hits[0].entryId)
                                                                                 .arg(hits[0].matchedName)
                                                                                 .arg(hits[0].score, 0, 'f', 1));
    }
    std::printf("Accuracy: %lld real OFAC SDN entries + %lld synthetic national-list entries, %lld queries, "
                "threshold %.0f\n\n", qlonglong(real.size()), qlonglong(national.size()),
                qlonglong(variants.size()), threshold);
    std::printf("  %-24s %8s %10s %18s\n", "variant", "queries", "top-1", "false hits/query");
    const auto print = [](const QString &type, const Tally &t) {
        std::printf("  %-24s %8d %9.1f%% %18.3f\n", qPrintable(type), t.queries, 100.0 * t.top1 / std::max(1, t.queries),
                    double(t.falseHits) / std::max(1, t.queries));
    };
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        print(it.key(), it.value());
    print(QStringLiteral("all"), all);
    std::printf("\n  first misses of each variant:\n%s\n", qPrintable(misses.join(QLatin1Char('\n'))));

    std::printf("\n  threshold   recall  precision  (right entry among hits; right hits / all hits)\n");
    for (const double t : { 70.0, 80.0, 90.0 }) {
        int found = 0, right = 0, total = 0;
        for (qsizetype i = 0; i < variants.size(); ++i) {
            bool got = false;
            for (const ScreeningHit &h : results[i]) {
                if (h.score < t)
                    continue;
                ++total;
                if (h.entryId == variants[i].entryId) {
                    ++right;
                    got = true;
                }
            }
            found += got ? 1 : 0;
        }
        std::printf("  %9.0f  %6.1f%%  %8.1f%%\n", t, 100.0 * found / std::max<qsizetype>(1, variants.size()),
                    100.0 * right / std::max(1, total));
    }

    // Innocents: invented Kazakh/Russian people, in Cyrillic and in passport Latin.
    demo::DemoRandom rng(99);
    QVector<ScreeningQuery> innocents;
    for (int i = 0; i < 2000; ++i) {
        const demo::PersonName p = demo::NamePool::person(rng, rng.chance(500));
        innocents << ScreeningQuery { i % 2 ? p.full() : passportLatin(p.given + QLatin1Char(' ') + p.surname), {}, {}, {} };
    }
    const ScreeningIndex realOnly(real);
    for (const auto &[label, idx] : { std::pair<const char *, const ScreeningIndex *> { "real entries only", &realOnly },
                                      { "real + synthetic national", &index } }) {
        const QVector<QVector<ScreeningHit>> r = idx->searchMany(innocents, threshold, 20);
        int withHit = 0, hitsTotal = 0, namesakes = 0;
        const names::NameNormalizer normalizer;
        QStringList examples;
        for (qsizetype i = 0; i < r.size(); ++i) {
            withHit += r[i].isEmpty() ? 0 : 1;
            hitsTotal += int(r[i].size());
            for (const ScreeningHit &h : r[i]) {
                QStringList a = normalizer.normalize(innocents[i].name).keys;
                QStringList b = normalizer.normalize(h.matchedName).keys;
                a.sort();
                b.sort();
                if (a == b)
                    ++namesakes;
                else if (examples.size() < 4)
                    examples << QStringLiteral("'%1' ~ '%2' %3").arg(innocents[i].name, h.matchedName).arg(h.score, 0, 'f', 1);
            }
        }
        std::printf("\n  innocents vs %s: %lld names, %d with a hit, %.3f false hits/query (%d of them namesakes "
                    "with the same name)\n", label, qlonglong(innocents.size()), withHit,
                    double(hitsTotal) / double(innocents.size()), namesakes);
        for (const QString &e : std::as_const(examples))
            std::printf("    %s\n", qPrintable(e));
    }
}

// Name parts for the synthetic part of the speed list (bench/data/name-parts.txt): a few hundred
// given names and, composed from stems and endings, thousands of family names of the origins that
// UN, OFAC and EU lists cover. A real 20 000-entry list shares few whole names; a list built from a
// few dozen parts would give every query thousands of genuine token-sharing candidates.
class SyntheticNames {
public:
    explicit SyntheticNames(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
            return;
        }
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine();
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (line.startsWith(QLatin1Char('#')) || colon <= 0)
                continue;
            QStringList parts = line.mid(colon + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (QString &w : parts)
                w.replace(QLatin1Char('_'), QLatin1Char(' '));
            m_parts.insert(line.left(colon).trimmed(), parts);
        }
    }
    bool isEmpty() const { return m_parts.isEmpty(); }

    // Distinct family names the generator can produce, for the README.
    qsizetype familyNameCount() const
    {
        return part("arabic_nisba_stem").size() + part("arabic_family").size()
            + part("central_asian_stem").size() * part("central_asian_suffix").size()
            + part("russian_stem").size() * part("russian_suffix").size()
            + part("turkish_prefix").size() * part("turkish_suffix").size()
            + part("south_asian_stem").size() * part("south_asian_suffix").size();
    }
    qsizetype givenNameCount() const
    {
        return part("arabic_given").size() + part("central_asian_given").size() + part("russian_given").size()
            + part("turkish_given").size() + part("south_asian_given").size();
    }

    // A list entry's names: the primary as lists write it, plus aliases (other spellings, a kunya,
    // the original script).
    ListEntry entry(demo::DemoRandom &rng, qint64 id) const
    {
        ListEntry e;
        e.entryId = id;
        e.listName = QStringLiteral("synthetic");
        e.kind = QStringLiteral("person");
        const int origin = rng.weighted({ 40, 18, 8, 8, 10, 16 });
        QString given;
        switch (origin) {
        case 0: { // Arabic: FAMILY, Given Father [Grandfather]
            given = pick(rng, "arabic_given");
            const QString family = arabicFamily(rng);
            QString rest = given + QLatin1Char(' ') + pick(rng, "arabic_given");
            if (rng.chance(400))
                rest += QLatin1Char(' ') + pick(rng, "arabic_given");
            const QString primary = family.toUpper() + QStringLiteral(", ") + rest;
            e.names << ListName { primary, QStringLiteral("primary") };
            for (int a = int(rng.uniform(0, 3)); a > 0; --a)
                e.names << ListName { respell(primary, rng), QStringLiteral("aka") };
            if (rng.chance(300))
                e.names << ListName { QStringLiteral("Abu ") + pick(rng, "arabic_given"), QStringLiteral("weak") };
            if (rng.chance(200))
                e.names << ListName { given + QStringLiteral(" bin ") + pick(rng, "arabic_given") + QLatin1Char(' ')
                                              + family, QStringLiteral("aka") };
            break;
        }
        case 1:
        case 2: { // Central Asian or Russian: SURNAME Given Patronymic, with the Cyrillic original
            const bool ca = origin == 1;
            given = pick(rng, ca ? "central_asian_given" : "russian_given");
            const QString surname = ca ? pick(rng, "central_asian_stem") + pick(rng, "central_asian_suffix")
                                       : pick(rng, "russian_stem") + pick(rng, "russian_suffix");
            const QString father = pick(rng, ca ? "central_asian_given" : "russian_given");
            const QString patronymic = ca && rng.chance(400) ? father + QStringLiteral(" uly")
                                                             : father + QStringLiteral("ovich");
            const QString primary = surname.toUpper() + QLatin1Char(' ') + given + QLatin1Char(' ') + patronymic;
            e.names << ListName { primary, QStringLiteral("primary") };
            e.names << ListName { toCyrillic(given + QLatin1Char(' ') + patronymic + QLatin1Char(' ') + surname),
                                  QStringLiteral("original_script") };
            if (rng.chance(400))
                e.names << ListName { respell(given + QLatin1Char(' ') + surname, rng), QStringLiteral("aka") };
            e.nationalities << (ca ? QStringLiteral("UZ") : QStringLiteral("RU"));
            break;
        }
        case 3: { // Turkish: Given [Given] Surname
            given = pick(rng, "turkish_given");
            QString name = given;
            if (rng.chance(300))
                name += QLatin1Char(' ') + pick(rng, "turkish_given");
            name += QLatin1Char(' ') + pick(rng, "turkish_prefix") + pick(rng, "turkish_suffix");
            e.names << ListName { name, QStringLiteral("primary") };
            if (rng.chance(300))
                e.names << ListName { respell(name, rng), QStringLiteral("aka") };
            e.nationalities << QStringLiteral("TR");
            break;
        }
        case 4: { // Pashto/Urdu: [Mullah|Haji|Qari] Given [Khan|Gul] Tribe-name
            given = pick(rng, "south_asian_given");
            QString name;
            if (rng.chance(200))
                name = rng.pick(QStringList { "Mullah ", "Haji ", "Qari ", "Maulvi " });
            name += given;
            if (rng.chance(300))
                name += rng.chance(500) ? QStringLiteral(" Khan") : QStringLiteral(" Gul");
            name += QLatin1Char(' ') + pick(rng, "south_asian_stem") + pick(rng, "south_asian_suffix");
            e.names << ListName { name, QStringLiteral("primary") };
            for (int a = int(rng.uniform(0, 2)); a > 0; --a)
                e.names << ListName { respell(name, rng), QStringLiteral("aka") };
            e.nationalities << (rng.chance(500) ? QStringLiteral("AF") : QStringLiteral("PK"));
            break;
        }
        default: { // Organisation: [Al-]Word Activity Form, aliases without the form or translated
            e.kind = QStringLiteral("organisation");
            const QString word = pick(rng, "org_word");
            const QString article = rng.chance(300) ? QStringLiteral("Al-") : QString();
            const QString activity = pick(rng, "org_activity");
            e.names << ListName { article + word + QLatin1Char(' ') + activity + QLatin1Char(' ') + pick(rng, "org_form"),
                                  QStringLiteral("primary") };
            if (rng.chance(500))
                e.names << ListName { word + QLatin1Char(' ') + pick(rng, "org_word") + QLatin1Char(' ') + activity,
                                      QStringLiteral("aka") };
            if (rng.chance(300))
                e.names << ListName { respell(word + QLatin1Char(' ') + activity, rng), QStringLiteral("fka") };
            return e;
        }
        }
        e.birthDates << QString::number(rng.uniform(1950, 2000));
        return e;
    }

    // A subject who is not on the list but whose name is composed from the same parts.
    QString person(demo::DemoRandom &rng) const
    {
        const ListEntry e = entry(rng, 0);
        return naturalOrder(e.names.front().name);
    }

private:
    const QStringList &part(const char *name) const
    {
        static const QStringList none;
        const auto it = m_parts.constFind(QLatin1String(name));
        return it == m_parts.constEnd() ? none : *it;
    }
    QString pick(demo::DemoRandom &rng, const char *name) const
    {
        const QStringList &p = part(name);
        return p.isEmpty() ? QString() : rng.pick(p);
    }
    QString arabicFamily(demo::DemoRandom &rng) const
    {
        if (rng.chance(550))
            return QStringLiteral("al-") + pick(rng, "arabic_nisba_stem") + QLatin1Char('i');
        return pick(rng, "arabic_family");
    }
    // Another romanisation of the same name, as lists give them in a.k.a.s: vowel and digraph
    // choices, the article dropped or written "el".
    static QString respell(const QString &name, demo::DemoRandom &rng)
    {
        static const QVector<QPair<QString, QString>> swaps = {
            { "u", "ou" }, { "u", "o" }, { "i", "ee" }, { "i", "e" }, { "a", "e" }, { "q", "k" }, { "kh", "h" },
            { "al-", "el-" }, { "al-", "" }, { "y", "i" }, { "j", "dj" }, { "sh", "ch" }, { "ov", "ev" },
        };
        QString out = name;
        for (int n = int(rng.uniform(1, 3)); n > 0; --n) {
            const auto &[from, to] = swaps[qsizetype(rng.uniform(0, swaps.size() - 1))];
            const qsizetype at = out.indexOf(from, qsizetype(rng.uniform(0, std::max<qsizetype>(0, out.size() - 1))) / 2);
            if (at > 0)
                out.replace(at, from.size(), to);
        }
        return out;
    }

    QHash<QString, QStringList> m_parts;
};

void speed(const QVector<ListEntry> &real, const SyntheticNames &synthetic, int entryCount, int queryCount,
           int threads)
{
    demo::DemoRandom rng(2024);
    QVector<ListEntry> list = real;
    qint64 id = 1000000;
    while (list.size() < entryCount) {
        // Sanctions-list origins from the name parts; a few Kazakh/Russian ones from NamePool as on
        // the national list. NamePool has only a few dozen surnames, so more would make most
        // subjects namesakes.
        if (rng.chance(950)) {
            list << synthetic.entry(rng, id++);
        } else {
            ListEntry e;
            e.entryId = id++;
            e.listName = QStringLiteral("synthetic");
            e.kind = QStringLiteral("person");
            const demo::PersonName p = demo::NamePool::person(rng, rng.chance(600));
            e.names << ListName { p.full(), QStringLiteral("primary") };
            e.names << ListName { passportLatin(p.given + QLatin1Char(' ') + p.surname), QStringLiteral("aka") };
            e.birthDates << QString::number(rng.uniform(1950, 2000));
            list << e;
        }
    }
    qsizetype nameTotal = 0;
    for (const ListEntry &e : list)
        nameTotal += e.names.size();

    QVector<ScreeningQuery> queries;
    queries.reserve(queryCount);
    demo::DemoRandom qrng(77);
    for (int i = 0; i < queryCount; ++i) {
        const int kind = int(qrng.uniform(0, 9));
        QString name;
        if (kind <= 5) {
            const demo::PersonName p = demo::NamePool::person(qrng, qrng.chance(500));
            name = kind <= 2 ? p.full() : kind == 3 ? p.initials() : kind == 4 ? p.appShort() : passportLatin(p.full());
        } else if (kind <= 7) {
            name = synthetic.person(qrng);
        } else {
            const ListEntry &e = list[qsizetype(qrng.uniform(0, list.size() - 1))];
            name = toCyrillic(naturalOrder(e.names.front().name));
        }
        queries << ScreeningQuery { name, {}, {}, {} };
    }

    QElapsedTimer timer;
    timer.start();
    const names::NameNormalizer normalizer;
    qsizetype tokens = 0;
    for (const ScreeningQuery &q : std::as_const(queries))
        tokens += normalizer.normalize(q.name).tokens.size();
    const double normaliseMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    const ScreeningIndex index(list);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const QVector<QVector<ScreeningHit>> results = index.searchMany(queries, ScreeningIndex::kDefaultThreshold, 10, threads);
    const double searchMs = double(timer.nsecsElapsed()) / 1e6;
    qsizetype hits = 0, withHit = 0;
    for (const auto &r : results) {
        hits += r.size();
        withHit += r.isEmpty() ? 0 : 1;
    }

    std::printf("\nSpeed: %lld entries (%lld names, %lld indexed after de-duplication), %lld queries, %d threads\n",
                qlonglong(list.size()), qlonglong(nameTotal), qlonglong(index.nameCount()), qlonglong(queries.size()),
                threads > 0 ? threads : QThread::idealThreadCount());
    std::printf("  normalise %lld query names alone:  %8.0f ms  (%.0f names/s, %lld tokens)\n", qlonglong(queries.size()),
                normaliseMs, queries.size() / (normaliseMs / 1000.0), qlonglong(tokens));
    std::printf("  build index (normalise + post):    %8.0f ms\n", buildMs);
    std::printf("  screen all queries:                %8.0f ms  (%.0f names/s)\n", searchMs,
                queries.size() / (searchMs / 1000.0));
    std::printf("  total build + screen:              %8.0f ms  (target < 10 000 ms)\n", buildMs + searchMs);
    std::printf("  queries with a hit >= %.0f: %lld (%lld hits)\n", ScreeningIndex::kDefaultThreshold,
                qlonglong(withHit), qlonglong(hits));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::printf("usage: bench_screening [--accuracy-only | --speed-only] [entries=20000] [queries=100000] "
                    "[threads=0 (all cores)]\n");
        return 0;
    }
    const bool accuracyOnly = args.removeAll(QStringLiteral("--accuracy-only")) > 0;
    const bool speedOnly = args.removeAll(QStringLiteral("--speed-only")) > 0;
    const int entries = args.size() > 0 ? args[0].toInt() : 20000;
    const int queries = args.size() > 1 ? args[1].toInt() : 100000;
    const int threads = args.size() > 2 ? args[2].toInt() : 0;
    const QString data = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/data/");
    const QVector<ListEntry> real = loadSample(data + QStringLiteral("un-sample.tsv"));
    const SyntheticNames synthetic(data + QStringLiteral("name-parts.txt"));
    if (real.isEmpty() || synthetic.isEmpty())
        return 1;
    if (!speedOnly)
        accuracy(real);
    if (!accuracyOnly) {
        std::printf("\nSynthetic name parts: %lld given names, %lld family names\n",
                    qlonglong(synthetic.givenNameCount()), qlonglong(synthetic.familyNameCount()));
        speed(real, synthetic, entries, queries, threads);
    }
    return 0;
}
