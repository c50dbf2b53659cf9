import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ExportJob } from '../../electron/services/export/export-job'
import { createAppServices } from '../../electron/services/app-services'
import { buildReport, streamReport } from '../../electron/services/export/build-report'
import { findFontDir } from '../../electron/services/export/font-dir'
import { machineTimeZone } from '../../electron/services/time/local-clock'
import { selectReportRows } from '../../electron/services/export/report-query'
import { renderReport } from '../../electron/services/export/format-renderers'
import { renderCsv, renderCsvChunks } from '../../electron/services/export/render-csv'
import { renderJsonChunks } from '../../electron/services/export/render-json'
import { median, nowMs, report } from './stats'

const CALLS = 15_000
const EVENTS_PER_CALL = 10
const KINDS = ['venting', 'summarised', 'apologised', 'solution-offered', 'anger-rising', 'boundary-warning', 'mark']
const YEAR_FROM = Date.parse('2026-01-01T00:00:00Z')
const YEAR_TO = Date.parse('2027-01-01T00:00:00Z')

/**
 * A year of data (15,000 calls, 150,000 events, 15,000 notes) exported as JSON and CSV, against the
 * floor: the same rows selected and JSON.stringify-ed; the JSON once more with phone numbers and addresses
 * masked. And a 60-call shift as PDF. Floor, JSON and CSV: medians of 5 interleaved rounds; the rest of 3 runs.
 */
export async function benchExport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-export-'))
  const services = createAppServices({ dataDir: dir, host: 'web', version: 'bench' })
  try {
    seedYear(services.db)
    const eventKinds = services.decks.eventKinds()
    const options = (from: number, to: number, redact = false) => ({
      from,
      to,
      now: YEAR_TO,
      timeZone: machineTimeZone(),
      language: 'en' as const,
      eventKinds,
      redact,
      remark: '',
    })
    const fontDir = findFontDir()
    const time = async (run: () => unknown, runs = 3) => {
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const start = nowMs()
        await run()
        times.push(nowMs() - start)
      }
      return median(times)
    }
    const year = options(YEAR_FROM, YEAR_TO)
    // What the export files are made from (export-job.ts): the rows streamed, the text in pieces.
    const consume = (pieces: Iterable<string>) => {
      let length = 0
      for (const piece of pieces) length += piece.length
      return length
    }
    const streamedJson = () => consume(renderJsonChunks(streamReport(services.db, year)))
    const streamedCsv = () => consume(renderCsvChunks(streamReport(services.db, year)))
    // The floor, the JSON and CSV as written, and the CSV from the report built whole (the path
    // before streaming), interleaved round by round so the machine's moment hits each alike.
    const samples = { floor: [] as number[], json: [] as number[], csv: [] as number[], csvBuilt: [] as number[] }
    const timed = (list: number[], run: () => unknown) => {
      const start = nowMs()
      run()
      list.push(nowMs() - start)
    }
    for (let round = 0; round < 5; round++) {
      timed(samples.floor, () => JSON.stringify(selectReportRows(services.db, YEAR_FROM, YEAR_TO)))
      timed(samples.json, streamedJson)
      timed(samples.csv, streamedCsv)
      timed(samples.csvBuilt, () => renderCsv(buildReport(services.db, year)))
    }
    const floor = median(samples.floor)
    const json = median(samples.json)
    const csv = median(samples.csv)
    // The CSV writer alone, on a report already built (what the writer costs, apart from the query).
    const built = buildReport(services.db, year)
    const csvWrite = await time(() => renderReport(built, 'csv', { fontDir, eventKinds }))
    // Masking runs only when the user asks for it; measured on its own against the plain JSON.
    const redacted = await time(() =>
      consume(renderJsonChunks(streamReport(services.db, options(YEAR_FROM, YEAR_TO, true)))),
    )
    const shiftFrom = Date.parse('2026-06-15T06:00:00Z')
    const shiftTo = shiftFrom + 8.5 * 3_600_000
    const shiftCalls = services.db
      .prepare<[number, number], { n: number }>(
        'SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?',
      )
      .get(shiftFrom, shiftTo)?.n
    const pdf = await time(() =>
      renderReport(buildReport(services.db, options(shiftFrom, shiftTo)), 'pdf', { fontDir, eventKinds }),
    )
    const rows = { calls: CALLS, events: CALLS * EVENTS_PER_CALL, notes: CALLS }
    report('export.floor_json_ms', floor, 'ms', rows)
    report('export.year_json_ms', json, 'ms', {
      ...rows,
      how: 'rows streamed, text in pieces (as the export files are written), not written to disk',
      budget_ms: 2000,
      ratio_to_floor: round(json / floor),
      budget_ratio: 3,
    })
    report('export.year_csv_ms', csv, 'ms', {
      ...rows,
      how: 'rows streamed, text in pieces (as the export files are written), not written to disk',
      built_whole_ms: round(median(samples.csvBuilt)),
      budget_ms: 2000,
      ratio_to_floor: round(csv / floor),
      budget_ratio: 2,
      pass: csv <= 2000 && csv <= 2 * floor,
    })
    report('export.year_csv_write_ms', csvWrite, 'ms', { ...rows, share_of_csv: round(csvWrite / csv) })
    report('export.year_json_redacted_ms', redacted, 'ms', { ...rows, ratio_to_plain: round(redacted / json) })
    report('export.shift_pdf_ms', pdf, 'ms', { calls: shiftCalls, budget_ms: 1500 })
    const job: ExportJob = {
      dataDir: dir,
      report: options(YEAR_FROM, YEAR_TO),
      targets: (['csv', 'json'] as const).map((format) => ({ format, path: path.join(dir, `year.${format}`) })),
      force: true,
      fontDir,
    }
    reportPeakRss(job, path.join(dir, 'job.json'), rows)
  } finally {
    services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const round = (value: number) => Math.round(value * 100) / 100

const PEAK_SCRIPT = path.join(__dirname, 'export-peak.mjs')
const PEAK_BUDGET_MB = 150

/**
 * `export.year_peak_rss_mb`: the year's CSV + JSON export job, run by the built export worker in a
 * fresh Node process (export-peak.mjs), whose peak RSS (VmHWM) is the figure; the floor
 * is the same process loading the runner without a job. Medians of 3, interleaved.
 */
function reportPeakRss(job: ExportJob, jobFile: string, rows: Record<string, number>): void {
  fs.writeFileSync(jobFile, JSON.stringify(job))
  const run = (args: string[]) => {
    const line = execFileSync(process.execPath, [PEAK_SCRIPT, ...args], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)
    const parsed = JSON.parse(line ?? '{}') as { ok: boolean; failure?: string; maxRssMb: number }
    if (!parsed.ok) throw new Error(`the export job failed: ${parsed.failure ?? 'unknown'}`)
    return parsed.maxRssMb
  }
  const peaks: number[] = []
  const floors: number[] = []
  for (let i = 0; i < 3; i++) {
    floors.push(run([]))
    peaks.push(run([jobFile]))
  }
  const peak = median(peaks)
  report('export.year_peak_rss_mb', peak, 'MB', {
    ...rows,
    formats: job.targets.map((target) => target.format),
    how: 'built export worker in a fresh Node process, its VmHWM',
    process_floor_mb: round(median(floors)),
    samples: peaks.map(round),
    budget_mb: PEAK_BUDGET_MB,
    pass: peak <= PEAK_BUDGET_MB,
  })
}

/**
 * Fast inserts in one transaction. Calls are spread over the year, except one busy day in June
 * with 60 calls in its 08:00–16:30 shift (for the PDF). Every fifth call is hard.
 */
export function seedYear(db: ReturnType<typeof createAppServices>['db']): void {
  const insertCall = db.prepare(
    "INSERT INTO calls (id, started_at, ended_at, caller, direction, hard, source) VALUES (?, ?, ?, ?, 'inbound', ?, 'hotkey')",
  )
  const insertEvent = db.prepare("INSERT INTO events (call_id, at, kind, text, source) VALUES (?, ?, ?, ?, 'hotkey')")
  const insertNote = db.prepare(
    "INSERT INTO notes (call_id, created_at, updated_at, what_happened, caller_wants, resolved, free_text, items, items_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
  )
  const shiftFrom = Date.parse('2026-06-15T06:00:00Z')
  const items = JSON.stringify([
    { kind: 'promise', text: 'Call back about invoice 4411 by Friday', due: '2026-06-19', done: false },
    { kind: 'follow-up', text: 'Ask billing, tel. 020-5550101', due: null, done: true },
  ])
  db.transaction(() => {
    const step = Math.floor((YEAR_TO - YEAR_FROM) / (CALLS - 60))
    for (let id = 1; id <= CALLS; id++) {
      let start = id <= 60 ? shiftFrom + (id - 1) * 8 * 60_000 + 30_000 : YEAR_FROM + (id - 61) * step
      // Keep the busy shift at exactly 60 calls.
      if (id > 60 && start >= shiftFrom - 3_600_000 && start < shiftFrom + 10 * 3_600_000) start += 12 * 3_600_000
      const length = 4 * 60_000 + (id % 7) * 30_000
      const hard = id % 5 === 0 ? 1 : 0
      insertCall.run(id, start, start + length, `…${String(1000 + (id % 9000))}`, hard)
      for (let e = 0; e < EVENTS_PER_CALL; e++) {
        const kind =
          e === 0
            ? 'call-started'
            : e === EVENTS_PER_CALL - 1
              ? 'call-ended'
              : (KINDS[(id + e) % KINDS.length] ?? 'mark')
        insertEvent.run(
          id,
          start + e * 20_000,
          kind,
          e % 3 === 0 ? 'Klant boos over factuur 4411, "meteen" geld terug' : null,
        )
      }
      insertNote.run(
        id,
        start + length,
        start + length,
        'Caller angry about a late delivery, wanted a refund; vrijeđao, prijetio.',
        'Refund of € 49,95 today',
        hard ? 'Handed over to the supervisor' : 'Refund approved',
        'Spoke calmly, summarised, offered options.\nCustomer accepted a voucher.',
        items,
      )
    }
  })()
}
