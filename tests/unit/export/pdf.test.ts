import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { fontsIn } from '../../../electron/services/export/pdf-style'
import { renderPdf } from '../../../electron/services/export/render-pdf'
import { buildExportFixture, fixtureReportOptions, SHIFT_FROM, SHIFT_TO } from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

// pdftotext and pdftoppm come from poppler-utils (.ci/run installs it).
let services: TestServices
let work: ReturnType<typeof tempDir>
beforeAll(() => {
  services = buildExportFixture().services
  work = tempDir('calmdeck-pdf-')
})
afterAll(() => {
  services.dispose()
  work.cleanup()
})

async function pdfFor(language: 'en' | 'nl' | 'hr', extra: { from?: number; to?: number; remark?: string } = {}) {
  const report = buildReport(services.db, {
    ...fixtureReportOptions(services, { language }),
    from: extra.from ?? SHIFT_FROM,
    to: extra.to ?? SHIFT_TO,
    remark: extra.remark ?? 'Lange opmerking. '.repeat(60),
  })
  const file = path.join(work.dir, `report-${language}-${extra.from ?? 'shift'}.pdf`)
  fs.writeFileSync(file, await renderPdf(report, fontsIn(findFontDir()), services.decks.eventKinds()))
  return file
}

const textOf = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' })

describe('PDF report', () => {
  it('parses back with the summary, hard calls in full, other calls and page numbers', async () => {
    const file = await pdfFor('en')
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = textOf(file)
    for (const expected of [
      'End-of-shift incident report',
      'Europe/Amsterdam (UTC+01:00)',
      'Hard calls in full',
      'Boundary warning given',
      'Klant was boos over factuur 4411, zei: "jullie zijn oplichters".',
      'Pozivatelj je tražio nadređenog; čćžšđ ČĆŽŠĐ.',
      'Gezegd: bij nog één scheldwoord beëindig ik het gesprek',
      'Other calls',
      'Address updated, parcel re-sent',
      'Recovery breaks taken',
      'Sound levels',
      'Caller louder than usual',
      'Page 1 of',
    ]) {
      expect(text, expected).toContain(expected)
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(info).toMatch(/Pages:\s+[2-9]/)
  })

  it('speaks Croatian and Dutch', async () => {
    expect(textOf(await pdfFor('hr'))).toContain('Izvješće o incidentima na kraju smjene')
    expect(textOf(await pdfFor('nl'))).toContain('Incidentrapport einde dienst')
  })

  it('renders every page to PNG', async () => {
    const file = await pdfFor('en')
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(work.dir, 'page')])
    const pages = fs.readdirSync(work.dir).filter((name) => name.startsWith('page') && name.endsWith('.png'))
    expect(pages.length).toBeGreaterThanOrEqual(2)
    for (const page of pages) {
      const png = fs.readFileSync(path.join(work.dir, page))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(png.length).toBeGreaterThan(5_000)
    }
  })

  it('embeds only the two report fonts', async () => {
    const embedded = execFileSync('pdffonts', [await pdfFor('en')], { encoding: 'utf8' })
    expect(embedded).toMatch(/DejaVuSans\s/)
    expect(embedded).toMatch(/DejaVuSans-Bold\s/)
    // pdfkit's default standard font is never used, so never embedded.
    expect(embedded).not.toMatch(/Helvetica/)
  })

  it('an empty range still makes a one-page report that says so', async () => {
    const file = await pdfFor('en', {
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-02T00:00:00Z'),
      remark: '',
    })
    const text = textOf(file)
    expect(text).toContain('No calls and no incidents were recorded in this period.')
    expect(text).toContain('Page 1 of 1')
  })
})
