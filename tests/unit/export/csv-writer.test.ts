import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { csvDocument, csvField } from '../../../electron/services/export/csv-writer'
import { renderCsv } from '../../../electron/services/export/render-csv'
import { buildExportFixture, fixtureReportOptions } from '../../helpers/export-fixture'

/** Text with the characters CSV cares about, often. */
const tricky = fc.string({
  unit: fc.oneof(fc.constantFrom('"', ',', '\r', '\n', "'", '=', ' ', 'ć', '€', '\t'), fc.string({ maxLength: 1 })),
  maxLength: 12,
})
const cell = fc.oneof(tricky, fc.integer(), fc.double({ noNaN: true }), fc.constant(''))

describe('the CSV writer', () => {
  // With `record_delimiter` set, csv-stringify stops quoting a lone \n or \r unless told to.
  it('writes byte for byte what csv-stringify writes quoting line breaks (RFC 4180, BOM, CRLF)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        expect(csvDocument(rows)).toBe(
          stringify(rows, { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true }),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"')
    expect(csvField(-5)).toBe('-5')
  })

  it('quotes a report text whose only special character is a line break', () => {
    const { services } = buildExportFixture()
    try {
      const report = buildReport(services.db, {
        ...fixtureReportOptions(services),
        remark: 'First line\nsecond line',
      })
      expect(renderCsv(report)).toContain('\r\nremark,,,,,,,,,,,"First line\nsecond line",')
    } finally {
      services.dispose()
    }
  })
})
