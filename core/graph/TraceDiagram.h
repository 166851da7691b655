#pragma once

#include "graph/FundTrace.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTimeZone>
#include <cstdint>
#include <vector>

class QPainter;

namespace fundtrace::graph {

// A trace drawn as a flow (Sankey) diagram: the source (forward) or the destination (backward) at
// one side, the accounts the money passed through in columns by hop, bands as wide as the money
// that moved between them, and what the trace could not follow as boxes of their own (withdrawn
// as cash, still held, beyond the hop limit, unexplained, arrived as cash). Money always runs
// left to right. In each column the smaller accounts beyond `maxAccountsPerColumn` are folded
// into one "N other accounts" box, so fifty destinations stay readable.
//
// Built once from a result (labels are taken from the context then, so the diagram is a value
// that can be handed to another thread). Painting needs a QGuiApplication for its fonts.
class TraceDiagram {
public:
    enum class NodeKind {
        Anchor,        // the source (forward) or destination (backward): all the request's accounts
        Account,
        OtherAccounts, // smaller accounts of a column, folded
        Held,          // forward: still in the account it flows from at the end of the data
        CashOut,       // forward: withdrawn as cash or paid to a party the data does not identify
        BeyondHops,    // went on to (forward) or came from (backward) accounts past the hop limit
        FromCash,      // backward: arrived as cash or from an unidentified party
        Unexplained,   // backward: paid by the account it flows into without inflows the data shows
    };

    struct Node {
        NodeKind kind = NodeKind::Account;
        int column = 0;                    // transfers from the anchor
        std::vector<std::int32_t> accounts; // context indexes: the anchor's, an account's, or the folded ones
        std::int64_t amountMinor = 0;      // the money through this box
        QString label;
        QRectF rect;                       // in diagram coordinates, after layout()
        QRectF labelRect;
    };

    struct Band {
        int from = -1;                     // node on the left (money runs from it)
        int to = -1;
        std::int64_t amountMinor = 0;
        // The result's paths along this band with their share, stacked top to bottom (after layout(), in
        // the order they part at the right end).
        std::vector<std::pair<int, std::int64_t>> paths;
        double fromY = 0;                  // top edge at the left node, after layout()
        double toY = 0;                    // top edge at the right node
        double thickness = 0;
    };

    // What is under a point: a box, or a band and the path whose share of it is there.
    struct Hit {
        int node = -1;
        int band = -1;
        int path = -1; // index into result().paths
        bool isEmpty() const { return node < 0 && band < 0; }
    };

    // The totals of the boxes the trace could not follow further, as shown under the diagram.
    struct Remainder {
        NodeKind kind;
        std::int64_t amountMinor;
    };

    explicit TraceDiagram(const TraceResult &result, const detect::DetectionContext &context, int maxAccountsPerColumn = 12);

    const TraceResult &result() const { return m_result; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Band> &bands() const { return m_bands; }
    int columnCount() const { return m_columns; }
    bool isEmpty() const { return m_bands.empty(); }
    // The boxes' totals: held, cash out, beyond hops, from cash, unexplained (forward: the
    // result's outflows the known balances could not cover, which are not part of the traced money).
    std::vector<Remainder> remainders() const;

    // "Forward trace · FIFO · 5 hops · 2024-01-01 – 2024-06-30 · traced 1 234 567,89 KZT"
    QString title() const;
    static QString kindName(NodeKind kind, bool forward);
    // "KZ86 … (Name) → KZ12 … (Name) → cash or unknown party"
    QString pathText(int path) const;
    QString accountLabel(std::int32_t account) const;
    // accounts.id of a context index, 0 for cash or unknown.
    std::int64_t accountId(std::int32_t account) const { return m_accountIds.value(account, 0); }
    QString shortMoney(std::int64_t minor) const;
    QString formatMoney(std::int64_t minor) const;
    QString toolTip(const Hit &hit) const;
    // Dates in the title and tooltips are days in this zone (the case's; Asia/Almaty by default).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    // A size at which every label fits, for export.
    QSizeF preferredSize() const;
    void layout(const QSizeF &size);
    QSizeF layoutSize() const { return m_size; }
    // Draws into `target`, laying out again when its size differs from the last layout.
    void paint(QPainter &painter, const QRectF &target);
    // In the coordinates of the last paint() target.
    Hit hitTest(const QPointF &point) const;
    // A path of the result drawn over its bands in a strong colour; -1 for none.
    void setHighlightedPath(int path) { m_highlighted = path; }
    int highlightedPath() const { return m_highlighted; }
    // The node drawn for a context account (the folded box when it was folded), -1 when none.
    int nodeOfAccount(std::int32_t account) const;

    // PNG, SVG or PDF by the file's suffix, at preferredSize().
    bool exportTo(const QString &path, QString *error) const;
    // Whether exportTo() knows the file's suffix.
    static bool canExportTo(const QString &path);

private:
    void build(const detect::DetectionContext &context, int maxAccountsPerColumn);
    void orderColumns();
    void drawBands(QPainter &painter) const;
    void drawNodes(QPainter &painter) const;
    void drawHeader(QPainter &painter) const;
    void drawFooter(QPainter &painter) const;
    // Where each remainder's legend entry goes, wrapping into as many lines as `width` needs.
    std::vector<std::pair<QPointF, QString>> footerEntries(double width) const;
    double displayX(int column) const;
    QString dayText(std::int64_t utcSeconds) const;

    TraceResult m_result;
    bool m_forward = true;
    std::vector<Node> m_nodes;
    std::vector<Band> m_bands;
    int m_columns = 0;
    std::vector<std::vector<int>> m_order; // per column, its nodes top to bottom
    std::vector<std::vector<int>> m_pathNodes; // per result path, the boxes it runs through left to right
    QHash<std::int32_t, QString> m_labels;
    QHash<std::int32_t, std::int64_t> m_accountIds;
    QTimeZone m_zone;
    int m_highlighted = -1;
    QSizeF m_size;
    QPointF m_origin;   // top left of the last paint() target
    QRectF m_plot;      // where the columns are drawn, after layout()
    double m_scale = 0; // pixels per minor unit
    bool m_twoLineLabels = true; // name and amount on two lines, or one when boxes are crowded
    double m_footerTop = 0;
};

} // namespace fundtrace::graph
