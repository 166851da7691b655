#include "demo/DemoRandom.h"

#include <algorithm>
#include <array>
#include <limits>

namespace fundtrace::demo {

namespace {

quint64 splitMix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// 2^(i/16) in 16.16 fixed point, i = 0..15.
constexpr std::array<qint64, 16> kSixteenthOctave = { 65536, 68438, 71468, 74632, 77936, 81386,
                                                      84990, 88752, 92682, 96785, 101070, 105545,
                                                      110218, 115098, 120194, 125515 };

} // namespace

DemoRandom::DemoRandom(quint64 seed)
    : m_engine(seed)
{
}

quint64 DemoRandom::streamSeed(quint64 seed, quint64 stream, quint64 index)
{
    return splitMix(splitMix(splitMix(seed) ^ stream) ^ index);
}

qint64 DemoRandom::uniform(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    const quint64 range = static_cast<quint64>(high) - static_cast<quint64>(low) + 1;
    if (range == 0) // the whole 64-bit range
        return static_cast<qint64>(next());
    const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % range;
    quint64 value = next();
    while (value >= limit)
        value = next();
    return static_cast<qint64>(static_cast<quint64>(low) + value % range);
}

bool DemoRandom::chance(int permille)
{
    return uniform(0, 999) < permille;
}

int DemoRandom::weighted(const std::vector<int> &weights)
{
    qint64 total = 0;
    for (int w : weights)
        total += w > 0 ? w : 0;
    if (total <= 0)
        return 0;
    qint64 r = uniform(0, total - 1);
    for (size_t i = 0; i < weights.size(); ++i) {
        const int w = weights[i] > 0 ? weights[i] : 0;
        if (r < w)
            return static_cast<int>(i);
        r -= w;
    }
    return static_cast<int>(weights.size()) - 1;
}

qint64 DemoRandom::logNormal(qint64 median, int sigmaSixteenths)
{
    // Irwin-Hall: the sum of 12 uniforms on [0, 4096) has mean 24576 and a standard deviation of
    // almost exactly 4096, so (sum - 24576) / 4096 is close to a standard normal z.
    qint64 sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += static_cast<qint64>(next() >> 52);
    const qint64 z = sum - 24576;
    const qint64 sixteenths = z * sigmaSixteenths / 4096;
    qint64 octaves = sixteenths / 16;
    qint64 fraction = sixteenths % 16;
    if (fraction < 0) {
        fraction += 16;
        octaves -= 1;
    }
    // Spread values evenly within the 1/16-octave step (about 4.4%).
    const qint64 step = kSixteenthOctave[static_cast<size_t>(fraction)];
    const qint64 jitter = uniform(0, (fraction == 15 ? 131072 : kSixteenthOctave[static_cast<size_t>(fraction) + 1]) - step - 1);
    qint64 value = median * (step + jitter) / 65536;
    if (octaves > 0)
        value <<= std::min<qint64>(octaves, 20);
    else if (octaves < 0)
        value >>= std::min<qint64>(-octaves, 62);
    return value < 1 ? 1 : value;
}

QString DemoRandom::digits(int n)
{
    QString text;
    text.reserve(n);
    for (int i = 0; i < n; ++i)
        text.append(QChar(u'0' + static_cast<char16_t>(uniform(0, 9))));
    return text;
}

} // namespace fundtrace::demo
