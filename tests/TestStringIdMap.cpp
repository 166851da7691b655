#include "util/StringIdMap.h"

#include <QTest>

#include <string>

using fundtrace::util::fnv1a64;
using fundtrace::util::StringIdMap;

// The import's dictionary of accounts and texts: every key stored must come back with its id,
// across table growth and across the 1 MiB chunks the keys are copied into.
class TestStringIdMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasStored();
    void keysCrossChunksAndOutgrowThem();
    void equalHashesAreToldApartByTheKey();
};

void TestStringIdMap::findsWhatWasStored()
{
    StringIdMap map;
    QCOMPARE(map.find("KZ86125KZT5004100100", fnv1a64("KZ86125KZT5004100100")), 0);
    map.insert("KZ86125KZT5004100100", fnv1a64("KZ86125KZT5004100100"), 7);
    map.insert("Пожертвование", fnv1a64("Пожертвование"), 8);
    QCOMPARE(map.find("KZ86125KZT5004100100", fnv1a64("KZ86125KZT5004100100")), 7);
    QCOMPARE(map.find("Пожертвование", fnv1a64("Пожертвование")), 8);
    QCOMPARE(map.find("KZ86125KZT500410010", fnv1a64("KZ86125KZT500410010")), 0);
    QCOMPARE(map.size(), std::size_t(2));
}

void TestStringIdMap::keysCrossChunksAndOutgrowThem()
{
    StringIdMap map;
    std::vector<std::string> keys;
    // 300 000 keys of ~40 bytes fill a dozen chunks and grow the table many times; two keys
    // longer than a chunk each get a chunk of their own.
    for (int i = 0; i < 300000; ++i)
        keys.push_back("Оплата по договору №" + std::to_string(std::int64_t(i) * 7919));
    keys.push_back(std::string(3 << 20, 'a'));
    keys.push_back(std::string(1 << 20, 'b') + "tail");
    for (std::size_t i = 0; i < keys.size(); ++i)
        map.insert(keys[i], fnv1a64(keys[i]), static_cast<std::int64_t>(i + 1));
    QCOMPARE(map.size(), keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        QCOMPARE(map.find(keys[i], fnv1a64(keys[i])), static_cast<std::int64_t>(i + 1));
}

void TestStringIdMap::equalHashesAreToldApartByTheKey()
{
    StringIdMap map;
    map.insert("first", 42, 1);
    map.insert("second", 42, 2);
    QCOMPARE(map.find("first", 42), 1);
    QCOMPARE(map.find("second", 42), 2);
    QCOMPARE(map.find("third", 42), 0);
}

QTEST_GUILESS_MAIN(TestStringIdMap)
#include "TestStringIdMap.moc"
