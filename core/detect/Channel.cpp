#include "detect/Channel.h"

#include <QString>

namespace fundtrace::detect {

Channel channelFromText(QStringView text)
{
    const QString folded = text.trimmed().toString().toLower();
    if (folded.isEmpty())
        return Channel::Unknown;
    struct Word {
        const char16_t *word;
        Channel channel;
    };
    // Substrings, first match wins; ISO 20022 bank transaction sub-family codes included.
    static constexpr Word kWords[] = {
        { u"cash", Channel::Cash },       { u"налич", Channel::Cash },     { u"касс", Channel::Cash },
        { u"cdpt", Channel::Cash },       { u"cwdl", Channel::Cash },      { u"atm", Channel::Cash },
        { u"банкомат", Channel::Cash },   { u"қолма", Channel::Cash },
        { u"wallet", Channel::Wallet },   { u"кошел", Channel::Wallet },   { u"e-money", Channel::Wallet },
        { u"agent", Channel::Agent },     { u"hawala", Channel::Agent },   { u"хавала", Channel::Agent },
        { u"remittance", Channel::Agent }, { u"перевод без открытия", Channel::Agent },
        { u"card", Channel::Card },       { u"карт", Channel::Card },      { u"pos", Channel::Card },
        { u"transfer", Channel::Transfer }, { u"ntrf", Channel::Transfer }, { u"xbct", Channel::Transfer },
        { u"dmct", Channel::Transfer },   { u"поручение", Channel::Transfer }, { u"ордер", Channel::Transfer },
        { u"перевод", Channel::Transfer }, { u"swift", Channel::Transfer },
    };
    for (const Word &entry : kWords) {
        if (folded.contains(QStringView(entry.word)))
            return entry.channel;
    }
    return Channel::Other;
}

const char *channelName(Channel channel)
{
    switch (channel) {
    case Channel::Unknown:
        return "unknown";
    case Channel::Transfer:
        return "transfer";
    case Channel::Cash:
        return "cash";
    case Channel::Card:
        return "card";
    case Channel::Wallet:
        return "wallet";
    case Channel::Agent:
        return "agent";
    case Channel::Other:
        break;
    }
    return "other";
}

} // namespace fundtrace::detect
