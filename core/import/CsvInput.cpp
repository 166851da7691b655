#include "import/CsvInput.h"

#include "import/ImportPreview.h"

#include <QStringDecoder>

namespace fundtrace::import {
namespace {

// Enough of the sample, as UTF-8, to count delimiters: ASCII delimiters are the same bytes in
// UTF-8 and Windows-1251, and UTF-16 is decoded properly.
std::string sampleAsUtf8(const QByteArray &sample, const EncodingGuess &guess, TextEncoding encoding)
{
    const QByteArray body = sample.mid(encoding == guess.encoding ? guess.bomLength : 0);
    switch (encoding) {
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE: {
        QStringDecoder decoder(encoding == TextEncoding::Utf16LE ? QStringConverter::Utf16LE
                                                                 : QStringConverter::Utf16BE);
        const QString text = decoder.decode(body);
        return text.toStdString();
    }
    case TextEncoding::Windows1251:
    case TextEncoding::Utf8:
        return body.toStdString();
    }
    return {};
}

} // namespace

QString delimiterName(char delimiter)
{
    return delimiter == '\t' ? QStringLiteral("tab") : QString(QLatin1Char(delimiter));
}

CsvInput::CsvInput(const QString &path, const ImportMapping &mapping, const QString &encodingOverride)
    : m_path(path)
    , m_file(path)
    , m_hasHeader(mapping.hasHeader)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString()));

    const QByteArray sample = m_file.peek(64 * 1024);
    const EncodingGuess guess = detectEncoding(sample);
    const QString encodingText = !encodingOverride.isEmpty() ? encodingOverride : mapping.encoding;
    if (encodingText.isEmpty() || encodingText.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0) {
        m_encoding = guess.encoding;
    } else if (const auto named = encodingFromName(encodingText)) {
        m_encoding = *named;
    } else {
        throw ImportError(QStringLiteral("%1: unknown encoding \"%2\" (use UTF-8, UTF-16LE, UTF-16BE "
                                         "or windows-1251)").arg(path, encodingText));
    }

    if (!mapping.delimiter.isEmpty() && mapping.delimiter != QLatin1String("auto"))
        m_delimiter = mapping.delimiter.at(0).toLatin1();
    else
        m_delimiter = detectDelimiter(sampleAsUtf8(sample, guess, m_encoding));

    CsvReader::Options options;
    options.delimiter = m_delimiter;
    options.encoding = m_encoding;
    m_reader = std::make_unique<CsvReader>(m_file, options);

    CsvRecord record;
    for (int skipped = 0; skipped < mapping.skipRows; ++skipped) {
        if (!next(record))
            throw ImportError(QStringLiteral("%1: the file ends within the %2 title rows to skip")
                                      .arg(path).arg(mapping.skipRows));
    }
    if (m_hasHeader) {
        if (!next(record))
            throw ImportError(QStringLiteral("%1: the file is empty (no header row)").arg(path));
        for (const std::string_view field : record.fields)
            m_headers << QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size())).trimmed();
    }
}

bool CsvInput::next(CsvRecord &record)
{
    if (m_reader->next(record))
        return true;
    if (const auto &error = m_reader->error())
        throw ImportError(QStringLiteral("%1, line %2: %3")
                                  .arg(m_path)
                                  .arg(error->line)
                                  .arg(QString::fromStdString(error->reason)));
    return false;
}

} // namespace fundtrace::import
