#pragma once

#include "demo/DemoRandom.h"
#include "demo/PersonName.h"

namespace fundtrace::demo {

// Invented but plausible names of people living in Kazakhstan: Kazakh, Russian, Korean, Uzbek and
// Uyghur families, with surnames and patronymics inflected for sex.
class NamePool {
public:
    enum class Origin { Kazakh, Russian, Korean, Uzbek };

    // Origin drawn with Almaty-like proportions.
    static PersonName person(DemoRandom &rng, bool male);
    static PersonName person(DemoRandom &rng, bool male, Origin origin);
    // A spouse, child or sibling: same family surname, inflected for sex.
    static PersonName relative(DemoRandom &rng, const PersonName &of, bool male);
    // "Жумабаев" -> "Жумабаева"; surnames that do not inflect ("Ким", "Ткаченко") unchanged.
    static QString inflectSurname(const QString &maleSurname, bool male);
    // Father's name -> patronymic: "Серик" -> "Серикович"/"Сериковна", "Сергей" -> "Сергеевич".
    static QString russianPatronymic(const QString &fatherName, bool male);
    // Kazakh letters replaced by their Russian spellings ("Серік" -> "Серик").
    static QString russify(const QString &text);
};

} // namespace fundtrace::demo
