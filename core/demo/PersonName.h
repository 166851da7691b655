#pragma once

#include <QString>

namespace fundtrace::demo {

// A person's name the way Kazakh documents hold it: surname, given name, patronymic (Russian-style
// "Серикович" or Kazakh-style "Серікұлы"; empty for some people).
struct PersonName {
    QString surname;
    QString given;
    QString patronymic;
    bool male = true;

    QString full() const;      // "Жумабаев Арман Серикович"
    QString initials() const;  // "Жумабаев А.С."
    QString appShort() const;  // "Арман Ж." as mobile-banking transfers show the other side
};

} // namespace fundtrace::demo
