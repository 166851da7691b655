#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace fundtrace::demo {

// Windows-1251 by table, so the demo's "1C export" bytes do not depend on whether Qt was built with
// ICU. Kazakh letters that cp1251 lacks (ә ғ қ ң ө ұ ү һ) become the Russian look-alikes, as
// Kazakh accounting exports write them; anything else unmappable becomes '?'.
class Windows1251 {
public:
    static QByteArray encode(QStringView text);
    static QString decode(QByteArrayView bytes);
    // The text as it survives a round trip through cp1251 (Kazakh letters folded).
    static QString fold(QStringView text) { return decode(encode(text)); }
};

} // namespace fundtrace::demo
