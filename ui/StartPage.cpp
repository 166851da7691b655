#include "StartPage.h"

#include "Icons.h"

#include <QDir>
#include <algorithm>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fundtrace::ui {
namespace {

QPushButton *actionButton(const char *iconName, const QString &text, const QString &detail, QWidget *parent)
{
    auto *button = new QPushButton(icon(iconName), text, parent);
    button->setToolTip(detail);
    button->setIconSize(QSize(24, 24));
    button->setMinimumHeight(44);
    button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 6px 14px; }"));
    return button;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_recentStack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("startPage"));
    setAutoFillBackground(true);

    auto *logo = new QLabel(this);
    logo->setPixmap(icon("app").pixmap(64, 64));
    auto *title = new QLabel(QStringLiteral("Fundtrace"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline = new QLabel(tr("Follow the money through bank statements: import exports from any bank, "
                                  "filter and search millions of transactions, and keep every figure traceable "
                                  "to its file and row."),
                               this);
    tagline->setWordWrap(true);
    tagline->setForegroundRole(QPalette::PlaceholderText);

    auto *titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(tagline);
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addLayout(titles, 1);

    auto *newCase = actionButton("case-new", tr("New case…"), tr("Create an empty case file (Ctrl+N)"), this);
    auto *openCase = actionButton("case-open", tr("Open case…"), tr("Open an existing .ftcase file (Ctrl+O)"), this);
    auto *demo = actionButton("demo", tr("Open demo case"),
                              tr("A generated case with bank exports in several layouts and encodings, to try "
                                 "Fundtrace without real data"),
                              this);
    newCase->setObjectName(QStringLiteral("startNewCase"));
    openCase->setObjectName(QStringLiteral("startOpenCase"));
    demo->setObjectName(QStringLiteral("startDemo"));
    connect(newCase, &QPushButton::clicked, this, &StartPage::newCaseRequested);
    connect(openCase, &QPushButton::clicked, this, &StartPage::openCaseRequested);
    connect(demo, &QPushButton::clicked, this, &StartPage::openDemoRequested);

    // Analysts live on the keyboard; the start page is where they learn the keys.
    auto *keys = new QLabel(this);
    keys->setTextFormat(Qt::RichText);
    QString rows;
    const std::pair<const char *, QString> shortcuts[] = {
        { "Ctrl+N", tr("New case") },          { "Ctrl+O", tr("Open case") },
        { "Ctrl+I", tr("Import bank exports") }, { "Ctrl+F", tr("Search purposes and names") },
        { "F5", tr("Refresh") },               { "Ctrl+Shift+P", tr("Case properties") },
        { "Ctrl+L", tr("Show the log") },      { "Ctrl+C", tr("Copy selected rows") },
    };
    for (const auto &[key, what] : shortcuts)
        rows += QStringLiteral("<tr><td style='padding:2px 16px 2px 0'><b>%1</b></td><td style='padding:2px 0'>%2</td></tr>")
                        .arg(QString::fromLatin1(key), what.toHtmlEscaped());
    keys->setText(QStringLiteral("<table>%1</table>").arg(rows));

    auto *start = new QVBoxLayout;
    start->setSpacing(8);
    start->addWidget(heading(tr("Start"), this));
    start->addWidget(newCase);
    start->addWidget(openCase);
    start->addWidget(demo);
    start->addSpacing(20);
    start->addWidget(heading(tr("Keyboard"), this));
    start->addWidget(keys);
    start->addStretch();

    m_recent->setObjectName(QStringLiteral("recentCases"));
    m_recent->setIconSize(QSize(20, 20));
    m_recent->setSpacing(2);
    m_recent->setAlternatingRowColors(true);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit recentCaseRequested(item->data(Qt::UserRole).toString());
    });
    auto *noRecent = new QLabel(tr("Cases you open appear here."), this);
    noRecent->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    noRecent->setForegroundRole(QPalette::PlaceholderText);
    noRecent->setMargin(4);
    m_recentStack->addWidget(noRecent);
    m_recentStack->addWidget(m_recent);

    auto *recent = new QVBoxLayout;
    recent->setSpacing(8);
    recent->addWidget(heading(tr("Recent cases"), this));
    recent->addWidget(m_recentStack);
    recent->addStretch();

    auto *columns = new QHBoxLayout;
    columns->setSpacing(32);
    columns->addLayout(start, 2);
    columns->addLayout(recent, 3);

    auto *panel = new QWidget(this);
    panel->setMaximumWidth(900);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setSpacing(28);
    panelLayout->addLayout(header);
    panelLayout->addLayout(columns, 1);

    auto *outer = new QHBoxLayout;
    outer->addStretch(1);
    outer->addWidget(panel, 4);
    outer->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 48, 32, 32);
    layout->addLayout(outer, 1);
    layout->addStretch(0);
}

void StartPage::setRecentCases(const QStringList &paths)
{
    // As tall as its entries, so a short list does not leave a large empty box.
    const int rowHeight = 2 * fontMetrics().lineSpacing() + 12;
    m_recent->setFixedHeight(std::clamp(static_cast<int>(paths.size()), 1, 10) * rowHeight + 4);
    m_recent->clear();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(icon("case-open"),
                                         QStringLiteral("%1\n%2").arg(info.completeBaseName(),
                                                                      QDir::toNativeSeparators(info.absolutePath())),
                                         m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (!info.exists()) {
            item->setText(tr("%1 (missing)\n%2").arg(info.completeBaseName(), QDir::toNativeSeparators(info.absolutePath())));
            item->setForeground(palette().placeholderText());
        }
    }
    m_recentStack->setCurrentIndex(paths.isEmpty() ? 0 : 1);
}

} // namespace fundtrace::ui
