import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, streamReport, type ReportOptions } from '../../../electron/services/export/build-report'
import { renderCsv, renderCsvChunks } from '../../../electron/services/export/render-csv'
import { parseJsonReport, renderJson, renderJsonChunks } from '../../../electron/services/export/render-json'
import { renderMarkdown } from '../../../electron/services/export/render-markdown'
import { exportReportSchema } from '../../../shared/export'
import { buildExportFixture, fixtureReportOptions } from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'

/**
 * Golden files: the exact output for the fixture shift. After an intended change, rewrite them with
 * `UPDATE_GOLDENS=1 npx vitest run tests/unit/export/golden.test.ts` and review the diff.
 */
const GOLDEN_DIR = path.resolve(__dirname, '../../fixtures/export')
const UPDATE = process.env.UPDATE_GOLDENS === '1'
const REMARK =
  'Drukke dienst, twee moeilijke gesprekken.\nMorgen eerst "factuur 4411" nakijken; bel terug via 06-12345678.'

let services: TestServices
beforeAll(() => {
  services = buildExportFixture().services
})
afterAll(() => services.dispose())

function options(overrides: Partial<ReportOptions> = {}): ReportOptions {
  return {
    ...fixtureReportOptions(services),
    remark: REMARK,
    ...overrides,
  }
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name)
  if (UPDATE || !fs.existsSync(file)) {
    if (!UPDATE && process.env.CI) throw new Error(`golden file ${name} is missing`)
    fs.mkdirSync(GOLDEN_DIR, { recursive: true })
    fs.writeFileSync(file, actual)
  }
  expect(actual, `${name} differs from its golden file (see the comment at the top of this test)`).toBe(
    fs.readFileSync(file, 'utf8'),
  )
}

describe('report goldens', () => {
  it('CSV and JSON files: made from the rows streamed from the database, byte for byte the goldens', () => {
    // What export files are written from (export-job.ts): no golden is rewritten from this path.
    const streamed = streamReport(services.db, options())
    const read = (name: string) => fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8')
    expect([...renderCsvChunks(streamed)].join('')).toBe(read('shift.en.csv'))
    expect([...renderJsonChunks(streamed)].join('')).toBe(read('shift.en.json'))
  })

  it('CSV: BOM, header, quoted commas, quotes and newlines', () => {
    const csv = renderCsv(buildReport(services.db, options()))
    expect(csv.startsWith('\uFEFFrecord,call_id,')).toBe(true)
    expect(csv).toContain(
      '"Klant was boos over factuur 4411, zei: ""jullie zijn oplichters"".\nNa waarschuwing toch gescholden."',
    )
    golden('shift.en.csv', csv)
  })

  it('JSON: matches its schema and round-trips', () => {
    const json = renderJson(buildReport(services.db, options()))
    const parsed = parseJsonReport(json)
    expect(exportReportSchema.safeParse(JSON.parse(json)).success).toBe(true)
    expect(renderJson(parsed)).toBe(json)
    golden('shift.en.json', json)
  })

  for (const language of ['en', 'nl', 'hr'] as const) {
    it(`Markdown in ${language}`, () => {
      golden(`shift.${language}.md`, renderMarkdown(buildReport(services.db, options({ language }))))
    })
  }

  it('Markdown, redacted: no phone number or address left anywhere', () => {
    const md = renderMarkdown(buildReport(services.db, options({ redact: true })))
    for (const secret of ['06-12345678', '+31 6 1234 5678', 'j.de.vries', 'ivana.horvat@', '(020) 555 0101', '…5678']) {
      expect(md).not.toContain(secret)
    }
    expect(md).toContain('factuur 4411')
    golden('shift.en.redacted.md', md)
  })

  it("redacts in the region of the report's language: a Dutch number glued to a word", () => {
    const remark = 'bel0612345678 of tel.020-5550101, factuur 4411'
    const report = buildReport(services.db, options({ redact: true, language: 'nl', remark }))
    expect(report.remark).toBe('bel[phone] of tel.[phone], factuur 4411')
  })
})

describe('report content', () => {
  it('summarises the shift: calls, hard calls, incidents, promises and breaks', () => {
    const report = buildReport(services.db, options())
    expect(report.summary).toEqual({
      calls: 6,
      hardCalls: 2,
      talkTimeMs: report.calls.reduce((sum, call) => sum + call.durationMs, 0),
      boundaryWarnings: 1,
      abuseEnds: 1,
      supervisorHandovers: 1,
      promisesOpen: 2,
      followUpsOpen: 1,
      recoveryBreaks: 2,
      recoveryMs: 5 * 60_000 + 3 * 60_000,
      walkIns: 1,
      cueCalls: 2,
      callerRaisedMs: 74_000,
    })
    const open = report.calls.at(-1)
    expect(open?.endedAt).toBeNull()
    expect(open?.durationMs).toBe(10 * 60_000)
  })

  it('an empty range gives a valid report that says so in every text format', () => {
    const report = buildReport(
      services.db,
      options({ from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-01-02T00:00:00Z'), remark: '' }),
    )
    expect(exportReportSchema.safeParse(JSON.parse(renderJson(report))).success).toBe(true)
    expect(report.calls).toEqual([])
    expect(renderMarkdown(report)).toContain('No calls and no incidents were recorded in this period.')
    expect(renderCsv(report).split('\r\n').filter(Boolean)).toHaveLength(1 + 1 + 13)
  })

  it('uses the report language for event labels', () => {
    const report = buildReport(services.db, options({ language: 'hr' }))
    const labels = report.calls.flatMap((call) => call.events.map((event) => event.label))
    expect(labels).toContain('Upozorenje o granici')
  })
})
