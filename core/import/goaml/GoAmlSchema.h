#pragma once

#include <QStringView>

namespace fundtrace::import {

// Whether an element name belongs to the goAML 4.x/5.x report schema (UNODC goAML Web XML
// report: report, transaction, activity and the person/entity/account types they use). The
// importer checks structure itself, since no XSD is bundled; anything else is a schema deviation.
bool isGoAmlElement(QStringView name);

} // namespace fundtrace::import
