import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, streamReport, type ReportOptions } from '../../../electron/services/export/build-report'
import { runExportJob, type ExportJob } from '../../../electron/services/export/export-job'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { renderReport } from '../../../electron/services/export/format-renderers'
import { renderCsv, renderCsvChunks } from '../../../electron/services/export/render-csv'
import { renderJson, renderJsonChunks } from '../../../electron/services/export/render-json'
import { writeFileSafely } from '../../../electron/services/export/safe-write'
import { DB_FILE, LATEST_VERSION } from '../../../electron/services/storage/database'
import { mergeEventKinds } from '../../../shared/event-kinds'
import type { ExportReport } from '../../../shared/export'
import { buildExportFixture, fixtureReportOptions, SHIFT_FROM, SHIFT_TO } from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'
import { testServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let out: ReturnType<typeof tempDir>
beforeAll(() => {
  services = buildExportFixture().services
  out = tempDir('calmdeck-export-job-')
})
afterAll(() => {
  services.dispose()
  out.cleanup()
})

const options = (redact = false): ReportOptions => ({
  ...fixtureReportOptions(services, { redact }),
  remark: 'Zware dienst, "veel" gescholden,\nmaar goed afgesloten.',
})
const join = (pieces: Iterable<string>) => [...pieces].join('')
/** The fixture's calls many times over: enough lines for many pieces. */
const large = (report: ExportReport): ExportReport => ({
  ...report,
  calls: Array.from({ length: 400 }, () => report.calls).flat(),
})

describe('CSV and JSON in pieces', () => {
  it.each([false, true])('from rows streamed from the database equal the built report (masked: %s)', (redact) => {
    const built = buildReport(services.db, options(redact))
    const streamed = streamReport(services.db, options(redact))
    expect(streamed.summary).toEqual(built.summary)
    expect([...streamed.calls]).toEqual(built.calls)
    // Each list reads afresh when iterated again (one pass per format).
    expect([...streamed.calls]).toEqual(built.calls)
    expect([...streamed.walkIns]).toEqual(built.walkIns)
    expect([...streamed.recoveries]).toEqual(built.recoveries)
    expect(built.walkIns.length + built.recoveries.length).toBeGreaterThan(1)
    expect(join(renderJsonChunks(streamed))).toBe(renderJson(built))
    expect(join(renderCsvChunks(streamed))).toBe(renderCsv(built))
  })

  it("count a deck's own kinds and leave out unknown ones in the summary, as the built report does", () => {
    let now = SHIFT_FROM + 60_000
    const own = testServices(() => now)
    try {
      const callId = own.calls.start({ source: 'window' }).call?.id
      const insert = own.db.prepare('INSERT INTO events (call_id, at, kind, source) VALUES (?, ?, ?, ?)')
      // The summary reads only the kinds it counts; the deck's own flagged kinds are among them.
      for (const kind of ['shouted-at', 'venting', 'manager-called', 'promise-made', 'no-longer-defined']) {
        insert.run(callId, now, kind, 'hotkey')
      }
      now += 60_000
      own.calls.end('window')
      const eventKinds = mergeEventKinds([
        { id: 'shouted-at', label: { en: 'Shouted at' }, marker: 'abuse' },
        { id: 'manager-called', label: { en: 'Manager called' }, supervisor: true },
      ])
      const options = { ...fixtureReportOptions(own), eventKinds, now }
      const built = buildReport(own.db, options)
      expect(streamReport(own.db, options).summary).toEqual(built.summary)
      expect(built.summary).toMatchObject({ calls: 1, abuseEnds: 1, supervisorHandovers: 1, promisesOpen: 1 })
    } finally {
      own.dispose()
    }
  })

  it('from an empty range stream the same empty lists', () => {
    const empty = { ...options(), from: 0, to: 1000 }
    const streamed = streamReport(services.db, empty)
    expect(join(renderJsonChunks(streamed))).toBe(renderJson(buildReport(services.db, empty)))
    expect(join(renderCsvChunks(streamed))).toBe(renderCsv(buildReport(services.db, empty)))
  })

  it.each([false, true])('are the whole document, character for character (masked: %s)', (redact) => {
    const report = buildReport(services.db, options(redact))
    expect(join(renderJsonChunks(report))).toBe(renderJson(report))
    expect(join(renderCsvChunks(report))).toBe(renderCsv(report))
  })

  it('keep the key order and every list of a report with a team block, or with no rows at all', () => {
    const report = buildReport(services.db, options())
    const withTeam: ExportReport = {
      ...report,
      team: { agent: { id: 'a1b2c3d4', name: null }, helpRequests: 2, breaks: { offered: 1, taken: 1, declined: 0 } },
    }
    expect(join(renderJsonChunks(withTeam))).toBe(renderJson(withTeam))
    const empty: ExportReport = { ...report, calls: [], walkIns: [], recoveries: [] }
    expect(join(renderJsonChunks(empty))).toBe(renderJson(empty))
    expect(join(renderCsvChunks(empty))).toBe(renderCsv(empty))
  })

  it('come in many pieces for a large report, the CSV in whole lines', () => {
    const report = large(buildReport(services.db, options()))
    const csv = [...renderCsvChunks(report)]
    expect(csv.length).toBeGreaterThan(10)
    for (const piece of csv) expect(piece.endsWith('\r\n')).toBe(true)
    // Compared as a boolean: a failing diff of megabytes would take vitest minutes to print.
    expect(csv.join('') === renderCsv(report)).toBe(true)
    const json = [...renderJsonChunks(report)]
    expect(json.length).toBeGreaterThan(report.calls.length)
    expect(json.join('') === renderJson(report)).toBe(true)
  })
})

describe('writeFileSafely with pieces', () => {
  it('writes them in order, UTF-8 across chunk boundaries', () => {
    // Pieces of multi-byte text that add up to several of its write chunks.
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i},vrijeđao € "x"\r\n`.repeat(20))
    const target = path.join(out.dir, 'pieces.csv')
    writeFileSafely(target, pieces)
    expect(fs.readFileSync(target, 'utf8') === pieces.join('')).toBe(true)
  })
})

describe('runExportJob', () => {
  const job = (folder: string, extra: Partial<ExportJob> = {}): ExportJob => ({
    dataDir: services.dir,
    report: options(),
    targets: (['csv', 'json', 'md', 'pdf'] as const).map((format) => ({
      format,
      path: path.join(folder, `report.${format}`),
    })),
    force: false,
    fontDir: findFontDir(),
    ...extra,
  })

  it('writes every format from its own read-only connection, the same as rendered whole', async () => {
    const folder = path.join(out.dir, 'all')
    fs.mkdirSync(folder)
    const result = await runExportJob(job(folder))
    const report = buildReport(services.db, options())
    expect(result).toEqual({
      ok: true,
      written: ['csv', 'json', 'md', 'pdf'].map((format) => path.join(folder, `report.${format}`)),
      range: report.range,
      summary: report.summary,
    })
    const renderOptions = { fontDir: findFontDir(), eventKinds: options().eventKinds }
    for (const format of ['csv', 'json', 'md'] as const) {
      expect(fs.readFileSync(path.join(folder, `report.${format}`), 'utf8')).toBe(
        await renderReport(report, format, renderOptions),
      )
    }
    expect(fs.readFileSync(path.join(folder, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('answers a refusal with its own message, and the files it had written by then', async () => {
    const folder = path.join(out.dir, 'taken')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'report.json'), 'mine')
    const result = await runExportJob(job(folder))
    expect(result).toEqual({
      ok: false,
      written: [path.join(folder, 'report.csv')],
      error: { code: 'conflict', message: 'report.json already exists. Nothing was overwritten.' },
    })
    expect(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')).toBe('mine')
    const missing = await runExportJob(job(path.join(out.dir, 'missing')))
    expect(missing).toMatchObject({ ok: false, written: [], error: { code: 'not-found' } })
    expect(await runExportJob(job(folder, { dataDir: path.join(out.dir, 'no-data') }))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('answers any other failure by its code only, never its message', async () => {
    // A database of the current version without its tables: the report's query fails in SQLite.
    const broken = path.join(out.dir, 'broken')
    fs.mkdirSync(broken)
    const db = new Database(path.join(broken, DB_FILE))
    db.pragma(`user_version = ${LATEST_VERSION}`)
    db.close()
    const folder = path.join(out.dir, 'broken-out')
    fs.mkdirSync(folder)
    expect(await runExportJob(job(folder, { dataDir: broken }))).toEqual({
      ok: false,
      written: [],
      failure: 'SQLITE_ERROR',
    })
  })
})

describe('export:run with a job that fails', () => {
  it('answers a generic error and logs only the failure code', async () => {
    const lines: string[] = []
    const failing = testServices(undefined, undefined, {
      log: (line) => lines.push(line),
      exportRunner: async () => ({ ok: false, written: [], failure: 'SQLITE_CORRUPT' }),
    })
    try {
      const folder = path.join(out.dir, 'failing')
      fs.mkdirSync(folder)
      const result = await failing.dispatch('export:run', {
        range: { from: SHIFT_FROM, to: SHIFT_TO },
        formats: ['csv'],
        folder,
        remark: 'Caller 06-12345678 was rude',
        redact: false,
      })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('storage')
      expect(result.error.message).not.toMatch(/SQLITE|06-12345678|at .*\.ts/)
      expect(lines).toEqual(['internal error on export:run: ExportJobError (SQLITE_CORRUPT)'])
      expect(failing.settings.get().exportFolder).not.toBe(folder)
    } finally {
      failing.dispose()
    }
  })
})
