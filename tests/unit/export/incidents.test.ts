import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { fontsIn } from '../../../electron/services/export/pdf-style'
import { renderPdf } from '../../../electron/services/export/render-pdf'
import type { ExportReport } from '../../../shared/export'
import { testServices, type TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

const T0 = Date.parse('2026-11-22T09:00:00Z')
let now = T0
let services: TestServices
let work: ReturnType<typeof tempDir>
let report: ExportReport

/** A hard call (anger rising, a boundary warning) handed over without a supervisor being requested. */
beforeAll(() => {
  services = testServices(() => now)
  work = tempDir('calmdeck-incidents-')
  const at = (minutes: number) => (now = T0 + minutes * 60_000)
  services.calls.start({ source: 'window' })
  at(1)
  services.calls.log('anger-rising', 'window')
  at(2)
  services.calls.log('boundary-warning', 'window')
  at(3)
  services.calls.log('handed-over', 'window')
  at(4)
  services.calls.end('window')
  report = buildReport(services.db, {
    from: T0 - 3_600_000,
    to: T0 + 3_600_000,
    now: T0 + 3_600_000,
    timeZone: 'UTC',
    language: 'en',
    eventKinds: services.decks.eventKinds(),
    redact: false,
    remark: '',
  })
})
afterAll(() => {
  services.dispose()
  work.cleanup()
})

/** Each text run of the PDF with the font (face, size, colour) pdftohtml says it is drawn in. */
async function pdfRuns(): Promise<{ text: string; font: string }[]> {
  const file = path.join(work.dir, 'report.pdf')
  fs.writeFileSync(file, await renderPdf(report, fontsIn(findFontDir()), services.decks.eventKinds()))
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', file], { encoding: 'utf8' })
  const fonts = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)" size="([^"]+)" family="([^"]+)" color="([^"]+)"/g)].map((m) => [
      m[1],
      `${m[3]} ${m[2]} ${m[4]}`,
    ]),
  )
  return [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
    text: (m[2] ?? '').replace(/<[^>]+>/g, '').trim(),
    font: fonts.get(m[1] ?? '') ?? '?',
  }))
}

describe('a handed-over call in the report and the PDF', () => {
  it('counts as a supervisor handover in the summary', () => {
    expect(report.summary).toMatchObject({ hardCalls: 1, boundaryWarnings: 1, abuseEnds: 0, supervisorHandovers: 1 })
  })

  it('is shown as an incident in the PDF, like the boundary warning and unlike anger rising', async () => {
    const runs = await pdfRuns()
    const fontOf = (text: string) => {
      const run = runs.find((item) => item.text === text)
      expect(run, `"${text}" in the PDF`).toBeDefined()
      return run?.font
    }
    const incident = fontOf('Boundary warning given')
    expect(fontOf('Anger rising')).not.toBe(incident)
    expect(fontOf('Handed over')).toBe(incident)
  })
})
