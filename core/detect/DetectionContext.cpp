#include "detect/DetectionContext.h"

#include "db/Database.h"

#include <algorithm>

namespace fundtrace::detect {
namespace {

// Counting sort of row numbers by key into CSR form; rows keep their order within a key.
void buildCsr(std::size_t keys, std::size_t rows, const auto &keyOf, std::vector<std::uint32_t> &offsets,
              std::vector<std::uint32_t> &items)
{
    offsets.assign(keys + 1, 0);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::int32_t key = keyOf(row);
        if (key >= 0)
            ++offsets[std::size_t(key) + 1];
    }
    for (std::size_t k = 0; k < keys; ++k)
        offsets[k + 1] += offsets[k];
    items.assign(offsets[keys], 0);
    std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::int32_t key = keyOf(row);
        if (key >= 0)
            items[next[std::size_t(key)]++] = std::uint32_t(row);
    }
}

std::span<const std::uint32_t> slice(const std::vector<std::uint32_t> &offsets, const std::vector<std::uint32_t> &items,
                                      std::int32_t key)
{
    if (key < 0 || std::size_t(key) + 1 >= offsets.size())
        return {};
    return std::span<const std::uint32_t>(items.data() + offsets[std::size_t(key)],
                                          offsets[std::size_t(key) + 1] - offsets[std::size_t(key)]);
}

} // namespace

std::uint16_t DetectionContext::internCurrency(const QString &code)
{
    const auto found = m_currencyIndex.constFind(code);
    if (found != m_currencyIndex.constEnd())
        return std::uint16_t(*found);
    m_currencies.push_back(code);
    m_currencyIndex.insert(code, int(m_currencies.size() - 1));
    return std::uint16_t(m_currencies.size() - 1);
}

std::uint16_t DetectionContext::internCountry(const QString &code)
{
    if (code.isEmpty())
        return 0;
    const auto found = m_countryIndex.constFind(code);
    if (found != m_countryIndex.constEnd())
        return std::uint16_t(*found);
    m_countries.push_back(code);
    m_countryIndex.insert(code, int(m_countries.size() - 1));
    return std::uint16_t(m_countries.size() - 1);
}

const QString &DetectionContext::text(std::int32_t index) const
{
    static const QString empty;
    return index >= 0 && std::size_t(index) < m_texts.size() ? m_texts[std::size_t(index)] : empty;
}

QString DetectionContext::describeAccount(std::int32_t account) const
{
    if (account < 0)
        return QStringLiteral("(no account)");
    const Account &a = m_accounts[std::size_t(account)];
    if (a.subject < 0)
        return a.identifier;
    return QStringLiteral("%1 (%2)").arg(a.identifier, m_subjects[std::size_t(a.subject)].name);
}

QString DetectionContext::describeSubject(std::int32_t subject) const
{
    return subject < 0 ? QStringLiteral("(unknown)") : m_subjects[std::size_t(subject)].name;
}

std::span<const std::uint32_t> DetectionContext::rowsOf(std::int32_t account) const
{
    return slice(m_ownOffsets, m_ownRows, account);
}

std::span<const std::uint32_t> DetectionContext::rowsAgainst(std::int32_t account) const
{
    return slice(m_againstOffsets, m_againstRows, account);
}

std::span<const std::uint32_t> DetectionContext::flowsOut(std::int32_t account) const
{
    return slice(m_outOffsets, m_outFlows, account);
}

std::span<const std::uint32_t> DetectionContext::flowsIn(std::int32_t account) const
{
    return slice(m_inOffsets, m_inFlows, account);
}

void DetectionContext::buildIndexes()
{
    std::stable_sort(m_transactions.begin(), m_transactions.end(), [](const Transaction &a, const Transaction &b) {
        return a.bookedAt != b.bookedAt ? a.bookedAt < b.bookedAt : a.id < b.id;
    });
    const std::size_t accounts = m_accounts.size();
    const std::size_t rows = m_transactions.size();
    buildCsr(accounts, rows, [this](std::size_t row) { return m_transactions[row].account; }, m_ownOffsets, m_ownRows);
    buildCsr(accounts, rows, [this](std::size_t row) { return m_transactions[row].counterparty; }, m_againstOffsets,
             m_againstRows);
    for (std::size_t a = 0; a < accounts; ++a)
        m_accounts[a].hasStatement = m_ownOffsets[a + 1] > m_ownOffsets[a];

    m_flows.clear();
    for (std::size_t row = 0; row < rows; ++row) {
        const Transaction &t = m_transactions[row];
        if (t.account < 0 || t.counterparty < 0 || t.account == t.counterparty)
            continue;
        if (!t.credit)
            m_flows.push_back({ std::uint32_t(row), t.account, t.counterparty });
        else if (!m_accounts[std::size_t(t.counterparty)].hasStatement)
            m_flows.push_back({ std::uint32_t(row), t.counterparty, t.account });
    }
    buildCsr(accounts, m_flows.size(), [this](std::size_t f) { return m_flows[f].from; }, m_outOffsets, m_outFlows);
    buildCsr(accounts, m_flows.size(), [this](std::size_t f) { return m_flows[f].to; }, m_inOffsets, m_inFlows);

    for (Subject &subject : m_subjects)
        subject.accounts.clear();
    for (std::size_t a = 0; a < accounts; ++a) {
        if (m_accounts[a].subject >= 0)
            m_subjects[std::size_t(m_accounts[a].subject)].accounts.push_back(std::int32_t(a));
    }
}

DetectionContext DetectionContext::load(const db::Database &db)
{
    DetectionContext context;
    QHash<std::int64_t, std::int32_t> subjectIndex;
    {
        db::Statement select = db.prepare(
                "SELECT id, kind, display_name, coalesce(country, '') FROM subjects WHERE merged_into IS NULL ORDER BY id");
        while (select.step()) {
            subjectIndex.insert(select.int64(0), std::int32_t(context.m_subjects.size()));
            context.m_subjects.push_back({ select.int64(0), select.qtext(1), select.qtext(2), select.qtext(3), 0, {} });
        }
    }
    const auto subjectOf = [&](std::int64_t root) { return subjectIndex.value(root, -1); };
    {
        db::Statement select = db.prepare(
                "SELECT coalesce(s.merged_into, s.id), a.value FROM subject_attributes a JOIN subjects s ON s.id = a.subject_id "
                "WHERE a.kind = 'nationality'");
        while (select.step()) {
            const std::int32_t subject = subjectOf(select.int64(0));
            if (subject >= 0 && context.m_subjects[std::size_t(subject)].nationality.isEmpty())
                context.m_subjects[std::size_t(subject)].nationality = select.qtext(1).trimmed().toUpper();
        }
    }
    {
        db::Statement select = db.prepare(
                "SELECT coalesce(s.merged_into, s.id), max(h.score) FROM screening_hits h JOIN subjects s ON s.id = h.subject_id "
                "WHERE h.state != 'dismissed' GROUP BY 1");
        while (select.step()) {
            const std::int32_t subject = subjectOf(select.int64(0));
            if (subject >= 0)
                context.m_subjects[std::size_t(subject)].listedScore = int(select.int64(1));
        }
    }
    {
        db::Statement select = db.prepare(
                "SELECT coalesce(s.merged_into, s.id), a.kind, coalesce(a.normalized, lower(trim(a.value))) "
                "FROM subject_attributes a JOIN subjects s ON s.id = a.subject_id "
                "WHERE a.kind IN ('phone', 'email', 'passport', 'id_document', 'national_id', 'address', 'card', "
                "'crypto_wallet', 'device', 'ip_address') AND coalesce(a.validity, '') != 'invalid'");
        while (select.step()) {
            const std::int32_t subject = subjectOf(select.int64(0));
            if (subject >= 0)
                context.m_identifiers.push_back({ subject, select.qtext(1), select.qtext(2) });
        }
    }
    std::vector<std::int32_t> accountIndex;
    {
        db::Statement select = db.prepare(
                "SELECT a.id, a.identifier, coalesce(s.merged_into, s.id) FROM accounts a "
                "LEFT JOIN subjects s ON s.id = a.subject_id ORDER BY a.id");
        while (select.step()) {
            const std::int64_t id = select.int64(0);
            if (accountIndex.size() <= std::size_t(id))
                accountIndex.resize(std::size_t(id) + 1, -1);
            accountIndex[std::size_t(id)] = std::int32_t(context.m_accounts.size());
            context.m_accounts.push_back({ id, select.qtext(1), select.isNull(2) ? -1 : subjectOf(select.int64(2)), false });
        }
    }
    std::vector<std::int32_t> textIndex;
    {
        db::Statement select = db.prepare("SELECT id, body FROM texts ORDER BY id");
        while (select.step()) {
            const std::int64_t id = select.int64(0);
            if (textIndex.size() <= std::size_t(id))
                textIndex.resize(std::size_t(id) + 1, -1);
            textIndex[std::size_t(id)] = std::int32_t(context.m_texts.size());
            context.m_texts.push_back(select.qtext(1));
        }
    }
    const auto mapped = [](const std::vector<std::int32_t> &index, const db::Statement &row, int column) -> std::int32_t {
        if (row.isNull(column))
            return -1;
        const std::int64_t id = row.int64(column);
        return id >= 0 && std::size_t(id) < index.size() ? index[std::size_t(id)] : -1;
    };
    {
        const std::int64_t count = db.scalarInt("SELECT count(*) FROM transactions");
        context.m_transactions.reserve(std::size_t(count));
        QHash<QByteArray, Channel> channels;
        db::Statement select = db.prepare(
                "SELECT id, amount_minor, booked_at, account_id, counterparty_account_id, counterparty_name_id, purpose_id, "
                "currency, coalesce(nullif(counterparty_country, ''), country, ''), coalesce(channel, ''), direction "
                "FROM transactions ORDER BY booked_at, id");
        QString lastCurrency;
        std::uint16_t lastCurrencyIndex = 0;
        while (select.step()) {
            Transaction t;
            t.id = select.int64(0);
            t.amountMinor = select.int64(1);
            t.bookedAt = select.int64(2);
            t.account = mapped(accountIndex, select, 3);
            t.counterparty = mapped(accountIndex, select, 4);
            t.counterpartyName = mapped(textIndex, select, 5);
            t.purpose = mapped(textIndex, select, 6);
            const std::string_view currency = select.textView(7);
            if (lastCurrency.isEmpty() || lastCurrency != QLatin1StringView(currency.data(), qsizetype(currency.size()))) {
                lastCurrency = QString::fromUtf8(currency.data(), qsizetype(currency.size()));
                lastCurrencyIndex = context.internCurrency(lastCurrency);
            }
            t.currency = lastCurrencyIndex;
            const std::string_view country = select.textView(8);
            if (!country.empty())
                t.country = context.internCountry(QString::fromUtf8(country.data(), qsizetype(country.size())).toUpper());
            const std::string_view channel = select.textView(9);
            const QByteArray channelKey(channel.data(), qsizetype(channel.size()));
            auto found = channels.constFind(channelKey);
            if (found == channels.constEnd())
                found = channels.insert(channelKey, channelFromText(QString::fromUtf8(channelKey)));
            t.channel = *found;
            t.credit = select.textView(10) == "C";
            context.m_transactions.push_back(t);
        }
    }
    context.buildIndexes();
    return context;
}

std::int32_t DetectionContext::Builder::addSubject(const QString &name, const QString &kind, const QString &nationality)
{
    m_context.m_subjects.push_back({ std::int64_t(m_context.m_subjects.size() + 1), kind, name, nationality, 0, {} });
    return std::int32_t(m_context.m_subjects.size() - 1);
}

std::int32_t DetectionContext::Builder::addAccount(const QString &identifier, std::int32_t subject)
{
    m_context.m_accounts.push_back({ std::int64_t(m_context.m_accounts.size() + 1), identifier, subject, false });
    return std::int32_t(m_context.m_accounts.size() - 1);
}

std::int32_t DetectionContext::Builder::internText(const QString &text)
{
    if (text.isEmpty())
        return -1;
    const auto found = m_textIndex.constFind(text);
    if (found != m_textIndex.constEnd())
        return *found;
    m_context.m_texts.push_back(text);
    const std::int32_t index = std::int32_t(m_context.m_texts.size() - 1);
    m_textIndex.insert(text, index);
    return index;
}

std::int64_t DetectionContext::Builder::add(const Row &row)
{
    Transaction t;
    t.id = std::int64_t(m_context.m_transactions.size() + 1);
    t.amountMinor = row.amountMinor;
    t.bookedAt = row.bookedAt;
    t.account = row.account;
    t.counterparty = row.counterparty;
    t.counterpartyName = internText(row.counterpartyName);
    t.purpose = internText(row.purpose);
    t.currency = m_context.internCurrency(row.currency);
    t.country = m_context.internCountry(row.country.toUpper());
    t.channel = row.channel;
    t.credit = row.credit;
    m_context.m_transactions.push_back(t);
    return t.id;
}

void DetectionContext::Builder::addIdentifier(std::int32_t subject, const QString &kind, const QString &value)
{
    m_context.m_identifiers.push_back({ subject, kind, value });
}

void DetectionContext::Builder::setListed(std::int32_t subject, int score)
{
    m_context.m_subjects[std::size_t(subject)].listedScore = score;
}

DetectionContext DetectionContext::Builder::build()
{
    m_context.buildIndexes();
    return std::move(m_context);
}

} // namespace fundtrace::detect
