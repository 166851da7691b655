#pragma once

#include <QImage>
#include <QSet>

namespace fundtrace::test {

// How many different colours a rendering has, sampling every `step`-th pixel in both directions:
// a blank or single-colour picture has one or two, a drawn chart dozens to thousands.
inline int distinctColours(const QImage &image, int step = 2)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += step) {
        for (int x = 0; x < image.width(); x += step)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace fundtrace::test
