#include "names/NameMatcher.h"

#include "names/StringSimilarity.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <type_traits>

namespace fundtrace::names {

namespace {

constexpr qsizetype kMaxTokens = 16;
constexpr double kInitialWeight = 0.5;

bool isInitial(const QString &token)
{
    return token.size() == 1 && token[0].isLetter();
}

double weight(const QString &token)
{
    return isInitial(token) ? kInitialWeight : 1.0;
}

bool isLetter(QChar c)
{
    return c.isLetter();
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isMarker(QChar c)
{
    return c == QLatin1Char('+') || c == QLatin1Char('=') || c == QLatin1Char('^')
        || c == QLatin1Char('%');
}

bool isMarker(char c)
{
    return c == '+' || c == '=' || c == '^' || c == '%';
}

bool startsWith(QStringView s, QStringView p)
{
    return s.startsWith(p);
}

bool startsWith(std::string_view s, std::string_view p)
{
    return s.starts_with(p);
}

bool isVowelLetter(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool isVowelLetter(QChar c)
{
    return c.unicode() < 128 && isVowelLetter(char(c.unicode()));
}

QStringView sliceFrom(QStringView s, qsizetype from)
{
    return s.sliced(from);
}

std::string_view sliceFrom(std::string_view s, std::size_t from)
{
    return s.substr(from);
}

// Length of the key without its ending marker: "avn+" -> 3.
template<typename View>
qsizetype stemSize(View key)
{
    return qsizetype(key.size()) - (!key.empty() && isMarker(key.back()) ? 1 : 0);
}

// Runs of vowels: "abdullaev" has 3 (a, u, ae), "ibodullaev" 4 (i, o, u, ae).
template<typename View>
int vowelGroups(View token)
{
    int groups = 0;
    bool inVowels = false;
    for (const auto c : token) {
        const bool vowel = isVowelLetter(c);
        groups += vowel && !inVowels ? 1 : 0;
        inVowels = vowel;
    }
    return groups;
}

// The same first letter, or the same one past the glide of a iotated vowel: Е, Ю, Я are written
// "ye"/"e", "yu"/"iu"/"u", "ya"/"ia"/"a", so "yerzhanova" starts like "erzhanova".
template<typename View>
bool startAlike(View a, View b)
{
    const auto sound = [](View t) {
        const bool glide = t.size() > 1 && (t[0] == 'y' || t[0] == 'i') && isVowelLetter(t[1]);
        return t[glide ? 1 : 0];
    };
    return a[0] == b[0] || sound(a) == sound(b);
}

bool isA(QChar c)
{
    return c == QLatin1Char('a');
}

bool isA(char c)
{
    return c == 'a';
}

// One pair on views of tokens and keys: the same code for QString names and for the ASCII copies
// the screening index keeps (tokens are folded ASCII, so both give the same result).
template<typename View>
TokenPair pairOf(View ta, View ka, View tb, View kb)
{
    TokenPair p;
    if (ta == tb) {
        p.kind = TokenPair::Kind::Exact;
        p.score = 1.0;
        return p;
    }
    const bool ia = ta.size() == 1 && isLetter(ta[0]);
    const bool ib = tb.size() == 1 && isLetter(tb[0]);
    if (ia || ib) {
        if (ia != ib && ta[0] == tb[0]) {
            p.kind = TokenPair::Kind::Initial;
            p.score = 0.7;
        }
        return p;
    }
    const qsizetype la = qsizetype(ta.size());
    const qsizetype lb = qsizetype(tb.size());
    // Cheap rejects before any Jaro-Winkler: a typo or a transliteration variant keeps the length
    // within a few letters and the first letter of the token or of its key.
    const bool sameKey = ka == kb;
    const bool keysDiffer = ka.empty() || kb.empty() || ka[0] != kb[0];
    if (!sameKey && (std::abs(la - lb) > 4 || (ta[0] != tb[0] && keysDiffer)))
        return p;
    // A key folds the first vowel to 'a' and drops the others, so "abdullaev" and "ibodullaev" share
    // one. Spellings of one name keep its syllables ("usama"/"osama"); a token that starts with
    // another sound and has a syllable more or less is another name. (With the same first sound a
    // lost vowel is more likely a typo: "yerzhnova" for "Ержанова".)
    if (sameKey && !startAlike(ta, tb) && vowelGroups(ta) != vowelGroups(tb))
        return p;
    const double jwToken = StringSimilarity::jaroWinkler(ta, tb);
    if (sameKey) {
        // The same sex-neutral stem: "ivanov"/"ivanova", "serikovich"/"serikuly".
        const bool gender = (la + 1 == lb && startsWith(tb, ta) && isA(tb.back()))
            || (lb + 1 == la && startsWith(ta, tb) && isA(ta.back()));
        p.kind = gender ? TokenPair::Kind::Gender : TokenPair::Kind::Key;
        // Short keys ("al" for Ali/Eli/Ola) say little on their own.
        // Vowel-less keys also join unrelated names ("yerlan"/"arellano"): the spelling must be close too.
        p.score = gender                                           ? 0.9
            : (stemSize(ka) <= 2 && jwToken < 0.8) || jwToken < 0.7 ? 0.7
                                                                     : 0.88 + 0.08 * jwToken;
        return p;
    }
    const double jwKeyRaw = StringSimilarity::jaroWinkler(ka, kb);
    const double jwKey = stemSize(ka) >= 3 ? jwKeyRaw : 0.0;
    const double shortPenalty = std::min(la, lb) <= 3 ? 0.04 : 0.0;
    double s = 0;
    // Shared endings ("-zhanova", "-bayev") make whole tokens look alike; the keys must agree too.
    if (jwToken >= NameMatcher::kTokenFuzzyBar && (jwKeyRaw >= 0.8 || jwToken >= 0.92))
        s = jwToken - shortPenalty;
    if (jwKey >= NameMatcher::kKeyFuzzyBar)
        s = std::max(s, jwKey - 0.03 - shortPenalty);
    if (s >= NameMatcher::kTokenFuzzyBar - 0.04) {
        p.kind = TokenPair::Kind::Fuzzy;
        p.score = std::min(s, 0.92);
    }
    return p;
}

// "Alkamel" for "al-Kamel", "Aladil" for "al-'Adil": an Arabic article written together with the
// name, so the other spelling's dropped particle is missing. The token without it and its key
// (the first letter kept as the key writes it: a vowel as 'a') are tried when nothing else matched.
template<typename View>
bool hasGluedArticle(View token)
{
    return token.size() >= 6 && (token[0] == u'a' || token[0] == u'e') && token[1] == u'l' && token[2] != u'l';
}

template<typename View>
TokenPair pairWithoutArticle(View ta, View ka, View tb, View kb)
{
    using String = std::conditional_t<std::is_same_v<View, QStringView>, QString, std::string>;
    if (!hasGluedArticle(ta) || ka.size() < 3)
        return {};
    const View rest = sliceFrom(ta, 2);
    // The cheap rejects of pairOf, before building a key: most "al..." names (Alibek, Aleksandr)
    // are not an article and meet tokens that share nothing with them.
    using Letter = std::remove_cvref_t<decltype(ka[0])>;
    const Letter restKeyFirst = isVowelLetter(rest[0]) ? Letter('a') : Letter(ka[2]);
    const auto lengthGap = qsizetype(rest.size()) - qsizetype(tb.size());
    if (lengthGap > 4 || lengthGap < -4 || (rest[0] != tb[0] && (kb.empty() || restKeyFirst != kb[0])))
        return {};
    String restKey;
    if (isVowelLetter(rest[0]))
        restKey += 'a';
    for (auto k = decltype(ka.size())(2); k < ka.size(); ++k)
        restKey += ka[k];
    TokenPair p = pairOf(rest, View(restKey), tb, kb);
    if (p.kind == TokenPair::Kind::Exact)
        p.kind = TokenPair::Kind::Key;
    p.score = std::min(p.score, 0.94);
    return p;
}

template<typename View>
TokenPair pairOfWithArticles(View ta, View ka, View tb, View kb)
{
    TokenPair p = pairOf(ta, ka, tb, kb);
    if (p.score > 0)
        return p;
    p = pairWithoutArticle(ta, ka, tb, kb);
    if (p.score > 0)
        return p;
    return pairWithoutArticle(tb, kb, ta, ka);
}

TokenPair computePair(const NormalizedName &a, int i, const NormalizedName &b, int j)
{
    TokenPair p = pairOfWithArticles(QStringView(a.tokens[i]), QStringView(a.keys[i]), QStringView(b.tokens[j]),
                                     QStringView(b.keys[j]));
    p.a = i;
    p.b = j;
    return p;
}

struct Assignment {
    std::array<int, kMaxTokens> aToB;
    std::array<int, kMaxTokens> bToA;
    std::array<TokenPair, kMaxTokens> pairs; // fixed size: no allocation in the screening hot path
    int pairCount = 0;
    void add(const TokenPair &p) { pairs[size_t(pairCount++)] = p; }
    const TokenPair *begin() const { return pairs.data(); }
    const TokenPair *end() const { return pairs.data() + pairCount; }
};

TokenPair directPair(void *, const NormalizedName &a, int i, const NormalizedName &b, int j)
{
    return computePair(a, i, b, j);
}

Assignment assign(const NormalizedName &a, const NormalizedName &b, qsizetype n, qsizetype m,
                  NameMatcher::PairSource source, void *context)
{
    Assignment r;
    r.aToB.fill(-1);
    r.bToA.fill(-1);
    // Left uninitialised on purpose: 256 default-constructed pairs per call cost more than scoring.
    union Storage {
        Storage() { }
        TokenPair items[kMaxTokens * kMaxTokens];
    } storage;
    TokenPair *candidates = storage.items;
    size_t count = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < m; ++j)
            if (TokenPair p = source(context, a, i, b, j); p.score > 0) {
                p.a = i;
                p.b = j;
                candidates[count++] = p;
            }
    // Greedy by score, ties to the longer (more telling) token: near-optimal for names this short.
    std::sort(candidates, candidates + count, [&](const TokenPair &x, const TokenPair &y) {
        if (x.score != y.score)
            return x.score > y.score;
        return a.tokens[x.a].size() > a.tokens[y.a].size();
    });
    for (size_t c = 0; c < count; ++c) {
        const TokenPair &p = candidates[c];
        if (r.aToB[size_t(p.a)] >= 0 || r.bToA[size_t(p.b)] >= 0)
            continue;
        r.aToB[size_t(p.a)] = p.b;
        r.bToA[size_t(p.b)] = p.a;
        r.add(p);
    }
    // A token written as two on the other side: "abukhalid" ~ "khalid abu", "izzaldin" ~ "izz din".
    const auto joinPass = [&](const NormalizedName &x, const NormalizedName &y, qsizetype nx, qsizetype ny,
                              std::array<int, kMaxTokens> &xToY, std::array<int, kMaxTokens> &yToX, bool xIsA) {
        for (int i = 0; i < nx; ++i) {
            if (xToY[size_t(i)] >= 0 || x.tokens[i].size() < 5)
                continue;
            for (int j = 0; j < ny && xToY[size_t(i)] < 0; ++j) {
                for (int k = 0; k < ny; ++k) {
                    if (j == k || yToX[size_t(j)] >= 0 || yToX[size_t(k)] >= 0 || y.tokens[j].size() < 2 || y.tokens[k].size() < 2)
                        continue;
                    const QString &xi = x.tokens[i];
                    const QString &yj = y.tokens[j];
                    const QString &yk = y.tokens[k];
                    if (std::abs(yj.size() + yk.size() - xi.size()) > 3 || xi[0] != yj[0])
                        continue;
                    // On the stack: this runs for every candidate name the screening index scores.
                    QVarLengthArray<QChar, 64> buffer;
                    buffer.append(yj.constData(), yj.size());
                    buffer.append(yk.constData(), yk.size());
                    const QStringView joined(buffer.constData(), buffer.size());
                    const bool same = joined == QStringView(xi);
                    if (!same && StringSimilarity::jaroWinkler(joined, QStringView(xi)) < 0.93)
                        continue;
                    TokenPair p;
                    p.kind = TokenPair::Kind::Joined;
                    p.score = same ? 0.95 : 0.9;
                    if (xIsA) {
                        p.a = i;
                        p.b = j;
                        p.b2 = k;
                    } else {
                        p.a = j;
                        p.a2 = k;
                        p.b = i;
                    }
                    xToY[size_t(i)] = j;
                    yToX[size_t(j)] = yToX[size_t(k)] = i;
                    r.add(p);
                    break;
                }
            }
        }
    };
    joinPass(a, b, n, m, r.aToB, r.bToA, true);
    joinPass(b, a, m, n, r.bToA, r.aToB, false);
    return r;
}

double scoreOf(const NormalizedName &a, const NormalizedName &b, const Assignment &r, qsizetype n, qsizetype m)
{
    double totalA = 0, totalB = 0, gotA = 0, gotB = 0;
    int fullA = 0, fullB = 0;
    for (int i = 0; i < n; ++i) {
        totalA += weight(a.tokens[i]);
        fullA += isInitial(a.tokens[i]) ? 0 : 1;
    }
    for (int j = 0; j < m; ++j) {
        totalB += weight(b.tokens[j]);
        fullB += isInitial(b.tokens[j]) ? 0 : 1;
    }
    if (totalA <= 0 || totalB <= 0)
        return 0;
    double bestFull = 0; // best pair among full (non-initial) tokens
    for (const TokenPair &p : r) {
        gotA += p.score * weight(a.tokens[p.a]);
        gotB += p.score * weight(b.tokens[p.b]);
        if (p.kind == TokenPair::Kind::Joined) {
            // the second token of the joined pair counts as covered too
            if (p.b2 >= 0)
                gotB += p.score * weight(b.tokens[p.b2]);
            if (p.a2 >= 0)
                gotA += p.score * weight(a.tokens[p.a2]);
        }
        if (p.kind != TokenPair::Kind::Initial)
            bestFull = std::max(bestFull, p.score);
    }
    const double covA = std::min(1.0, gotA / totalA);
    const double covB = std::min(1.0, gotB / totalB);
    const bool aShorter = totalA <= totalB;
    const double covShort = aShorter ? covA : covB;
    const double covLong = aShorter ? covB : covA;
    double s = 0.85 * covShort + 0.15 * covLong;

    const int shortFull = aShorter ? fullA : fullB;
    const int longFull = aShorter ? fullB : fullA;
    if (shortFull == 0)
        s = std::min(s, 0.5); // initials only: never enough
    else if (shortFull == 1) {
        if (bestFull < 0.95)
            s *= 0.75; // a single name must be (nearly) exact
        if (longFull > 1 && (aShorter ? n : m) == 1)
            s *= 0.75; // one word found inside a longer name is weak evidence
    }
    return std::clamp(s, 0.0, 1.0);
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

} // namespace

QString NameMatcher::kindName(TokenPair::Kind kind)
{
    switch (kind) {
    case TokenPair::Kind::Exact: return QStringLiteral("exact");
    case TokenPair::Kind::Key: return QStringLiteral("key match");
    case TokenPair::Kind::Gender: return QStringLiteral("gender variant");
    case TokenPair::Kind::Fuzzy: return QStringLiteral("fuzzy");
    case TokenPair::Kind::Initial: return QStringLiteral("initial");
    case TokenPair::Kind::Joined: return QStringLiteral("written together");
    }
    return {};
}

TokenPair NameMatcher::pairTokens(const NormalizedName &a, int i, const NormalizedName &b, int j)
{
    return computePair(a, i, b, j);
}

TokenPair NameMatcher::pairTokens(std::string_view tokenA, std::string_view keyA,
                                  std::string_view tokenB, std::string_view keyB)
{
    return pairOfWithArticles(tokenA, keyA, tokenB, keyB);
}

double NameMatcher::score(const NormalizedName &a, const NormalizedName &b) const
{
    return score(a, b, &directPair, nullptr);
}

double NameMatcher::score(const NormalizedName &a, const NormalizedName &b, PairSource source, void *context) const
{
    const qsizetype n = std::min(a.tokens.size(), kMaxTokens);
    const qsizetype m = std::min(b.tokens.size(), kMaxTokens);
    if (n == 0 || m == 0)
        return 0;
    const Assignment r = assign(a, b, n, m, source, context);
    return scoreOf(a, b, r, n, m);
}

NameMatch NameMatcher::compare(const NormalizedName &a, const NormalizedName &b) const
{
    NameMatch out;
    const qsizetype n = std::min(a.tokens.size(), kMaxTokens);
    const qsizetype m = std::min(b.tokens.size(), kMaxTokens);
    if (n == 0 || m == 0) {
        out.explanation = QStringLiteral("empty name");
        return out;
    }
    const Assignment r = assign(a, b, n, m, &directPair, nullptr);
    out.score = scoreOf(a, b, r, n, m);
    for (const TokenPair &p : r)
        out.pairs.push_back(p);
    std::sort(out.pairs.begin(), out.pairs.end(), [](const TokenPair &x, const TokenPair &y) { return x.a < y.a; });

    std::array<bool, kMaxTokens> usedA {};
    std::array<bool, kMaxTokens> usedB {};
    QStringList parts;
    for (const TokenPair &p : std::as_const(out.pairs)) {
        usedA[size_t(p.a)] = usedB[size_t(p.b)] = true;
        QString left = quoted(a.tokens[p.a]);
        QString right = quoted(b.tokens[p.b]);
        if (p.b2 >= 0) {
            usedB[size_t(p.b2)] = true;
            right = quoted(b.tokens[p.b] + QLatin1Char(' ') + b.tokens[p.b2]);
        }
        if (p.a2 >= 0) {
            usedA[size_t(p.a2)] = true;
            left = quoted(a.tokens[p.a] + QLatin1Char(' ') + a.tokens[p.a2]);
        }
        const QString sep = p.kind == TokenPair::Kind::Exact ? QStringLiteral("=")
            : p.kind == TokenPair::Kind::Initial         ? QStringLiteral("->")
                                                         : QStringLiteral("~");
        parts << left + sep + right + QLatin1Char(' ') + kindName(p.kind);
    }
    for (int i = 0; i < n; ++i)
        if (!usedA[size_t(i)])
            out.unmatchedA << a.tokens[i];
    for (int j = 0; j < m; ++j)
        if (!usedB[size_t(j)])
            out.unmatchedB << b.tokens[j];
    out.explanation = parts.isEmpty() ? QStringLiteral("no token in common") : parts.join(QStringLiteral(", "));
    QStringList unmatched;
    for (const QString &t : std::as_const(out.unmatchedA))
        unmatched << quoted(t);
    for (const QString &t : std::as_const(out.unmatchedB))
        unmatched << quoted(t);
    if (!unmatched.isEmpty())
        out.explanation += QStringLiteral("; unmatched: ") + unmatched.join(QStringLiteral(", "));
    return out;
}

} // namespace fundtrace::names
