#include "SourceTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace fundtrace::ui {

SourceTableModel::SourceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SourceTableModel::setSources(std::vector<query::SourceRow> sources)
{
    beginResetModel();
    m_sources = std::move(sources);
    endResetModel();
}

const query::SourceRow *SourceTableModel::sourceAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_sources[static_cast<std::size_t>(row)];
}

int SourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTableModel::data(const QModelIndex &index, int role) const
{
    const query::SourceRow *source = sourceAt(index.row());
    if (!source)
        return {};
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case File:
            return source->fileName;
        case Format:
            return source->format.toUpper();
        case Encoding:
            return source->encoding;
        case Imported:
            return locale.toString(qint64(source->rowsImported));
        case Rejected:
            return locale.toString(qint64(source->rowsRejected));
        case Read:
            return locale.toString(qint64(source->rowsRead));
        case ImportedAt: {
            // Stored in UTC; shown in the analyst's local time, as file times are.
            const QDateTime at = QDateTime::fromString(source->importedAt, Qt::ISODate);
            return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : source->importedAt;
        }
        case ImportedBy:
            return source->importedBy;
        case Size:
            return locale.formattedDataSize(source->sizeBytes);
        case Sha256:
            return source->sha256;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Imported:
        case Rejected:
        case Read:
        case Size:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Rejected && source->rowsRejected > 0)
        return QBrush(QColor(0xa8, 0x32, 0x32));
    if (role == Qt::ToolTipRole) {
        return tr("%1\nSHA-256 %2\nImported %3 by %4%5")
                .arg(source->filePath, source->sha256, source->importedAt, source->importedBy,
                     source->durationMs ? tr(" in %1 s").arg(double(*source->durationMs) / 1000.0, 0, 'f', 1)
                                        : QString());
    }
    if (role == kSourceIdRole)
        return QVariant::fromValue<qint64>(source->id);
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = section == Imported || section == Rejected || section == Read || section == Size;
        return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case File:
        return tr("File");
    case Format:
        return tr("Format");
    case Encoding:
        return tr("Encoding");
    case Imported:
        return tr("Imported");
    case Rejected:
        return tr("Rejected");
    case Read:
        return tr("Rows read");
    case ImportedAt:
        return tr("Imported at");
    case ImportedBy:
        return tr("By");
    case Size:
        return tr("Size");
    case Sha256:
        return tr("SHA-256");
    default:
        return {};
    }
}

} // namespace fundtrace::ui
