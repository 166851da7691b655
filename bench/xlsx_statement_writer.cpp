// Writes the statement workbook bench_xlsx_import reads: a six-line title block with a merged
// title, a header, serial dates with a date style, debits as numbers, credits as text "1 234,56",
// shared strings as Excel writes them. A separate program because libxlsxwriter and QuaZip each
// carry minizip, whose symbols clash when both are loaded in one process.
//
// Usage: xlsx_statement_writer <path.xlsx> <rows>

#include <xlsxwriter.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string money(long long minor)
{
    // "1 234 567,89": space thousands and a decimal comma, as Kazakh exports write text amounts.
    const std::string digits = std::to_string(minor / 100);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            text += ' ';
        text += digits[i];
    }
    char cents[8];
    std::snprintf(cents, sizeof cents, ",%02lld", minor % 100);
    return text + cents;
}

bool writeStatement(const std::string &path, int rows)
{
    lxw_workbook *workbook = workbook_new(path.c_str());
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Выписка");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "dd.mm.yyyy hh:mm:ss");
    lxw_format *title = workbook_add_format(workbook);
    format_set_bold(title);

    worksheet_merge_range(sheet, 0, 0, 0, 6, "АО «Банк» — выписка по счету KZ12601A861000123456", title);
    worksheet_write_string(sheet, 1, 0, "за период с 01.01.2023 по 31.12.2024", nullptr);
    worksheet_write_string(sheet, 2, 0, "Клиент: ТОО «Альфа Трейд»", nullptr);
    worksheet_write_string(sheet, 3, 0, "БИН 123456789012", nullptr);
    worksheet_write_string(sheet, 5, 0, "Входящий остаток:", nullptr);
    worksheet_write_string(sheet, 5, 3, "1 000 000,00", nullptr);
    const char *headers[] = { "Дата операции", "Номер документа", "Дебет", "Кредит",
                              "Получатель/Отправитель", "БИН/ИИН", "Назначение платежа" };
    for (lxw_col_t c = 0; c < 7; ++c)
        worksheet_write_string(sheet, 6, c, headers[c], title);

    std::uint64_t state = 42;
    auto random = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    for (int i = 0; i < rows; ++i) {
        const auto row = static_cast<lxw_row_t>(7 + i);
        const double serial = 44927.0 + i * (730.0 / rows) + (random() % 86400) / 86400.0;
        worksheet_write_number(sheet, row, 0, serial, date);
        worksheet_write_number(sheet, row, 1, 100000 + i, nullptr);
        const long long minor = static_cast<long long>(random() % 50000000) + 100;
        if (random() % 2)
            worksheet_write_number(sheet, row, 2, minor / 100.0, nullptr);
        else
            worksheet_write_string(sheet, row, 3, money(minor).c_str(), nullptr);
        const std::string counterparty = "ТОО Контрагент " + std::to_string(random() % 2000);
        worksheet_write_string(sheet, row, 4, counterparty.c_str(), nullptr);
        worksheet_write_string(sheet, row, 5, std::to_string(100000000000ULL + random() % 2000).c_str(), nullptr);
        const std::string purpose = "Оплата по договору №" + std::to_string(random() % 100000) + " от 01.02.2024";
        worksheet_write_string(sheet, row, 6, purpose.c_str(), nullptr);
    }
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR)
        std::fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(error));
    return error == LXW_NO_ERROR;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: xlsx_statement_writer <path.xlsx> <rows>\n");
        return 2;
    }
    return writeStatement(argv[1], std::atoi(argv[2])) ? 0 : 1;
}
