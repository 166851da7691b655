#include "entities/SubjectKindClassifier.h"

#include <QStringList>

namespace fundtrace::entities {
namespace {

struct KindWord {
    const char16_t *word;
    const char *kind;
};

// Whole words (after lower-casing and removing quotes); order matters: an "ОФ" that also says
// "банк" in its name is still a non-profit, so non-profit words come first.
constexpr KindWord kKindWords[] = {
    { u"оф", "npo" },          { u"оо", "npo" },           { u"фонд", "npo" },
    { u"фонда", "npo" },       { u"қоры", "npo" },         { u"қор", "npo" },
    { u"қб", "npo" },          { u"бқ", "npo" },           { u"благотворительный", "npo" },
    { u"общественный", "npo" }, { u"общественное", "npo" }, { u"религиозное", "npo" },
    { u"мечеть", "npo" },      { u"мечети", "npo" },       { u"ассоциация", "npo" },
    { u"foundation", "npo" },  { u"charity", "npo" },      { u"charitable", "npo" },
    { u"fund", "npo" },        { u"ngo", "npo" },          { u"npo", "npo" },
    { u"mosque", "npo" },      { u"association", "npo" },  { u"waqf", "npo" },
    { u"dernegi", "npo" },     { u"derneği", "npo" },      { u"vakfi", "npo" },
    { u"vakfı", "npo" },       { u"yardim", "npo" },       { u"yardım", "npo" },
    { u"банк", "institution" }, { u"bank", "institution" }, { u"банкі", "institution" },
    { u"jsc", "institution" }, // only when paired with bank; handled below
    { u"обменный", "agent" },  { u"обменник", "agent" },   { u"exchange", "agent" },
    { u"hawala", "agent" },    { u"хавала", "agent" },     { u"money", "agent" },
    { u"remittance", "agent" }, { u"переводы", "agent" },  { u"ломбард", "agent" },
    { u"тоо", "organisation" }, { u"жшс", "organisation" }, { u"ао", "organisation" },
    { u"ақ", "organisation" },  { u"ип", "organisation" },  { u"жк", "organisation" },
    { u"ооо", "organisation" }, { u"зао", "organisation" }, { u"пао", "organisation" },
    { u"llp", "organisation" }, { u"llc", "organisation" }, { u"ltd", "organisation" },
    { u"inc", "organisation" }, { u"gmbh", "organisation" }, { u"plc", "organisation" },
    { u"company", "organisation" }, { u"компания", "organisation" },
};

QStringList words(QStringView name)
{
    QString folded;
    folded.reserve(name.size());
    for (const QChar c : name)
        folded.append(c.isLetterOrNumber() ? c.toLower() : QChar(u' '));
    return folded.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

SubjectKindClassifier::Guess SubjectKindClassifier::classify(QStringView name, QStringView taxIdKind)
{
    const QStringList tokens = words(name);
    const bool saysBank = tokens.contains(QStringLiteral("банк")) || tokens.contains(QStringLiteral("bank"));
    for (const KindWord &entry : kKindWords) {
        const QString word = QString::fromUtf16(entry.word);
        if (!tokens.contains(word))
            continue;
        if (word == u"jsc" && !saysBank)
            continue;
        return { QString::fromLatin1(entry.kind), QStringLiteral("name word '%1'").arg(word) };
    }
    if (taxIdKind == u"bin")
        return { QStringLiteral("organisation"), QStringLiteral("BIN (legal entity number)") };
    if (taxIdKind == u"iin")
        return { QStringLiteral("person"), QStringLiteral("IIN (individual number)") };
    // Two or three alphabetic words with no legal form read as a person's name: "Асанов Ерлан",
    // "Abdikadyrov Mukhammed Serikuly".
    if (tokens.size() >= 2 && tokens.size() <= 4) {
        bool alphabetic = true;
        for (const QString &token : tokens) {
            for (const QChar c : token)
                alphabetic = alphabetic && c.isLetter();
        }
        if (alphabetic)
            return { QStringLiteral("person"), QStringLiteral("reads as a personal name") };
    }
    return { QStringLiteral("unknown"), QString() };
}

} // namespace fundtrace::entities
