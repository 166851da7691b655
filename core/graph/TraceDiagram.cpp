#include "graph/TraceDiagram.h"

#include "model/Currency.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <map>
#include <set>

namespace fundtrace::graph {
namespace {

using detect::DetectionContext;

constexpr double kNodeWidth = 12;
constexpr double kMargin = 16;
constexpr double kMinNodeHeight = 2;

const QColor kAnchorColour(0x1f, 0x3b, 0x73);
const QColor kAccountColour(0x3b, 0x6e, 0xa5);
const QColor kOtherColour(0x8a, 0x94, 0xa6);
const QColor kHeldColour(0x2e, 0x7d, 0x32);
const QColor kCashColour(0xc7, 0x77, 0x00);
const QColor kBeyondColour(0x6b, 0x72, 0x80);
const QColor kUnexplainedColour(0xb3, 0x26, 0x1e);
const QColor kHighlightColour(0x7b, 0x2c, 0xbf);
const QColor kTextColour(0x1f, 0x29, 0x37);
const QColor kMutedText(0x6b, 0x72, 0x80);

QColor colourOf(TraceDiagram::NodeKind kind)
{
    switch (kind) {
    case TraceDiagram::NodeKind::Anchor:
        return kAnchorColour;
    case TraceDiagram::NodeKind::Account:
        return kAccountColour;
    case TraceDiagram::NodeKind::OtherAccounts:
        return kOtherColour;
    case TraceDiagram::NodeKind::Held:
        return kHeldColour;
    case TraceDiagram::NodeKind::CashOut:
    case TraceDiagram::NodeKind::FromCash:
        return kCashColour;
    case TraceDiagram::NodeKind::BeyondHops:
        return kBeyondColour;
    case TraceDiagram::NodeKind::Unexplained:
        break;
    }
    return kUnexplainedColour;
}

bool isRemainder(TraceDiagram::NodeKind kind)
{
    return kind != TraceDiagram::NodeKind::Anchor && kind != TraceDiagram::NodeKind::Account
           && kind != TraceDiagram::NodeKind::OtherAccounts;
}

// Accounts first, then the folded box, then the remainders in a fixed order, in every column.
int rankOf(TraceDiagram::NodeKind kind)
{
    switch (kind) {
    case TraceDiagram::NodeKind::Anchor:
    case TraceDiagram::NodeKind::Account:
        return 0;
    case TraceDiagram::NodeKind::OtherAccounts:
        return 1;
    case TraceDiagram::NodeKind::Held:
        return 2;
    case TraceDiagram::NodeKind::CashOut:
    case TraceDiagram::NodeKind::FromCash:
        return 3;
    case TraceDiagram::NodeKind::BeyondHops:
        return 4;
    case TraceDiagram::NodeKind::Unexplained:
        break;
    }
    return 5;
}

QString methodTitle(TraceMethod method)
{
    switch (method) {
    case TraceMethod::Fifo:
        return QStringLiteral("FIFO");
    case TraceMethod::Lifo:
        return QStringLiteral("LIFO");
    case TraceMethod::ProRata:
        return QStringLiteral("pro rata");
    case TraceMethod::Libr:
        break;
    }
    return QStringLiteral("LIBR");
}

QFont labelFont()
{
    QFont font;
    font.setPixelSize(12);
    return font;
}

QFont titleFont()
{
    QFont font;
    font.setPixelSize(15);
    font.setBold(true);
    return font;
}

// The cubic the bands follow: horizontal tangents at both ends.
double bezier(double a, double b, double c, double d, double t)
{
    const double u = 1 - t;
    return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
}

QPainterPath bandShape(double x0, double y0, double x1, double y1, double thickness)
{
    const double mid = (x0 + x1) / 2;
    QPainterPath shape;
    shape.moveTo(x0, y0);
    shape.cubicTo(mid, y0, mid, y1, x1, y1);
    shape.lineTo(x1, y1 + thickness);
    shape.cubicTo(mid, y1 + thickness, mid, y0 + thickness, x0, y0 + thickness);
    shape.closeSubpath();
    return shape;
}

// A step of a path as drawn: which column, which kind of box, which account.
struct Step {
    int column;
    TraceDiagram::NodeKind kind;
    std::int32_t account;
};

} // namespace

TraceDiagram::TraceDiagram(const TraceResult &result, const DetectionContext &context, int maxAccountsPerColumn)
    : m_result(result)
    , m_forward(result.request.direction == TraceRequest::Direction::Forward)
    , m_zone(QTimeZone(QByteArrayLiteral("Asia/Almaty")).isValid() ? QTimeZone(QByteArrayLiteral("Asia/Almaty")) : QTimeZone::utc())
{
    build(context, std::max(2, maxAccountsPerColumn));
    orderColumns();
}

void TraceDiagram::build(const DetectionContext &context, int maxAccountsPerColumn)
{
    const auto remember = [&](std::int32_t account) {
        if (account >= 0 && !m_labels.contains(account)) {
            m_labels.insert(account, context.describeAccount(account));
            m_accountIds.insert(account, context.accounts()[std::size_t(account)].id);
        }
    };
    for (const std::int32_t account : m_result.request.accounts)
        remember(account);
    // Which accounts the trace followed: forward, any destination (the source's accounts too);
    // backward, an origin with a hop count (one past the limit has none).
    std::set<std::int32_t> followed(m_result.request.accounts.begin(), m_result.request.accounts.end());
    for (const TraceResult::Destination &destination : m_result.destinations) {
        if (destination.hops >= 0)
            followed.insert(destination.account);
    }

    std::vector<std::vector<Step>> chains;
    std::vector<std::int64_t> amounts;
    std::vector<int> pathOfChain;
    std::int64_t heldOnPaths = 0;
    for (std::size_t i = 0; i < m_result.paths.size(); ++i) {
        const TraceResult::Path &path = m_result.paths[i];
        if (path.accounts.size() < 2 || path.amountMinor <= 0)
            continue;
        for (const std::int32_t account : path.accounts)
            remember(account);
        const int n = int(path.accounts.size()) - 1;
        std::vector<Step> chain;
        if (m_forward) {
            chain.push_back({ 0, NodeKind::Anchor, -1 });
            for (int k = 1; k < n; ++k)
                chain.push_back({ k, NodeKind::Account, path.accounts[std::size_t(k)] });
            const std::int32_t last = path.accounts.back();
            if (last < 0) {
                chain.push_back({ n, NodeKind::CashOut, -1 });
            } else if (followed.count(last)) {
                chain.push_back({ n, NodeKind::Account, last });
                chain.push_back({ n + 1, NodeKind::Held, -1 });
                heldOnPaths += path.amountMinor;
            } else {
                chain.push_back({ n, NodeKind::BeyondHops, -1 });
            }
        } else {
            const std::int32_t first = path.accounts.front();
            if (first < 0) {
                chain.push_back({ n, NodeKind::FromCash, -1 });
            } else if (!followed.count(first)) {
                chain.push_back({ n, NodeKind::BeyondHops, -1 });
            } else {
                // A followed account paid more than the data shows it received.
                chain.push_back({ n + 1, NodeKind::Unexplained, -1 });
                chain.push_back({ n, NodeKind::Account, first });
            }
            for (int k = 1; k < n; ++k)
                chain.push_back({ n - k, NodeKind::Account, path.accounts[std::size_t(k)] });
            chain.push_back({ 0, NodeKind::Anchor, -1 });
        }
        chains.push_back(std::move(chain));
        amounts.push_back(path.amountMinor);
        pathOfChain.push_back(int(i));
    }
    // Forward: traced money that never left the source has no path of its own.
    if (m_forward && m_result.heldMinor > heldOnPaths) {
        chains.push_back({ { 0, NodeKind::Anchor, -1 }, { 1, NodeKind::Held, -1 } });
        amounts.push_back(m_result.heldMinor - heldOnPaths);
        pathOfChain.push_back(-1);
    }

    // Fold the smaller accounts of a crowded column.
    std::map<std::pair<int, std::int32_t>, std::int64_t> throughAccount;
    for (std::size_t c = 0; c < chains.size(); ++c) {
        for (const Step &step : chains[c]) {
            if (step.kind == NodeKind::Account)
                throughAccount[{ step.column, step.account }] += amounts[c];
        }
    }
    std::map<int, std::vector<std::pair<std::int64_t, std::int32_t>>> byColumn;
    for (const auto &[key, amount] : throughAccount)
        byColumn[key.first].push_back({ amount, key.second });
    std::set<std::pair<int, std::int32_t>> folded;
    for (auto &[column, accounts] : byColumn) {
        if (int(accounts.size()) <= maxAccountsPerColumn)
            continue;
        std::sort(accounts.begin(), accounts.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (std::size_t i = std::size_t(maxAccountsPerColumn - 1); i < accounts.size(); ++i)
            folded.insert({ column, accounts[i].second });
    }

    std::map<std::tuple<int, int, std::int32_t>, int> nodeIndex;
    const auto nodeFor = [&](const Step &step) {
        const bool isFolded = step.kind == NodeKind::Account && folded.count({ step.column, step.account });
        const NodeKind kind = isFolded ? NodeKind::OtherAccounts : step.kind;
        const std::int32_t account = kind == NodeKind::Account ? step.account : -1;
        const auto [found, added] = nodeIndex.try_emplace({ step.column, int(kind), account }, int(m_nodes.size()));
        if (added) {
            Node node;
            node.kind = kind;
            node.column = step.column;
            if (kind == NodeKind::Account)
                node.accounts = { account };
            else if (kind == NodeKind::Anchor)
                node.accounts = m_result.request.accounts;
            m_nodes.push_back(node);
        }
        Node &node = m_nodes[std::size_t(found->second)];
        if (isFolded && std::find(node.accounts.begin(), node.accounts.end(), step.account) == node.accounts.end())
            node.accounts.push_back(step.account);
        return found->second;
    };
    std::map<std::pair<int, int>, int> bandIndex;
    m_pathNodes.assign(m_result.paths.size(), {});
    for (std::size_t c = 0; c < chains.size(); ++c) {
        int previous = nodeFor(chains[c].front());
        if (pathOfChain[c] >= 0)
            m_pathNodes[std::size_t(pathOfChain[c])].push_back(previous);
        for (std::size_t s = 1; s < chains[c].size(); ++s) {
            const int next = nodeFor(chains[c][s]);
            if (pathOfChain[c] >= 0)
                m_pathNodes[std::size_t(pathOfChain[c])].push_back(next);
            const auto [found, added] = bandIndex.try_emplace({ previous, next }, int(m_bands.size()));
            if (added)
                m_bands.push_back({ previous, next, 0, {}, 0, 0, 0 });
            Band &band = m_bands[std::size_t(found->second)];
            band.amountMinor += amounts[c];
            if (pathOfChain[c] >= 0)
                band.paths.push_back({ pathOfChain[c], amounts[c] });
            previous = next;
        }
    }
    if (m_nodes.empty())
        nodeFor({ 0, NodeKind::Anchor, -1 });

    // A box is as tall as the larger of what enters and what leaves it.
    std::vector<std::int64_t> in(m_nodes.size(), 0), out(m_nodes.size(), 0);
    for (const Band &band : m_bands) {
        out[std::size_t(band.from)] += band.amountMinor;
        in[std::size_t(band.to)] += band.amountMinor;
    }
    // The holder first: a narrow box label cut short should still say whose account it is.
    const auto boxLabel = [&](std::int32_t index) {
        const detect::Account &account = context.accounts()[std::size_t(index)];
        return account.subject < 0 ? account.identifier
                                   : QStringLiteral("%1 · %2").arg(context.describeSubject(account.subject), account.identifier);
    };
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        node.amountMinor = std::max(in[i], out[i]);
        m_columns = std::max(m_columns, node.column + 1);
        switch (node.kind) {
        case NodeKind::Anchor:
            if (node.accounts.size() == 1) {
                node.label = boxLabel(node.accounts.front());
            } else {
                std::set<std::int32_t> holders;
                for (const std::int32_t account : node.accounts)
                    holders.insert(context.accounts()[std::size_t(account)].subject);
                node.label = holders.size() == 1 && *holders.begin() >= 0
                                     ? QStringLiteral("%1 (%2 accounts)").arg(context.describeSubject(*holders.begin())).arg(node.accounts.size())
                                     : QStringLiteral("%1 accounts").arg(node.accounts.size());
            }
            break;
        case NodeKind::Account:
            node.label = boxLabel(node.accounts.front());
            break;
        case NodeKind::OtherAccounts:
            std::sort(node.accounts.begin(), node.accounts.end());
            node.label = QStringLiteral("%1 other accounts").arg(node.accounts.size());
            break;
        default:
            node.label = kindName(node.kind, m_forward);
            break;
        }
    }
}

void TraceDiagram::orderColumns()
{
    m_order.assign(std::size_t(std::max(m_columns, 1)), {});
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        m_order[std::size_t(m_nodes[i].column)].push_back(int(i));
    // Each column follows the one nearer the anchor: a box sits at the money-weighted mean
    // position of the boxes it is connected to there, so bands cross as little as they can.
    std::vector<double> position(m_nodes.size(), 0);
    for (std::size_t c = 0; c < m_order.size(); ++c) {
        std::vector<double> weight(m_nodes.size(), 0), sum(m_nodes.size(), 0);
        if (c > 0) {
            for (const Band &band : m_bands) {
                const Node &from = m_nodes[std::size_t(band.from)];
                const Node &to = m_nodes[std::size_t(band.to)];
                const int here = from.column == int(c) ? band.from : to.column == int(c) ? band.to : -1;
                const int there = here == band.from ? band.to : band.from;
                if (here < 0 || m_nodes[std::size_t(there)].column != int(c) - 1)
                    continue;
                weight[std::size_t(here)] += double(band.amountMinor);
                sum[std::size_t(here)] += double(band.amountMinor) * position[std::size_t(there)];
            }
        }
        std::vector<int> &column = m_order[c];
        const auto key = [&](int i) { return weight[std::size_t(i)] > 0 ? sum[std::size_t(i)] / weight[std::size_t(i)] : 1e9; };
        std::sort(column.begin(), column.end(), [&](int a, int b) {
            const Node &na = m_nodes[std::size_t(a)];
            const Node &nb = m_nodes[std::size_t(b)];
            if (rankOf(na.kind) != rankOf(nb.kind))
                return rankOf(na.kind) < rankOf(nb.kind);
            if (key(a) != key(b))
                return key(a) < key(b);
            if (na.amountMinor != nb.amountMinor)
                return na.amountMinor > nb.amountMinor;
            return na.accounts < nb.accounts;
        });
        for (std::size_t r = 0; r < column.size(); ++r)
            position[std::size_t(column[r])] = double(r);
    }
}

std::vector<TraceDiagram::Remainder> TraceDiagram::remainders() const
{
    const std::vector<NodeKind> kinds = m_forward
                                                ? std::vector<NodeKind> { NodeKind::Held, NodeKind::CashOut, NodeKind::BeyondHops, NodeKind::Unexplained }
                                                : std::vector<NodeKind> { NodeKind::FromCash, NodeKind::BeyondHops, NodeKind::Unexplained };
    std::vector<Remainder> totals;
    for (const NodeKind kind : kinds) {
        std::int64_t amount = 0;
        if (m_forward && kind == NodeKind::Unexplained) {
            amount = m_result.unexplainedMinor;
        } else {
            for (const Node &node : m_nodes) {
                if (node.kind == kind)
                    amount += node.amountMinor;
            }
        }
        totals.push_back({ kind, amount });
    }
    return totals;
}

QString TraceDiagram::kindName(NodeKind kind, bool forward)
{
    switch (kind) {
    case NodeKind::Anchor:
        return forward ? QStringLiteral("Source") : QStringLiteral("Destination");
    case NodeKind::Account:
        return QStringLiteral("Account");
    case NodeKind::OtherAccounts:
        return QStringLiteral("Other accounts");
    case NodeKind::Held:
        return QStringLiteral("Still held");
    case NodeKind::CashOut:
        return QStringLiteral("Withdrawn as cash / to unknown parties");
    case NodeKind::BeyondHops:
        return forward ? QStringLiteral("Beyond the hop limit (not followed)") : QStringLiteral("From beyond the hop limit (not followed)");
    case NodeKind::FromCash:
        return QStringLiteral("Arrived as cash / from unknown parties");
    case NodeKind::Unexplained:
        break;
    }
    return forward ? QStringLiteral("Unexplained outflows (not traced money)") : QStringLiteral("Unexplained (paid without known inflows)");
}

QString TraceDiagram::accountLabel(std::int32_t account) const
{
    return account < 0 ? QStringLiteral("cash or unknown party") : m_labels.value(account, QStringLiteral("account %1").arg(account));
}

QString TraceDiagram::pathText(int path) const
{
    if (path < 0 || path >= int(m_result.paths.size()))
        return {};
    QStringList steps;
    for (const std::int32_t account : m_result.paths[std::size_t(path)].accounts)
        steps << accountLabel(account);
    return steps.join(QStringLiteral(" → "));
}

QString TraceDiagram::formatMoney(std::int64_t minor) const
{
    return model::formatAmount(minor, m_result.request.currency.toStdString());
}

QString TraceDiagram::shortMoney(std::int64_t minor) const
{
    const std::string currency = m_result.request.currency.toStdString();
    return model::shortAmount(model::toMajor(minor, currency)) + QLatin1Char(' ') + m_result.request.currency;
}

QString TraceDiagram::dayText(std::int64_t utcSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, m_zone).toString(QStringLiteral("yyyy-MM-dd"));
}

QString TraceDiagram::title() const
{
    const TraceRequest &request = m_result.request;
    QStringList parts;
    parts << (m_forward ? QStringLiteral("Forward trace") : QStringLiteral("Backward trace")) << methodTitle(request.method)
          << (request.hops == 1 ? QStringLiteral("1 hop") : QStringLiteral("%1 hops").arg(request.hops));
    if (m_forward && (request.from > 0 || request.to > 0)) {
        parts << QStringLiteral("inflows %1 – %2")
                         .arg(request.from > 0 ? dayText(request.from) : QStringLiteral("start"),
                              request.to > 0 ? dayText(request.to) : QStringLiteral("end"));
    } else {
        std::int64_t first = 0, last = 0;
        for (const TraceResult::Path &path : m_result.paths) {
            if (path.firstAt > 0)
                first = first == 0 ? path.firstAt : std::min(first, path.firstAt);
            last = std::max(last, path.lastAt);
        }
        if (first > 0)
            parts << QStringLiteral("%1 – %2").arg(dayText(first), dayText(last));
    }
    parts << QStringLiteral("traced %1").arg(formatMoney(m_result.tracedMinor));
    return parts.join(QStringLiteral(" · "));
}

QString TraceDiagram::toolTip(const Hit &hit) const
{
    if (hit.node >= 0) {
        const Node &node = m_nodes[std::size_t(hit.node)];
        QString text = node.kind == NodeKind::Anchor ? kindName(node.kind, m_forward) + QStringLiteral(": ") + node.label : node.label;
        text += QStringLiteral("\n") + formatMoney(node.amountMinor);
        if (node.kind == NodeKind::Account)
            text += QStringLiteral(" · ") + (node.column == 1 ? QStringLiteral("1 hop") : QStringLiteral("%1 hops").arg(node.column));
        if (node.kind == NodeKind::OtherAccounts) {
            for (std::size_t i = 0; i < std::min<std::size_t>(node.accounts.size(), 10); ++i)
                text += QStringLiteral("\n  ") + accountLabel(node.accounts[i]);
            if (node.accounts.size() > 10)
                text += QStringLiteral("\n  and %1 more").arg(node.accounts.size() - 10);
        }
        return text;
    }
    if (hit.band < 0)
        return {};
    const Band &band = m_bands[std::size_t(hit.band)];
    QString text = QStringLiteral("%1 → %2\n%3")
                           .arg(m_nodes[std::size_t(band.from)].label, m_nodes[std::size_t(band.to)].label, formatMoney(band.amountMinor));
    if (hit.path >= 0) {
        const TraceResult::Path &path = m_result.paths[std::size_t(hit.path)];
        text += QStringLiteral("\nPath: %1\n%2, %3 – %4").arg(pathText(hit.path), formatMoney(path.amountMinor), dayText(path.firstAt), dayText(path.lastAt));
    }
    return text;
}

int TraceDiagram::nodeOfAccount(std::int32_t account) const
{
    int best = -1;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        if (std::find(node.accounts.begin(), node.accounts.end(), account) == node.accounts.end())
            continue;
        if (best < 0 || node.column < m_nodes[std::size_t(best)].column)
            best = int(i);
    }
    return best;
}

QSizeF TraceDiagram::preferredSize() const
{
    std::size_t tallest = 1;
    for (const std::vector<int> &column : m_order)
        tallest = std::max(tallest, column.size());
    const double lineHeight = QFontMetricsF(labelFont()).height();
    const double width = std::max(960.0, 2 * kMargin + 260 + 240.0 * std::max(1, m_columns - 1));
    // Room for a two-line label per box, and as much again for the boxes themselves.
    const double height = std::max(540.0, 140 + double(tallest) * (2 * lineHeight + 4) * 2.2);
    return { width, height };
}

double TraceDiagram::displayX(int column) const
{
    const int display = m_forward ? column : m_columns - 1 - column;
    const double step = m_columns > 1 ? (m_plot.width() - kNodeWidth) / (m_columns - 1) : 0;
    return m_plot.left() + display * step;
}

void TraceDiagram::layout(const QSizeF &size)
{
    m_size = size;
    const QFontMetricsF labelMetrics(labelFont());
    const double lineHeight = labelMetrics.height();
    const double header = QFontMetricsF(titleFont()).height() + 20;
    const std::vector<std::pair<QPointF, QString>> legend = footerEntries(size.width());
    const double legendHeight = legend.empty() ? 0 : legend.back().first.y() + lineHeight;
    const double footer = legendHeight + 20;
    m_footerTop = size.height() - legendHeight - 10;
    const double labelWidth = std::clamp(size.width() * 0.2, 120.0, 260.0);
    m_plot = QRectF(kMargin, header, std::max(10.0, size.width() - 2 * kMargin - labelWidth),
                    std::max(10.0, size.height() - header - footer));

    // One scale for all columns: the fullest column fills the height. The gap between boxes
    // leaves a thin box room for its label; crowded columns get one-line labels.
    std::size_t tallest = 1;
    for (const std::vector<int> &column : m_order)
        tallest = std::max(tallest, column.size());
    m_twoLineLabels = m_plot.height() >= double(tallest) * (2 * lineHeight + 4) * 1.6;
    const double labelHeight = m_twoLineLabels ? 2 * lineHeight + 2 : lineHeight + 2;
    const double gap = std::max(3.0, std::min(labelHeight + 2 - kMinNodeHeight, m_plot.height() * 0.6 / double(tallest)));
    m_scale = 0;
    for (const std::vector<int> &column : m_order) {
        std::int64_t total = 0;
        for (const int node : column)
            total += m_nodes[std::size_t(node)].amountMinor;
        if (total <= 0)
            continue;
        const double room = m_plot.height() - gap * double(column.size() - 1) - kMinNodeHeight * double(column.size());
        const double scale = std::max(room, 1.0) / double(total);
        m_scale = m_scale == 0 ? scale : std::min(m_scale, scale);
    }

    const double step = m_columns > 1 ? (m_plot.width() - kNodeWidth) / (m_columns - 1) : m_plot.width();
    for (std::size_t c = 0; c < m_order.size(); ++c) {
        const std::vector<int> &column = m_order[c];
        double total = gap * double(column.size() - 1);
        for (const int node : column)
            total += std::max(kMinNodeHeight, double(m_nodes[std::size_t(node)].amountMinor) * m_scale);
        double y = m_plot.top() + std::max(0.0, (m_plot.height() - total) / 2);
        const double x = displayX(int(c));
        for (const int index : column) {
            Node &node = m_nodes[std::size_t(index)];
            const double height = std::max(kMinNodeHeight, double(node.amountMinor) * m_scale);
            node.rect = QRectF(x, y, kNodeWidth, height);
            y += height + gap;
        }

        // Labels to the right of their box, two lines, pushed apart where boxes are thin.
        const bool rightmost = (m_forward ? int(c) : m_columns - 1 - int(c)) == m_columns - 1;
        const double width = std::max(40.0, (rightmost ? labelWidth : step - kNodeWidth) - 10);
        const double height = labelHeight;
        double bottom = m_plot.top() - 1e9;
        for (const int index : column) {
            Node &node = m_nodes[std::size_t(index)];
            const double top = std::max(node.rect.center().y() - height / 2, bottom + 2);
            node.labelRect = QRectF(node.rect.right() + 5, top, width, height);
            bottom = node.labelRect.bottom();
        }
        double limit = m_plot.bottom() + 4;
        for (auto it = column.rbegin(); it != column.rend(); ++it) {
            Node &node = m_nodes[std::size_t(*it)];
            if (node.labelRect.bottom() > limit)
                node.labelRect.moveBottom(limit);
            limit = node.labelRect.top() - 2;
        }
    }

    // Bands leave a box in the order of their targets and enter one in the order of their sources.
    std::vector<std::vector<int>> outgoing(m_nodes.size()), incoming(m_nodes.size());
    for (std::size_t b = 0; b < m_bands.size(); ++b) {
        m_bands[b].thickness = double(m_bands[b].amountMinor) * m_scale;
        outgoing[std::size_t(m_bands[b].from)].push_back(int(b));
        incoming[std::size_t(m_bands[b].to)].push_back(int(b));
    }
    const auto byY = [&](int end) {
        return [this, end](int a, int b) {
            const Band &ba = m_bands[std::size_t(a)];
            const Band &bb = m_bands[std::size_t(b)];
            const double ya = m_nodes[std::size_t(end == 0 ? ba.to : ba.from)].rect.top();
            const double yb = m_nodes[std::size_t(end == 0 ? bb.to : bb.from)].rect.top();
            return ya != yb ? ya < yb : a < b;
        };
    };
    // Within a band, paths lie in the order they part at its right end, so a path keeps its
    // place from one band to the next where it can.
    for (Band &band : m_bands) {
        const auto partsAt = [&](int path) {
            const std::vector<int> &route = m_pathNodes[std::size_t(path)];
            const auto at = std::find(route.begin(), route.end(), band.to);
            return at != route.end() && at + 1 != route.end() ? m_nodes[std::size_t(*(at + 1))].rect.top() : -1.0;
        };
        std::stable_sort(band.paths.begin(), band.paths.end(), [&](const auto &a, const auto &b) {
            const double ya = partsAt(a.first);
            const double yb = partsAt(b.first);
            return ya != yb ? ya < yb : a.first < b.first;
        });
    }
    for (std::size_t n = 0; n < m_nodes.size(); ++n) {
        std::sort(outgoing[n].begin(), outgoing[n].end(), byY(0));
        std::sort(incoming[n].begin(), incoming[n].end(), byY(1));
        double y = m_nodes[n].rect.top();
        for (const int b : outgoing[n]) {
            m_bands[std::size_t(b)].fromY = y;
            y += m_bands[std::size_t(b)].thickness;
        }
        y = m_nodes[n].rect.top();
        for (const int b : incoming[n]) {
            m_bands[std::size_t(b)].toY = y;
            y += m_bands[std::size_t(b)].thickness;
        }
    }
}

void TraceDiagram::paint(QPainter &painter, const QRectF &target)
{
    if (target.size() != m_size)
        layout(target.size());
    m_origin = target.topLeft();
    painter.save();
    painter.translate(m_origin);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(), m_size), Qt::white);
    drawHeader(painter);
    if (isEmpty()) {
        painter.setFont(labelFont());
        painter.setPen(kMutedText);
        painter.drawText(QRectF(QPointF(), m_size), Qt::AlignCenter | Qt::TextWordWrap,
                         QStringLiteral("No %1 money was traced with these settings: the source received none in the "
                                     "chosen dates, or the destination none from followed accounts.")
                                 .arg(m_result.request.currency));
    } else {
        drawBands(painter);
        drawNodes(painter);
    }
    drawFooter(painter);
    painter.restore();
}

void TraceDiagram::drawHeader(QPainter &painter) const
{
    painter.setFont(titleFont());
    painter.setPen(kTextColour);
    const QRectF line(kMargin, 8, m_size.width() - 2 * kMargin, QFontMetricsF(titleFont()).height());
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, QFontMetricsF(titleFont()).elidedText(title(), Qt::ElideRight, line.width()));
}

void TraceDiagram::drawBands(QPainter &painter) const
{
    painter.setPen(Qt::NoPen);
    for (const Band &band : m_bands) {
        const Node &from = m_nodes[std::size_t(band.from)];
        const Node &to = m_nodes[std::size_t(band.to)];
        QColor colour = isRemainder(to.kind) ? colourOf(to.kind) : isRemainder(from.kind) ? colourOf(from.kind) : kAccountColour;
        colour.setAlpha(isRemainder(to.kind) || isRemainder(from.kind) ? 90 : 70);
        painter.setBrush(colour);
        painter.drawPath(bandShape(from.rect.right(), band.fromY, to.rect.left(), band.toY, std::max(band.thickness, 1.0)));
    }
    if (m_highlighted < 0)
        return;
    // The highlighted path's own share of each band it runs along.
    QColor colour = kHighlightColour;
    colour.setAlpha(210);
    painter.setBrush(colour);
    for (const Band &band : m_bands) {
        double offset = 0;
        for (const auto &[path, amount] : band.paths) {
            if (path == m_highlighted) {
                const double thickness = std::max(double(amount) * m_scale, 2.0);
                painter.drawPath(bandShape(m_nodes[std::size_t(band.from)].rect.right(), band.fromY + offset,
                                           m_nodes[std::size_t(band.to)].rect.left(), band.toY + offset, thickness));
                break;
            }
            offset += double(amount) * m_scale;
        }
    }
}

void TraceDiagram::drawNodes(QPainter &painter) const
{
    const QFont font = labelFont();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    const QFontMetricsF boldMetrics(bold);
    std::set<int> onPath;
    if (m_highlighted >= 0) {
        for (const Band &band : m_bands) {
            for (const auto &share : band.paths) {
                if (share.first == m_highlighted) {
                    onPath.insert(band.from);
                    onPath.insert(band.to);
                }
            }
        }
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        painter.setPen(onPath.count(int(i)) ? QPen(kHighlightColour, 2) : QPen(Qt::NoPen));
        painter.setBrush(colourOf(node.kind));
        painter.drawRect(node.rect);
    }
    // Labels last, on a light backing so bands under them stay visible but do not blur the text.
    for (const Node &node : m_nodes) {
        const QRectF box = node.labelRect;
        // One line is for crowded columns: the amount shortens ("26.2 M KZT") so the name has room;
        // the exact figure is in the tooltip and the paths table.
        const QString amount = m_twoLineLabels ? formatMoney(node.amountMinor) : shortMoney(node.amountMinor);
        const double room = box.width() - 6;
        // One line: the amount keeps its room and the name gives way.
        const double amountWidth = m_twoLineLabels ? 0 : metrics.horizontalAdvance(amount) + 8;
        const QString name = boldMetrics.elidedText(node.label, Qt::ElideRight, std::max(room - amountWidth, room / 3));
        const double nameWidth = boldMetrics.horizontalAdvance(name);
        const double textWidth = m_twoLineLabels ? std::max(nameWidth, metrics.horizontalAdvance(amount)) : nameWidth + amountWidth;
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 200));
        painter.drawRoundedRect(QRectF(box.left(), box.top(), std::min(textWidth + 6, box.width()), box.height()), 3, 3);
        const QRectF nameLine(box.left() + 3, box.top(), room, m_twoLineLabels ? box.height() / 2 : box.height());
        const QRectF amountLine = m_twoLineLabels ? QRectF(box.left() + 3, box.center().y(), room, box.height() / 2)
                                                  : QRectF(box.left() + 3 + nameWidth + 8, box.top(), room - nameWidth - 8, box.height());
        painter.setFont(bold);
        painter.setPen(node.kind == NodeKind::Account || node.kind == NodeKind::Anchor ? kTextColour : colourOf(node.kind).darker(120));
        painter.drawText(nameLine, Qt::AlignLeft | Qt::AlignVCenter, name);
        painter.setFont(font);
        painter.setPen(kMutedText);
        painter.drawText(amountLine, Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(amount, Qt::ElideRight, amountLine.width()));
    }
}

std::vector<std::pair<QPointF, QString>> TraceDiagram::footerEntries(double width) const
{
    const QFontMetricsF metrics(labelFont());
    std::vector<std::pair<QPointF, QString>> entries;
    double x = kMargin;
    double y = 0;
    for (const Remainder &remainder : remainders()) {
        const QString text = QStringLiteral("%1: %2").arg(kindName(remainder.kind, m_forward), formatMoney(remainder.amountMinor));
        const double entryWidth = metrics.horizontalAdvance(text) + 14;
        if (x > kMargin && x + entryWidth > width - kMargin) {
            x = kMargin;
            y += metrics.height() + 4;
        }
        entries.push_back({ QPointF(x, y), text });
        x += entryWidth + 24;
    }
    return entries;
}

void TraceDiagram::drawFooter(QPainter &painter) const
{
    const QFontMetricsF metrics(labelFont());
    painter.setFont(labelFont());
    const std::vector<Remainder> totals = remainders();
    const std::vector<std::pair<QPointF, QString>> entries = footerEntries(m_size.width());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const QPointF at = entries[i].first + QPointF(0, m_footerTop);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colourOf(totals[i].kind));
        painter.drawRect(QRectF(at.x(), at.y() + metrics.height() / 2 - 5, 10, 10));
        painter.setPen(kTextColour);
        painter.drawText(QPointF(at.x() + 14, at.y() + metrics.ascent()), entries[i].second);
    }
}

TraceDiagram::Hit TraceDiagram::hitTest(const QPointF &point) const
{
    const QPointF p = point - m_origin;
    Hit hit;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].rect.adjusted(-2, -2, 2, 2).contains(p)) {
            hit.node = int(i);
            return hit;
        }
    }
    for (int b = int(m_bands.size()) - 1; b >= 0; --b) {
        const Band &band = m_bands[std::size_t(b)];
        const double x0 = m_nodes[std::size_t(band.from)].rect.right();
        const double x1 = m_nodes[std::size_t(band.to)].rect.left();
        if (p.x() < x0 || p.x() > x1 || x1 <= x0)
            continue;
        // x along the curve grows with t: find t by bisection, then the band's top there.
        const double mid = (x0 + x1) / 2;
        double low = 0, high = 1;
        for (int i = 0; i < 30; ++i) {
            const double t = (low + high) / 2;
            (bezier(x0, mid, mid, x1, t) < p.x() ? low : high) = t;
        }
        const double t = (low + high) / 2;
        const double top = bezier(band.fromY, band.fromY, band.toY, band.toY, t);
        if (p.y() < top - 1.5 || p.y() > top + std::max(band.thickness, 1.0) + 1.5)
            continue;
        hit.band = b;
        double offset = top;
        for (const auto &[path, amount] : band.paths) {
            offset += double(amount) * m_scale;
            hit.path = path;
            if (p.y() <= offset)
                break;
        }
        return hit;
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].labelRect.contains(p)) {
            hit.node = int(i);
            return hit;
        }
    }
    return hit;
}

bool TraceDiagram::canExportTo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"png" || suffix == u"svg" || suffix == u"pdf";
}

bool TraceDiagram::exportTo(const QString &path, QString *error) const
{
    TraceDiagram copy = *this; // drawn at its own size, leaving this one's layout to its widget

    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("Drawing the diagram needs Qt's graphical part (a QGuiApplication), which this program did not start."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSizeF size = preferredSize();
    QPainter painter;
    if (suffix == u"png") {
        // Twice the pixels, so the picture stays sharp in a report.
        QImage image((size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        painter.begin(&image);
        copy.paint(painter, QRectF(QPointF(), size));
        painter.end();
        if (!image.save(path, "PNG"))
            return fail(QStringLiteral("Could not write %1.").arg(path));
        return true;
    }
    if (suffix == u"svg") {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size.toSize());
        generator.setViewBox(QRectF(QPointF(), size));
        generator.setTitle(title());
        generator.setDescription(QStringLiteral("Fund trace diagram made by Fundtrace"));
        if (!painter.begin(&generator))
            return fail(QStringLiteral("Could not write %1.").arg(path));
        copy.paint(painter, QRectF(QPointF(), size));
        if (!painter.end())
            return fail(QStringLiteral("Could not finish %1.").arg(path));
        return true;
    }
    if (suffix == u"pdf") {
        // One page the size of the diagram, at 96 dots per inch so painter units are pixels.
        QPdfWriter writer(path);
        writer.setResolution(96);
        writer.setPageSize(QPageSize(size * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("Fundtrace"));
        if (!painter.begin(&writer))
            return fail(QStringLiteral("Could not write %1.").arg(path));
        copy.paint(painter, QRectF(QPointF(), size));
        if (!painter.end())
            return fail(QStringLiteral("Could not finish %1.").arg(path));
        return true;
    }
    return fail(QStringLiteral("The diagram is exported as PNG, SVG or PDF: give a file name ending in .png, .svg or .pdf."));
}

} // namespace fundtrace::graph
