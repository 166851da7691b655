#pragma once

#include "detect/Rule.h"

#include <string>
#include <vector>

namespace fundtrace::detect {

// Payment purposes (and optionally counterparty names) carrying terrorist-financing vocabulary in
// Russian, Kazakh, Arabic or English, in native script or transliterated. Each dictionary entry
// has a weight; a text is flagged when the weights of the distinct entries it matches reach
// min_weight, so strong terms flag alone and weak ones (charity words, "brothers") need a second.
// One alert per account and calendar month. Dictionary reasoning: docs/rules-keywords.md.
class PurposeKeywordRule : public Rule {
public:
    // One dictionary entry: "джихад|jihad|جهاد" -> variants, each a sequence of folded words.
    struct Term {
        QString label;  // the first spelling, for explanations
        QString note;
        int weight = 0;
        bool stem = true; // the last word of a variant may be followed by any ending
        std::vector<std::vector<std::string>> variants;
    };

    QString id() const override { return QStringLiteral("purpose_keywords"); }
    QString typology() const override { return QStringLiteral("Payment-purpose keywords"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

    // Text -> folded words as both the dictionary and the purposes are compared: transliterated
    // to ASCII, spelling variants folded (dzh/zh/j, kh/h, q/k, y/i, doubled letters).
    static std::vector<std::string> words(const QString &text);
    // Indexes into terms() of the entries a text matches, ascending.
    std::vector<int> match(const QString &text) const;
    const std::vector<Term> &terms() const { return m_terms; }

    static const char *defaultTermsJson();

private:
    std::vector<Term> m_terms;
    // Variants by the first byte of their first word, so a text word is compared with few.
    std::vector<std::pair<int, int>> m_byFirstChar[128]; // (term, variant)
    int m_minWeight = 60;
    bool m_purpose = true;
    bool m_counterpartyName = false;
    int m_maxExamples = 3;
};

} // namespace fundtrace::detect
