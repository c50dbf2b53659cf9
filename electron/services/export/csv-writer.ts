/** The UTF-8 byte-order mark a document starts with, so spreadsheet programs read it as UTF-8. */
export const CSV_BOM = '\ufeff'
/** What ends every record. */
export const CSV_EOL = '\r\n'

/** A character that makes RFC 4180 quote a field: the delimiter, the quote, or a line break. */
const NEEDS_QUOTES = /[",\r\n]/
const QUOTES = /"/g

/** One field as RFC 4180 writes it: quoted (inner quotes doubled) only when it has to be. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTES, '""')}"` : text
}

/**
 * A whole CSV document: UTF-8 byte-order mark (so spreadsheet programs read it as UTF-8), comma
 * separated, CRLF after every record. Byte for byte what csv-stringify writes with
 * `{ bom: true, record_delimiter: '\r\n', quote_record_delimiter: true }` (without the last,
 * csv-stringify leaves a lone line break unquoted, which splits the row in a spreadsheet), in one
 * pass without its per-field option handling.
 */
export function csvDocument(rows: Iterable<readonly (string | number)[]>): string {
  const lines: string[] = []
  for (const row of rows) {
    let line = ''
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += ','
      line += csvField(row[i] ?? '')
    }
    lines.push(line)
  }
  return lines.length === 0 ? CSV_BOM : `${CSV_BOM}${lines.join(CSV_EOL)}${CSV_EOL}`
}
