#!/usr/bin/env python3
"""Writes the XLSX fixtures of TestXlsxImport. Run from this folder: python3 make_fixtures.py.

The workbooks are written as raw SpreadsheetML with zipfile (no spreadsheet library), so each
fixture holds exactly the constructs under test: title blocks, merged cells, serial dates, shared
and inline strings, date1904, and the hostile cases (zip bomb, DOCTYPE, truncation).
"""
import datetime
import struct
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
FIXED_TIME = (2024, 4, 1, 9, 0, 0)

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy\\ hh:mm:ss"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>'''
DATE, DATETIME, MONEY = 1, 2, 3


def serial(dt, date1904=False):
    base = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1899, 12, 30)
    delta = dt - base
    return delta.days + delta.seconds / 86400.0


class Strings:
    def __init__(self):
        self.items, self.index = [], {}

    def add(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
        return self.index[text]

    def add_rich(self, runs, phonetic):
        self.items.append('<si>' + ''.join(f'<r><t>{escape(r)}</t></r>' for r in runs)
                          + f'<rPh sb="0" eb="1"><t>{escape(phonetic)}</t></rPh></si>')
        return len(self.items) - 1

    def xml(self):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(self.items)}" '
                f'uniqueCount="{len(self.items)}">' + ''.join(self.items) + '</sst>')


def cell_xml(ref, value, strings):
    """value: str -> shared string; ('inline', s); ('num', x, style); ('sst', index); None -> absent."""
    if value is None:
        return ''
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{strings.add(value)}</v></c>'
    kind = value[0]
    if kind == 'inline':
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value[1])}</t></is></c>'
    if kind == 'sst':
        return f'<c r="{ref}" t="s"><v>{value[1]}</v></c>'
    if kind == 'num':
        style = f' s="{value[2]}"' if len(value) > 2 and value[2] else ''
        return f'<c r="{ref}"{style}><v>{value[1]}</v></c>'
    raise ValueError(kind)


def sheet_xml(rows, strings, merges=(), prolog=''):
    """rows: {row number: [cell values from column A]}"""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}<worksheet {NS}><sheetData>']
    for number in sorted(rows):
        cells = ''.join(cell_xml(f'{chr(65 + i)}{number}', v, strings) for i, v in enumerate(rows[number]))
        out.append(f'<row r="{number}">{cells}</row>')
    out.append('</sheetData>')
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + ''.join(f'<mergeCell ref="{m}"/>' for m in merges)
                   + '</mergeCells>')
    out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    return ''.join(out)


def write_workbook(path, sheets, strings, date1904=False, extra_sheet_xml=None, compression=zipfile.ZIP_DEFLATED):
    """sheets: [(name, sheet xml)]"""
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     + ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                               for i in range(len(sheets)))
                     + '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}>'
                + ('<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>') + '<sheets>'
                + ''.join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
                + '</sheets></workbook>')
    n = len(sheets)
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     + ''.join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
                     + f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                     + f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="/xl/styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, 'w', compression) as z:
        def put(name, data):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = compression
            z.writestr(info, data)
        put('[Content_Types].xml', content_types)
        put('_rels/.rels', root_rels)
        put('xl/workbook.xml', workbook)
        put('xl/_rels/workbook.xml.rels', workbook_rels)
        put('xl/styles.xml', STYLES)
        put('xl/sharedStrings.xml', strings.xml())
        for i, (_, xml) in enumerate(sheets):
            put(f'xl/worksheets/sheet{i + 1}.xml', (extra_sheet_xml or {}).get(i, xml))


def kz_statement():
    s = Strings()
    d = lambda *a: ('num', repr(serial(datetime.datetime(*a))), DATETIME)
    day = lambda *a: ('num', repr(serial(datetime.datetime(*a))), DATE)
    rows = {
        1: ['АО «Народный Банк Казахстана»'],
        2: ['Выписка по счету KZ12601A861000123456 (KZT)'],
        3: ['за период с 01.03.2024 по 31.03.2024'],
        4: ['Клиент: ТОО «Альфа Трейд», БИН 123456789012'],
        6: ['Входящий остаток:', None, None, '1 000 000,00'],
        7: ['Дата операции', 'Номер документа', 'Дебет', 'Кредит', 'Получатель/Отправитель', 'Назначение платежа'],
        8: [d(2024, 3, 1, 10, 30), '1001', None, '1 234,56', 'ИП Иванов', 'Оплата по договору №5'],
        9: [day(2024, 3, 2), ('num', '1002'), ('num', '50000', MONEY), None, 'ТОО Бета', 'Займ'],
        10: [d(2024, 3, 3, 12, 0), '1003', '15 000,00', None, 'ТОО Гамма', 'Поставка 1'],
        11: [d(2024, 3, 3, 18, 0), '1004', '2 500,00', None, None, 'Поставка 2'],
        12: ['31.02.2024', '1005', None, '100,00', 'X', 'Неверная дата'],
        13: [day(2024, 3, 5), '1006', None, ('num', '1234.5599999999999'), 'Y', 'Число с шумом'],
        14: ['Итого', None, '67 500,00', '1 234,56'],
        15: [day(2024, 3, 6), '1007', None, '700,00', 'Z', 'Сумма объединена'],
        16: [day(2024, 3, 6), '1008', None, None, 'Z2', 'Под объединённой суммой'],
    }
    merges = ['A1:F1', 'A2:F2', 'F7:G7', 'E10:E11', 'A14:B14', 'D15:D16']
    write_workbook('kz_statement.xlsx', [('Выписка', sheet_xml(rows, s, merges))], s)


def multi_sheet():
    s = Strings()
    day = lambda *a: ('num', repr(serial(datetime.datetime(*a), date1904=True)), DATE)
    rich = s.add_rich(['Перевод ', 'с карты'], 'ペレヴォド')
    january = {1: ['Date', 'Amount', 'Description'],
               2: [day(2024, 1, 15), ('num', '-2500.5'), ('sst', rich)],
               3: [day(2024, 1, 20), ('num', '10000'), ('inline', 'Salary & bonus')]}
    summary = {1: ['Total'], 2: [('num', '7499.5')]}
    february = {1: [('inline', 'Statement, February 2024')],
                2: [('inline', 'Account KZ00TEST')],
                3: [('inline', 'Date'), ('inline', 'Amount'), ('inline', 'Description')],
                4: [day(2024, 2, 1), ('inline', '-1 000,00'), ('inline', 'Rent')],
                5: [day(2024, 2, 29), ('num', '300'), ('inline', 'Refund')]}
    write_workbook('multi_sheet.xlsx', [('Январь', sheet_xml(january, s)), ('Summary', sheet_xml(summary, s)),
                                        ('Февраль', sheet_xml(february, s))], s, date1904=True)


def hostile():
    s = Strings()
    good = {1: ['Date', 'Amount'], 2: [('inline', '2024-03-01'), ('inline', '100')]}
    # DOCTYPE with an external entity: must be refused, never resolved.
    doctype = sheet_xml({1: ['Date', 'Amount'], 2: [('inline', '2024-03-01'), ('inline', '&xxe;')]}, s,
                        prolog='<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
    doctype = doctype.replace('&amp;xxe;', '&xxe;')
    write_workbook('doctype.xlsx', [('Sheet1', doctype)], s)

    # A ratio bomb: 8 MiB of whitespace inside a valid sheet compresses about 1000 times.
    bomb = sheet_xml(good, s).replace('<sheetData>', '<sheetData>' + ' ' * (8 << 20))
    write_workbook('bomb_ratio.xlsx', [('Sheet1', bomb)], s)

    # A size bomb: a small entry whose headers declare 600 MiB uncompressed.
    write_workbook('bomb_declared.xlsx', [('Sheet1', sheet_xml(good, s))], s)
    patch_declared_size('bomb_declared.xlsx', 'xl/worksheets/sheet1.xml', 600 << 20)

    # A lying entry: declares fewer bytes than it inflates to (the reader must stop at the limit).
    write_workbook('size_lie.xlsx', [('Sheet1', sheet_xml(good, s))], s)
    patch_declared_size('size_lie.xlsx', 'xl/worksheets/sheet1.xml', 100)

    with open('kz_statement.xlsx', 'rb') as f:
        data = f.read()
    with open('truncated.xlsx', 'wb') as f:
        f.write(data[:len(data) // 2])


def patch_declared_size(path, entry, size):
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    name = entry.encode()
    at = data.find(b'PK\x03\x04')
    while at >= 0:
        name_len = struct.unpack_from('<H', data, at + 26)[0]
        if data[at + 30:at + 30 + name_len] == name:
            struct.pack_into('<I', data, at + 22, size)
        at = data.find(b'PK\x03\x04', at + 4)
    at = data.find(b'PK\x01\x02')
    while at >= 0:
        name_len = struct.unpack_from('<H', data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == name:
            struct.pack_into('<I', data, at + 24, size)
        at = data.find(b'PK\x01\x02', at + 4)
    with open(path, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    kz_statement()
    multi_sheet()
    hostile()
