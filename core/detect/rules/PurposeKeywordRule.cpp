#include "detect/rules/PurposeKeywordRule.h"

#include "detect/RuleText.h"
#include "names/NameNormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <set>

namespace fundtrace::detect {

namespace {

int monthOf(std::int64_t utcSeconds)
{
    using namespace std::chrono;
    const year_month_day ymd { sys_days { days { utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400 } } };
    return int(ymd.year()) * 12 + int(unsigned(ymd.month())) - 1;
}

std::int64_t monthStart(int month)
{
    using namespace std::chrono;
    const sys_days d { year { month / 12 } / std::chrono::month { unsigned(month % 12 + 1) } / 1 };
    return std::int64_t(d.time_since_epoch().count()) * 86400;
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Folds the spellings transliteration varies (джихад -> dzhikhad, жихад -> zhikhad, jihaad) to
// one: dzh/zh/dj -> j, kh/x -> h, q -> k, w -> v, y -> i, ou/oo -> u, ee -> i, doubled letters
// once, a final h after a vowel dropped (sadaqah -> sadaka). Vowels are kept: dropping them (as
// name keys do) makes short words collide ("Даша" with "Daesh", "Агиль" with "ИГИЛ").
std::string fold(const std::string &w)
{
    std::string out;
    out.reserve(w.size());
    for (std::size_t i = 0; i < w.size();) {
        const auto at = [&](const char *p) { return w.compare(i, std::char_traits<char>::length(p), p) == 0; };
        char c = w[i];
        std::size_t step = 1;
        if (at("dzh")) {
            c = 'j';
            step = 3;
        } else if (at("zh") || at("dj")) {
            c = 'j';
            step = 2;
        } else if (at("kh")) {
            c = 'h';
            step = 2;
        } else if (at("ou") || at("oo")) {
            c = 'u';
            step = 2;
        } else if (at("ee")) {
            c = 'i';
            step = 2;
        } else if (c == 'x') {
            c = 'h';
        } else if (c == 'q') {
            c = 'k';
        } else if (c == 'w') {
            c = 'v';
        } else if (c == 'y') {
            c = 'i';
        }
        if (out.empty() || out.back() != c)
            out += c;
        i += step;
    }
    if (out.size() > 2 && out.back() == 'h' && isVowel(out[out.size() - 2]))
        out.pop_back();
    return out;
}

// Strong entries flag alone (weight >= min_weight 60); weak ones need a second entry. The
// reasoning of each entry is in docs/rules-keywords.md; keep both in step.
const char *const kDefaultTerms = R"json({
  "джихад|жихад|жиһад|jihad|djihad|dzhikhad|جهاد": {"weight": 85, "note": "armed jihad named as the cause funded"},
  "моджахед|муджахид|мужахид|мұжаһид|моджахид|mujahid|mujahed|mudjahid|مجاهد": {"weight": 85, "note": "fighters (mujahideen) as recipients"},
  "мухаджир|мухажир|муһажир|muhajir|muhadjir|مهاجر": {"weight": 60, "note": "emigrant to the 'caliphate': foreign fighters and their families"},
  "на хиджр|для хиджр|в хиджр|на хижр|на һижр|for hijra|hijra to": {"weight": 70, "note": "paying for travel ('hijra') to a conflict zone"},
  "на оруж|для оруж|за оруж|на покупку оруж|for weapon|for arms|қаруға|қару-жарақ": {"weight": 70, "note": "money for weapons"},
  "семьям шахид|для семей шахид|семьям мучеников|families of martyrs|families of shahid": {"weight": 60, "note": "support for the families of 'martyrs', a classic TF purpose"},
  "игил|игиш|даиш|isis|isil|daesh|iskp": {"match": "word", "weight": 90, "note": "names of designated organisations"},
  "исламское государство|islamic state|ислам мемлекеті": {"weight": 80, "note": "name of a designated organisation"},
  "садака|садақа|sadaqa|sadaka|sadaqah|صدقة": {"match": "word", "weight": 25, "note": "voluntary charity: normal alone, a cover word next to a second term"},
  "закят|зекет|закет|zakat|zakah|زكاة": {"match": "word", "weight": 25, "note": "obligatory alms: normal alone, a cover word next to a second term"},
  "фи сабилиллях|фисабилиллях|fi sabilillah|fisabilillah|في سبيل الله": {"weight": 40, "note": "'in the path of God', the zakat category jihadist fundraisers claim; also ordinary charity"},
  "на братьев|для братьев|братьям|for the brothers|for brothers|бауырларға|бауырларымызға": {"weight": 35, "note": "'the brothers' (fighters) in fundraising slang; also family transfers"},
  "шам|шама|шаму|шаме|для шама|sham|ash-sham|الشام": {"match": "word", "weight": 35, "note": "al-Sham (Syria/Levant) as jihadists name it; also an English word"},
  "хиджра|хиджру|хиджре|хижра|хижру|һижра|hijra|hijrah|هجرة": {"match": "word", "weight": 35, "note": "emigration to a conflict zone; also the Islamic calendar"},
  "оружие|оружия|қару|weapons|سلاح": {"match": "word", "weight": 30, "note": "weapons: hunting and sport shops use it legitimately"},
  "шахид|шахиду|shahid|shaheed|شهيد": {"match": "word", "weight": 30, "note": "martyr; also a common given name (Shahid)"},
  "аль-хол|лагерь хол|al-hol|al hol|الهول": {"match": "word", "weight": 40, "note": "al-Hol camp: smuggling women out is crowdfunded; also repatriation charities"},
  "мунасара|мунасар|munasara|نصرة": {"weight": 40, "note": "'support' (munasara) for the mujahideen in fundraising appeals"}
})json";

} // namespace

const char *PurposeKeywordRule::defaultTermsJson()
{
    return kDefaultTerms;
}

std::vector<std::string> PurposeKeywordRule::words(const QString &text)
{
    // normalize() reads "A, B" as "SURNAME, Given" and swaps: purposes are not names.
    QString input = text;
    input.replace(QLatin1Char(','), QLatin1Char(' '));
    const std::string latin = names::NameNormalizer().normalize(input).latin.toStdString();
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < latin.size()) {
        std::size_t end = latin.find(' ', start);
        if (end == std::string::npos)
            end = latin.size();
        if (end > start)
            out.push_back(fold(latin.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

void PurposeKeywordRule::configure(const RuleSettings &settings)
{
    m_minWeight = settings.integer(QStringLiteral("min_weight"), 60, 1, 1000);
    m_maxExamples = settings.integer(QStringLiteral("max_examples"), 3, 0, 20);
    const QStringList matchOn = settings.strings(QStringLiteral("match_on"), { QStringLiteral("purpose") });
    for (const QString &what : matchOn) {
        if (what != u"purpose" && what != u"counterparty_name")
            throw RuleConfigError(QStringLiteral("rule \"%1\", setting \"match_on\": \"%2\" is not one of purpose, counterparty_name").arg(id(), what));
    }
    m_purpose = matchOn.contains(QStringLiteral("purpose"));
    m_counterpartyName = matchOn.contains(QStringLiteral("counterparty_name"));

    // "terms" replaces the default dictionary, "extra_terms" adds to it (same spelling overrides).
    QJsonObject dictionary = settings.object(QStringLiteral("terms"));
    if (dictionary.isEmpty())
        dictionary = QJsonDocument::fromJson(kDefaultTerms).object();
    const QJsonObject extra = settings.object(QStringLiteral("extra_terms"));
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        dictionary.insert(it.key(), it.value());

    const auto bad = [&](const QString &term, const QString &what) {
        throw RuleConfigError(QStringLiteral("rule \"%1\", term \"%2\": %3").arg(id(), term, what));
    };
    m_terms.clear();
    for (auto &bucket : m_byFirstChar)
        bucket.clear();
    for (auto it = dictionary.constBegin(); it != dictionary.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        if (!it.value().isObject() || !entry.value(u"weight").isDouble())
            bad(it.key(), QStringLiteral("must be an object with a numeric \"weight\" (and optional \"note\", \"match\")"));
        Term term;
        term.label = it.key().section(QLatin1Char('|'), 0, 0).trimmed();
        term.note = entry.value(u"note").toString();
        term.weight = entry.value(u"weight").toInt();
        const QString mode = entry.value(u"match").toString(QStringLiteral("stem"));
        if (mode != u"stem" && mode != u"word")
            bad(it.key(), QStringLiteral("\"match\" must be \"stem\" or \"word\""));
        term.stem = mode == u"stem";
        for (const QString &spelling : it.key().split(QLatin1Char('|'))) {
            std::vector<std::string> variant = words(spelling);
            if (!variant.empty())
                term.variants.push_back(std::move(variant));
        }
        if (term.variants.empty() || term.weight <= 0)
            bad(it.key(), QStringLiteral("needs at least one spelling with letters and a positive weight"));
        const int index = int(m_terms.size());
        for (int v = 0; v < int(term.variants.size()); ++v)
            m_byFirstChar[std::uint8_t(term.variants[std::size_t(v)][0][0]) & 0x7f].push_back({ index, v });
        m_terms.push_back(std::move(term));
    }
}

std::vector<int> PurposeKeywordRule::match(const QString &text) const
{
    std::vector<int> found;
    if (text.isEmpty())
        return found;
    const std::vector<std::string> ws = words(text);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        for (const auto &[termIndex, variantIndex] : m_byFirstChar[std::uint8_t(ws[i][0]) & 0x7f]) {
            const Term &term = m_terms[std::size_t(termIndex)];
            const std::vector<std::string> &variant = term.variants[std::size_t(variantIndex)];
            if (i + variant.size() > ws.size())
                continue;
            bool ok = true;
            for (std::size_t j = 0; ok && j < variant.size(); ++j) {
                const std::string &w = ws[i + j];
                // Only the last word takes endings (на братьев, джихада); a stem shorter than
                // three letters would match half the dictionary, so it must match whole.
                const bool stem = term.stem && j + 1 == variant.size() && variant[j].size() >= 3;
                ok = stem ? w.starts_with(variant[j]) : w == variant[j];
            }
            if (ok)
                found.push_back(termIndex);
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

void PurposeKeywordRule::run(const DetectionContext &context, AlertSink &sink) const
{
    if (m_terms.empty() || (!m_purpose && !m_counterpartyName))
        return;
    const std::vector<Transaction> &rows = context.transactions();

    // Many rows share a text: each distinct text index is normalised and matched once.
    std::int32_t maxText = -1;
    for (const Transaction &t : rows)
        maxText = std::max({ maxText, m_purpose ? t.purpose : -1, m_counterpartyName ? t.counterpartyName : -1 });
    std::vector<std::int32_t> slot(std::size_t(maxText + 1), -1); // -1 not yet, -2 nothing, else index
    std::deque<std::vector<int>> matches; // a deque: earlier results stay put as it grows
    const auto termsOf = [&](std::int32_t text) -> const std::vector<int> * {
        if (text < 0)
            return nullptr;
        std::int32_t &s = slot[std::size_t(text)];
        if (s == -1) {
            std::vector<int> found = match(context.text(text));
            if (found.empty()) {
                s = -2;
            } else {
                s = std::int32_t(matches.size());
                matches.push_back(std::move(found));
            }
        }
        return s >= 0 ? &matches[std::size_t(s)] : nullptr;
    };

    struct Hit {
        std::uint32_t row;
        int weight;
        std::vector<int> terms;
    };
    std::map<std::pair<std::int32_t, int>, std::vector<Hit>> byAccountMonth;
    for (std::uint32_t row = 0; row < rows.size(); ++row) {
        const Transaction &t = rows[row];
        if (t.account < 0)
            continue;
        const std::vector<int> *inPurpose = m_purpose ? termsOf(t.purpose) : nullptr;
        const std::vector<int> *inName = m_counterpartyName ? termsOf(t.counterpartyName) : nullptr;
        if (!inPurpose && !inName)
            continue;
        std::vector<int> terms;
        if (inPurpose && inName)
            std::set_union(inPurpose->begin(), inPurpose->end(), inName->begin(), inName->end(), std::back_inserter(terms));
        else
            terms = inPurpose ? *inPurpose : *inName;
        int weight = 0;
        for (int term : terms)
            weight += m_terms[std::size_t(term)].weight;
        if (weight >= m_minWeight)
            byAccountMonth[{ t.account, monthOf(t.bookedAt) }].push_back({ row, weight, std::move(terms) });
    }

    for (const auto &[where, hits] : byAccountMonth) {
        const auto [account, month] = where;
        AlertDraft draft;
        int maxWeight = 0;
        std::map<int, int> termCount;         // term -> payments
        std::map<QString, std::int64_t> totals; // currency -> sum
        QStringList examples;
        std::set<std::int32_t> involvedAccounts { account }, involvedSubjects;
        for (const Hit &hit : hits) {
            const Transaction &t = rows[hit.row];
            maxWeight = std::max(maxWeight, hit.weight);
            totals[context.currencyCode(t.currency)] += t.amountMinor;
            QStringList labels;
            for (int term : hit.terms) {
                ++termCount[term];
                labels << QStringLiteral("«%1»").arg(m_terms[std::size_t(term)].label);
            }
            const QString &purpose = context.text(t.purpose);
            if (!purpose.isEmpty() && examples.size() < m_maxExamples && !examples.contains(purpose))
                examples << purpose;
            if (t.counterparty >= 0) {
                involvedAccounts.insert(t.counterparty);
                if (context.accounts()[std::size_t(t.counterparty)].subject >= 0)
                    involvedSubjects.insert(context.accounts()[std::size_t(t.counterparty)].subject);
            }
            draft.evidence.push_back({ hit.row, QStringLiteral("%1: %2").arg(t.credit ? u"received" : u"paid", labels.join(QStringLiteral(", "))) });
        }
        const std::int32_t holder = context.accounts()[std::size_t(account)].subject;
        if (holder >= 0)
            involvedSubjects.insert(holder);
        const int count = int(hits.size());
        QStringList found, totalText;
        QJsonArray termsJson;
        for (const auto &[term, n] : termCount) {
            const Term &t = m_terms[std::size_t(term)];
            found << QStringLiteral("«%1» (%2, weight %3) in %4").arg(t.label, t.weight >= m_minWeight ? u"strong" : u"weak").arg(t.weight).arg(n);
            termsJson.append(QJsonObject { { QStringLiteral("term"), t.label }, { QStringLiteral("weight"), t.weight }, { QStringLiteral("payments"), n } });
        }
        QJsonObject totalsJson;
        for (const auto &[code, sum] : totals) {
            totalText << money(sum, code);
            totalsJson.insert(code, qint64(sum));
        }
        QStringList quoted;
        for (const QString &e : examples)
            quoted << QStringLiteral("\"%1\"").arg(e.size() > 80 ? e.left(77) + QStringLiteral("...") : e);

        const QString monthText = day(monthStart(month)).left(7);
        const QString who = context.describeAccount(account);
        draft.ruleId = id();
        draft.key = QStringLiteral("a:%1|%2").arg(context.accounts()[std::size_t(account)].id).arg(day(monthStart(month)));
        draft.score = std::min(100, maxWeight + std::min(15, int(std::lround(5.0 * std::log2(double(count))))));
        draft.windowStart = rows[hits.front().row].bookedAt;
        draft.windowEnd = rows[hits.back().row].bookedAt;
        draft.accounts.assign(involvedAccounts.begin(), involvedAccounts.end());
        draft.subjects.assign(involvedSubjects.begin(), involvedSubjects.end());
        draft.title = QStringLiteral("%1 payments with terrorist-financing vocabulary on %2 in %3").arg(count).arg(who, monthText);
        draft.explanation = QStringLiteral("In %1, %2 payments of %3 (%4 in total) use terms associated with terrorist financing "
                                           "(a payment is counted when its terms weigh %5 or more together): %6.")
                                    .arg(monthText)
                                    .arg(count)
                                    .arg(who, totalText.join(QStringLiteral(" + ")))
                                    .arg(m_minWeight)
                                    .arg(found.join(QStringLiteral("; ")));
        if (!quoted.isEmpty())
            draft.explanation += QStringLiteral(" For example: %1.").arg(quoted.join(QStringLiteral(", ")));
        draft.metrics = QJsonObject { { QStringLiteral("payments"), count },
                                      { QStringLiteral("max_weight"), maxWeight },
                                      { QStringLiteral("min_weight"), m_minWeight },
                                      { QStringLiteral("terms"), termsJson },
                                      { QStringLiteral("totals_minor"), totalsJson } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
