#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace fundtrace::names {

// How one token of name A was paired with one token of name B.
struct TokenPair {
    enum class Kind {
        Exact,   // same folded token
        Key,     // same matching key ("mukhammed" ~ "muhammad")
        Gender,  // same key, surname ending differs by sex ("ivanov" ~ "ivanova")
        Fuzzy,   // close by Jaro-Winkler (a typo)
        Initial, // a single letter against a token starting with it
        Joined,  // one token against two tokens written together ("abukhalid" ~ "khalid" + "abu")
    };
    int a = -1;
    int b = -1;
    int a2 = -1; // Joined: the second A token written together with a (or -1)
    int b2 = -1; // Joined: the second B token written together with b (or -1)
    Kind kind = Kind::Exact;
    double score = 0; // 0..1
};

// The result of comparing two normalized names: a score in 0..1 and what it rests on.
struct NameMatch {
    double score = 0;
    QVector<TokenPair> pairs;
    QStringList unmatchedA;
    QStringList unmatchedB;
    QString explanation; // "'abdikadyrov'='abdikadyrov' exact, 'm'->'mukhammed' initial; unmatched: 'serik'"
};

} // namespace fundtrace::names
