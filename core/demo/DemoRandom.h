#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <random>
#include <vector>

namespace fundtrace::demo {

// The demo generator's source of randomness. std::mt19937_64 is specified bit for bit by the
// standard, but the <random> distributions are not, so every distribution here is written by hand
// in integer arithmetic: the same seed yields the same case on every compiler and platform.
class DemoRandom {
public:
    explicit DemoRandom(quint64 seed);

    // A seed for an independent stream, so that adding people (scale) or changing one part of the
    // story never shifts the draws of another part.
    static quint64 streamSeed(quint64 seed, quint64 stream, quint64 index = 0);

    quint64 next() { return m_engine(); }
    // Inclusive on both ends; unbiased (rejection sampling).
    qint64 uniform(qint64 low, qint64 high);
    // True with probability permille / 1000.
    bool chance(int permille);
    // An index drawn with the given non-negative integer weights (at least one positive).
    int weighted(const std::vector<int> &weights);
    // Log-normal-like positive value: median * 2^(z * sigmaSixteenths / 16) with z approximately
    // standard normal (Irwin-Hall sum of 12 uniforms), computed without floating point.
    qint64 logNormal(qint64 median, int sigmaSixteenths);
    // n decimal digits as text (leading zeros allowed).
    QString digits(int n);

    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[static_cast<size_t>(uniform(0, static_cast<qint64>(items.size()) - 1))];
    }
    const QString &pick(const QStringList &items)
    {
        return items[static_cast<qsizetype>(uniform(0, items.size() - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace fundtrace::demo
