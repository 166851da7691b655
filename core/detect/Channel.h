#pragma once

#include <QStringView>
#include <cstdint>

namespace fundtrace::detect {

// What kind of movement a transaction is, folded from the many ways sources write it ("cash",
// "Наличные", ISO bank transaction codes CDPT/CWDL, "Платежное поручение", goAML modes).
enum class Channel : std::uint8_t { Unknown, Transfer, Cash, Card, Wallet, Agent, Other };

Channel channelFromText(QStringView text);
const char *channelName(Channel channel);

} // namespace fundtrace::detect
