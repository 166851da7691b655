#include "names/NameNormalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <QHash>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>
#include <vector>

namespace fundtrace::names {

namespace {

// Lower-case Cyrillic (U+0430..U+045F) to Latin, as Kazakh and Russian passports and banks write
// it (ГОСТ 52535 / ICAO 9303 with the common "kh", "ts", "y" choices).
constexpr std::array<const char *, 48> kRussian = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", // а..п
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", // р..я
    "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "l", "n", "c", "k", "i", "u", "dz" // ѐ..џ
};

const char *kazakhAndOther(char16_t c)
{
    switch (c) {
    case u'ә': return "a";
    case u'ғ': return "g";
    case u'қ': return "k";
    case u'ң': return "n";
    case u'ө': return "o";
    case u'ұ': return "u";
    case u'ү': return "u";
    case u'һ': return "h";
    case u'і': return "i";
    case u'ҳ': return "h";  // Uzbek/Tajik
    case u'ў': return "u";
    case u'ҷ': return "j";
    case u'ґ': return "g";
    case u'ӣ': return "i";
    case u'ӯ': return "u";
    default: return nullptr;
    }
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'`' || c == u'\u2019' || c == u'\u2018' || c == u'\u02BC'
        || c == u'\u02BB' || c == u'\u02BF' || c == u'\u02BE' || c == u'\u00B4';
}

// A letter standing alone ("Ж." in "Рахимов М.Ж.") is an initial: a digraph transliteration
// ("zh") keeps only its first letter, as the full name's Latin spelling starts with it.
bool isLoneLetter(const QString &text, qsizetype i)
{
    return (i == 0 || !text[i - 1].isLetter()) && (i + 1 >= text.size() || !text[i + 1].isLetter());
}

// The ICU part, only for text that is neither ASCII nor Cyrillic. One instance per thread.
icu::Transliterator *threadTransliterator()
{
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
                icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    return instance.get();
}

// Arabic spellings ICU leaves unhelpful: the article "ال" is glued to the word and ʿayn becomes
// a modifier letter. Word-initial ʿayn is read as "a" (عبد -> abd), elsewhere dropped (سعد -> sd).
QString prepareArabic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool wordStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool arabicLetter = c >= 0x0621 && c <= 0x064A;
        if (wordStart && c == u'\u0627' && i + 1 < text.size() && text[i + 1].unicode() == u'\u0644'
            && i + 3 < text.size() && text[i + 2].unicode() >= 0x0621 && text[i + 3].unicode() >= 0x0621) {
            ++i; // "ال" + at least two letters: drop the article
            wordStart = false;
            continue;
        }
        if (c == u'\u0639') // ع
            out += wordStart ? QStringLiteral("a") : QString();
        else if (c == u'\u0629' || c == u'\u0649') // ة ى
            out += QLatin1Char('a');
        else
            out += QChar(c);
        wordStart = !arabicLetter && !(c >= 0x064B && c <= 0x065F);
    }
    return out;
}

QString icuToAscii(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString u(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    if (U_SUCCESS(status))
        u = nfkc->normalize(u, status);
    if (icu::Transliterator *t = threadTransliterator())
        t->transliterate(u);
    return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
}

// Text -> lower-case ASCII words separated by single spaces; apostrophes vanish ("Sa'd" -> "sad"),
// every other non-letter separates. Dots too: "А.С." are two initials far more often than "S.A."
// is a legal form worth joining.
std::string foldToAscii(const QString &input)
{
    QString text = input;
    bool needsIcu = false;
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c >= 0x80 && !(c >= 0x0400 && c <= 0x04FF) && !isApostrophe(c)) {
            needsIcu = true;
            break;
        }
    }
    if (needsIcu) {
        // Cyrillic first, with our table, so ICU only sees the rest.
        QString pre;
        pre.reserve(text.size());
        bool hasArabic = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar ch = text[i];
            const char16_t c = ch.toLower().unicode();
            const char *cyr = c >= 0x0430 && c <= 0x045F ? kRussian[c - 0x0430] : kazakhAndOther(c);
            if (cyr && *cyr && isLoneLetter(text, i))
                pre += QLatin1Char(cyr[0]);
            else if (cyr)
                pre += QLatin1String(cyr);
            else {
                hasArabic = hasArabic || (c >= 0x0600 && c <= 0x06FF);
                pre += ch;
            }
        }
        text = icuToAscii(hasArabic ? prepareArabic(pre) : pre);
    }

    std::string out;
    out.reserve(size_t(text.size()) + 8);
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            char a = char(c);
            if (a >= 'A' && a <= 'Z')
                a = char(a - 'A' + 'a');
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) {
                out += a;
                continue;
            }
            if (a == '\'' || a == '`')
                continue;
        } else if (isApostrophe(c)) {
            continue;
        } else {
            const char16_t l = QChar(c).toLower().unicode();
            const char *cyr = l >= 0x0430 && l <= 0x045F ? kRussian[l - 0x0430] : kazakhAndOther(l);
            if (cyr) {
                if (*cyr && isLoneLetter(text, i))
                    out += cyr[0];
                else
                    out += cyr;
                continue;
            }
            if (QChar(c).isLetterOrNumber())
                continue; // left over after ICU (rare): drop rather than split the word
        }
        if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool oneOf(std::string_view w, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), w) != set.end();
}

// Arabic articles, connectors ("bin", "ould"), Spanish/Dutch connectors, titles and legal forms:
// they carry no identity and vary between lists.
bool isDroppable(std::string_view w)
{
    return oneOf(w, { "al", "el", "ul", "ad", "ar", "as", "at", "an", "az", "ash", "ud", "ed", "bin", "bn", "ibn",
                      "ben", "bint", "binti", "ould", "de", "del", "da", "dos", "la", "van", "von", "dr",
                      "mr", "mrs", "ms", "jr", "sheik", "sheikh", "shaykh", "the", "of", "and", "for",
                      "ltd", "llc", "inc", "co", "plc", "gmbh", "ag", "sa", "sarl", "ltda", "cia", "corp",
                      "limited", "srl", "bv", "nv", "too", "ooo", "zao", "oao", "pao", "llp" });
}

bool isAbdPrefix(std::string_view w)
{
    return oneOf(w, { "abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdur", "abdar", "abdil" });
}

bool isAbuPrefix(std::string_view w)
{
    return oneOf(w, { "abu", "abou", "abo" });
}

bool isKazakhPatronymicMarker(std::string_view w)
{
    return oneOf(w, { "uly", "uli", "ulu", "ugli", "ogli", "ogly", "oglu", "kyzy", "qyzy", "kizi", "kyzi", "qizi" });
}

std::vector<std::string> splitWords(const std::string &text)
{
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            words.emplace_back(text, start, end - start);
        start = end + 1;
    }
    return words;
}

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Folds transliteration variants to one spelling: digraphs to one letter, doubled letters once.
std::string canonicalLetters(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const auto at = [&](std::string_view p) { return s.compare(i, p.size(), p) == 0; };
        char c = s[i];
        size_t step = 1;
        if (at("shch")) {
            c = 'S';
            step = 4;
        } else if (at("sch") || at("tch")) {
            c = at("sch") ? 'S' : 'C';
            step = 3;
        } else if (at("dzh")) {
            c = 'j';
            step = 3;
        } else if (at("sh")) {
            c = 'S';
            step = 2;
        } else if (at("ch")) {
            c = 'C';
            step = 2;
        } else if (at("zh") || at("dj")) {
            c = 'j';
            step = 2;
        } else if (at("kh")) {
            c = 'h';
            step = 2;
        } else if (at("gh") || at("ph") || at("th") || at("dh") || at("ck")) {
            c = at("gh") ? 'g' : at("ph") ? 'f' : at("th") ? 't' : at("dh") ? 'd' : 'k';
            step = 2;
        } else if (at("ts") || at("tz")) {
            c = 's'; // ц: "Zaytseva" as a passport writes "Zaiceva" (c before e/i is s too)
            step = 2;
        } else if (at("ou") || at("oo")) {
            c = 'u';
            step = 2;
        } else if (at("ee")) {
            c = 'i';
            step = 2;
        } else if (c == 'c') {
            c = (i + 1 < n && (s[i + 1] == 'e' || s[i + 1] == 'i' || s[i + 1] == 'y')) ? 's' : 'k';
        } else if (c == 'q') {
            c = 'k';
        } else if (c == 'x') {
            c = 'h';
        } else if (c == 'w') {
            c = 'v';
        } else if (c == 'y') {
            if (i == 0 && n > 1 && (s[1] == 'e' || s[1] == 'o')) {
                i += 1; // Yerlan/Erlan, Yevgeny/Evgeny
                continue;
            }
            c = i == 0 ? 'y' : 'i';
        }
        if (out.empty() || out.back() != c)
            out += c;
        i += step;
    }
    return out;
}

const QHash<QString, QString> &canonicalNames()
{
    static const QHash<QString, QString> names = {
        { "magomed", "muhammad" }, { "magamed", "muhammad" }, { "magomet", "muhammad" },
        { "mahomet", "muhammad" }, { "mohd", "muhammad" },     { "muhd", "muhammad" },
    };
    return names;
}

} // namespace

std::string NameNormalizer::tokenKey(const std::string &raw)
{
    if (raw.size() <= 1)
        return raw;
    if (std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return raw;
    std::string s = raw;
    if (const auto it = canonicalNames().constFind(QString::fromLatin1(s)); it != canonicalNames().constEnd())
        s = it->toStdString();

    // A soft c before the ending goes ("Zaiceva" -> "zaic"), so read it first: c before e/i/y is s.
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == 'c' && (s[i + 1] == 'e' || s[i + 1] == 'i' || s[i + 1] == 'y'))
            s[i] = 's';

    // Endings first, on the spelling as written.
    char marker = 0;
    const auto cut = [&](size_t n, char m, size_t minSize) {
        if (s.size() >= minSize) {
            s.resize(s.size() - n);
            marker = m;
            return true;
        }
        return false;
    };
    bool done = false;
    for (std::string_view e : { "ovich", "evich", "ovna", "evna" })
        if (!done && endsWith(s, e))
            done = cut(e.size(), '^', e.size() + 3);
    for (std::string_view e : { "kyzy", "qyzy", "kizi", "kyzi", "qizi", "ugli", "ogly", "ogli", "oglu", "uly", "uli", "ulu" })
        if (!done && endsWith(s, e))
            done = cut(e.size(), '^', e.size() + 3);
    for (std::string_view e : { "skaya", "skiy", "skii", "sky", "ski" })
        if (!done && endsWith(s, e))
            done = cut(e.size(), '%', e.size() + 3);
    for (std::string_view e : { "ova", "eva", "ov", "ev" })
        if (!done && endsWith(s, e))
            done = cut(e.size(), '+', 5);
    for (std::string_view e : { "ina", "yna", "in", "yn" })
        if (!done && endsWith(s, e))
            done = cut(e.size(), '=', 6);

    // "abdullah"/"abdallah", "abdurrahman"/"abdulrahman": drop the assimilated article.
    if (s.size() > 5 && s.compare(0, 3, "abd") == 0) {
        const std::string rest = s.substr(3);
        if (rest.size() > 3 && isVowel(rest[0]) && (rest[1] == 'l' || rest[1] == rest[2]))
            s = "abd" + rest.substr(2);
    }

    const std::string c = canonicalLetters(s);
    std::string key;
    key.reserve(c.size() + 1);
    for (size_t i = 0; i < c.size(); ++i) {
        const char ch = c[i];
        if (i == 0) {
            key += isVowel(ch) ? 'a' : ch;
            continue;
        }
        if (isVowel(ch))
            continue;
        if (ch == 'h' && i + 1 == c.size() && isVowel(c[i - 1]))
            continue; // Fatimah/Fatima, Abdullah/Abdulla
        key += ch;
    }
    if (marker)
        key += marker;
    return key;
}

QString NameNormalizer::tokenKey(const QString &token)
{
    return QString::fromLatin1(tokenKey(token.toLatin1().toStdString()));
}

NormalizedName NameNormalizer::normalize(const QString &input) const
{
    // "SURNAME, Given" as lists write it -> "Given SURNAME", so "ABBAS, Abu" glues as "abu abbas".
    QString name = input;
    if (const qsizetype comma = name.indexOf(QLatin1Char(',')); comma > 0 && name.indexOf(QLatin1Char(','), comma + 1) < 0)
        name = name.mid(comma + 1) + QLatin1Char(' ') + name.left(comma);

    const std::string folded = foldToAscii(name);
    const std::vector<std::string> words = splitWords(folded);

    NormalizedName out;
    out.latin = QString::fromLatin1(folded);

    std::vector<std::string> kept;
    kept.reserve(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i];
        // "y" joins Spanish names and company words, but is an initial at either end.
        if (isDroppable(w) || (w == "y" && i > 0 && i + 1 < words.size()))
            continue;
        kept.push_back(w);
    }
    if (kept.empty())
        kept = words; // a name made only of particles ("Al Ain"?) keeps them

    std::vector<std::string> tokens;
    tokens.reserve(kept.size());
    for (size_t i = 0; i < kept.size(); ++i) {
        std::string w = kept[i];
        if ((isAbdPrefix(w) || isAbuPrefix(w)) && i + 1 < kept.size() && kept[i + 1].size() > 1) {
            w += kept[++i]; // "abd rahman" -> "abdrahman", "abu bakr" -> "abubakr"
        } else if ((isAbdPrefix(w) || isAbuPrefix(w)) && i + 1 == kept.size() && !tokens.empty()
                   && tokens.back().size() > 1) {
            tokens.back() = w + tokens.back(); // surname first: "ABBAS Abu" is "Abu Abbas"
            continue;
        } else if (isKazakhPatronymicMarker(w) && !tokens.empty()) {
            tokens.back() += w; // "Серік ұлы" -> "serikuly"
            continue;
        }
        tokens.push_back(std::move(w));
    }

    out.tokens.reserve(qsizetype(tokens.size()));
    out.keys.reserve(qsizetype(tokens.size()));
    for (const std::string &t : tokens) {
        const QString token = QString::fromLatin1(t);
        out.tokens << token;
        out.keys << QString::fromLatin1(tokenKey(t));
        if (t.size() == 1 && !(t[0] >= '0' && t[0] <= '9'))
            out.initials << token;
    }
    return out;
}

} // namespace fundtrace::names
