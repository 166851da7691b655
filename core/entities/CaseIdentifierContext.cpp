#include "entities/CaseIdentifierContext.h"

#include <QRandomGenerator>

namespace fundtrace::entities {

identifiers::IdentifierContext caseIdentifierContext(db::CaseFile &caseFile)
{
    identifiers::IdentifierContext context;
    context.defaultRegion = caseFile.meta(QStringLiteral("phone_region"), QStringLiteral("KZ"));
    QString key = caseFile.meta(QStringLiteral("card_hash_key"));
    if (key.isEmpty() && !caseFile.isReadOnly()) {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        key = QString::fromLatin1(bytes.toHex());
        caseFile.setMeta(QStringLiteral("card_hash_key"), key);
    }
    context.cardHashKey = QByteArray::fromHex(key.toLatin1());
    return context;
}

} // namespace fundtrace::entities
