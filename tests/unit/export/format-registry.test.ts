import { builtInEventKinds } from '../../../shared/event-kinds'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportUsage, parseExportArgs } from '../../../electron/cli/export-args'
import { runExportCli } from '../../../electron/cli/export'
import { buildReport } from '../../../electron/services/export/build-report'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { FORMAT_RENDERERS, renderReport } from '../../../electron/services/export/format-renderers'
import { localClock } from '../../../electron/services/time/local-clock'
import {
  EXPORT_FORMATS,
  exportFormats,
  formatForExtension,
  menuFormats,
  type ExportFormatInfo,
} from '../../../shared/export-formats'
import {
  buildExportFixture,
  fixtureReportOptions,
  FIXTURE_TIME_ZONE,
  REPORT_AT,
  SHIFT_FROM,
  SHIFT_TO,
} from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let out: ReturnType<typeof tempDir>
beforeAll(() => {
  services = buildExportFixture().services
  out = tempDir('calmdeck-formats-')
})
afterAll(() => {
  services.dispose()
  out.cleanup()
})

const clock = localClock(FIXTURE_TIME_ZONE)
const range = ['--from', '2026-11-22T08:00', '--to', '2026-11-22T16:30']
const report = () =>
  buildReport(services.db, {
    ...fixtureReportOptions(services),
  })

/** Gives one format another extension for the length of `run`: what a registry edit would do. */
async function withExtension(format: keyof typeof EXPORT_FORMATS, extension: string, run: () => Promise<void>) {
  const entry = EXPORT_FORMATS[format] as ExportFormatInfo
  const before = entry.extension
  entry.extension = extension
  try {
    await run()
  } finally {
    entry.extension = before
  }
}

describe('export format registry', () => {
  it('has a renderer for every shared format, and none for a format it does not list', () => {
    expect(Object.keys(FORMAT_RENDERERS).sort()).toEqual([...exportFormats].sort())
    expect(menuFormats).toEqual(['pdf', 'csv', 'md', 'json'])
  })

  it.each(exportFormats)('renders %s as its MIME type says', async (format) => {
    const data = await renderReport(report(), format, { fontDir: findFontDir(), eventKinds: builtInEventKinds })
    const text = Buffer.isBuffer(data) ? data.toString('latin1') : data
    const starts: Record<string, RegExp> = {
      'text/csv': /^\uFEFFrecord,/,
      'application/json': /^\{\n {2}"format": "calmdeck\.report"/,
      'text/markdown': /^# /,
      'application/pdf': /^%PDF-/,
    }
    expect(text).toMatch(starts[EXPORT_FORMATS[format].mime] ?? /^$/)
  })

  it('the CLI takes the format from --out by the registry, and lists the registry in its usage', () => {
    for (const format of exportFormats) {
      const { extension } = EXPORT_FORMATS[format]
      expect(formatForExtension(`.${extension.toUpperCase()}`)).toBe(format)
      expect(parseExportArgs([...range, '--out', `x.${extension}`], clock)).toMatchObject({ args: { format } })
      expect(exportUsage()).toContain(format)
    }
    expect(exportUsage()).toContain(`--format ${exportFormats.join('|')}`)
  })

  it('a new extension in the registry is what the CLI reads and every exporter writes', async () => {
    await withExtension('md', 'markdown', async () => {
      expect(parseExportArgs([...range, '--out', 'x.markdown'], clock)).toMatchObject({ args: { format: 'md' } })
      expect(parseExportArgs([...range, '--out', 'x.md'], clock)).toMatchObject({ kind: 'error' })

      const cli = await runExportCli(['--data-dir', services.dir, ...range, '--format', 'md', '--out', out.dir], {
        out: () => {},
        err: () => {},
        now: () => REPORT_AT,
        timeZone: FIXTURE_TIME_ZONE,
      })
      expect(cli).toBe(0)
      expect(fs.readdirSync(out.dir).filter((name) => name.endsWith('.markdown'))).toHaveLength(1)

      const folder = path.join(out.dir, 'app')
      fs.mkdirSync(folder)
      const result = await services.exports.run({
        range: { from: SHIFT_FROM, to: SHIFT_TO },
        formats: ['md'],
        folder,
        remark: '',
        redact: false,
      })
      expect(result.files.map((file) => path.extname(file.path))).toEqual(['.markdown'])
    })
  })
})
