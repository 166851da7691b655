#include "entities/SubjectMatcher.h"

#include "names/NameMatcher.h"

#include <algorithm>

namespace fundtrace::entities {
namespace {

struct IdentifierWeight {
    const char *kind;
    const char *label;
    int agree;
    int disagree;
};

// Points added when both sides have the identifier and share a value, or taken away when both
// have one and none is shared. A tax id is issued once per person or entity, so a different one
// all but rules a match out; phones and e-mails are shared within families and offices.
constexpr IdentifierWeight kWeights[] = {
    { "tax_id", "IIN/BIN", 100, 60 },  { "account", "account", 100, 0 },
    { "iban", "IBAN", 100, 0 },        { "passport", "passport", 40, 30 },
    { "national_id", "ID document", 40, 30 }, { "card", "card", 30, 0 },
    { "phone", "phone", 25, 0 },       { "email", "e-mail", 25, 0 },
    { "crypto_wallet", "wallet", 30, 0 },
};

bool shares(const QSet<QString> &a, const QSet<QString> &b)
{
    return std::any_of(a.begin(), a.end(), [&](const QString &value) { return b.contains(value); });
}

} // namespace

bool SubjectMatcher::kindsCompatible(const QString &a, const QString &b)
{
    if (a == b || a == u"unknown" || b == u"unknown")
        return true;
    // A non-profit is an organisation in most registers; agents are often registered companies.
    const auto organisationLike = [](const QString &kind) {
        return kind == u"organisation" || kind == u"npo" || kind == u"agent" || kind == u"institution";
    };
    return organisationLike(a) && organisationLike(b);
}

SubjectMatcher::Score SubjectMatcher::compare(const SubjectEvidence &a, const SubjectEvidence &b)
{
    Score result;
    // Every spelling against every spelling, scored cheaply; only the best pair is explained.
    const names::NameMatcher matcher;
    double bestName = 0;
    const names::NormalizedName *bestLeft = nullptr;
    const names::NormalizedName *bestRight = nullptr;
    for (const names::NormalizedName &left : a.names) {
        for (const names::NormalizedName &right : b.names) {
            const double score = matcher.score(left, right);
            if (score > bestName) {
                bestName = score;
                bestLeft = &left;
                bestRight = &right;
            }
        }
    }
    const QString nameExplanation = bestLeft ? matcher.compare(*bestLeft, *bestRight).explanation : QString();
    int score = int(bestName * 80.0 + 0.5);
    if (!nameExplanation.isEmpty())
        result.agreed << QStringLiteral("names %1% alike (%2)").arg(int(bestName * 100 + 0.5)).arg(nameExplanation);

    for (const IdentifierWeight &weight : kWeights) {
        const QString kind = QString::fromLatin1(weight.kind);
        const QSet<QString> left = a.identifiers.value(kind);
        const QSet<QString> right = b.identifiers.value(kind);
        if (left.isEmpty() || right.isEmpty())
            continue;
        if (shares(left, right)) {
            score += weight.agree;
            result.agreed << QStringLiteral("same %1").arg(QString::fromLatin1(weight.label));
            if (kind == u"tax_id" || kind == u"account" || kind == u"iban")
                result.strong = true;
        } else if (weight.disagree > 0) {
            score -= weight.disagree;
            result.disagreed << QStringLiteral("different %1").arg(QString::fromLatin1(weight.label));
        }
    }
    if (!a.birthDates.isEmpty() && !b.birthDates.isEmpty()) {
        if (shares(a.birthDates, b.birthDates)) {
            score += 10;
            result.agreed << QStringLiteral("same date of birth");
        } else {
            score -= 30;
            result.disagreed << QStringLiteral("different date of birth");
        }
    }
    if (!kindsCompatible(a.kind, b.kind)) {
        score -= 40;
        result.disagreed << QStringLiteral("%1 vs %2").arg(a.kind, b.kind);
    }
    result.score = std::clamp(score, 0, 100);
    QStringList parts;
    if (!result.agreed.isEmpty())
        parts << QStringLiteral("agree: ") + result.agreed.join(QStringLiteral("; "));
    if (!result.disagreed.isEmpty())
        parts << QStringLiteral("disagree: ") + result.disagreed.join(QStringLiteral("; "));
    result.explanation = parts.join(QStringLiteral(" | "));
    return result;
}

} // namespace fundtrace::entities
