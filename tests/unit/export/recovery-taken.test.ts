import { describe, expect, it } from 'vitest'
import { reportFromRows } from '../../../electron/services/export/build-report'
import type { ReportRecoveryRow, ReportRows } from '../../../electron/services/export/report-query'

const T0 = Date.parse('2026-11-22T09:00:00Z')
const MIN = 60_000

function rows(recoveries: ReportRecoveryRow[]): ReportRows {
  return { calls: [], events: [], notes: [], walkIns: [], recoveries, cues: [] }
}

const base: ReportRecoveryRow = {
  id: 1,
  call_id: null,
  status: 'running',
  started_at: T0,
  paused_at: null,
  paused_total_ms: 0,
  duration_ms: 5 * MIN,
  ended_at: null,
}

describe('recovery time in the report', () => {
  it('counts a break still marked running after its end as finished at its planned end', () => {
    const report = reportFromRows(rows([base]), {
      from: T0 - MIN,
      to: T0 + 24 * 60 * MIN,
      now: T0 + 6 * 60 * MIN,
      timeZone: 'UTC',
      language: 'en',
      eventKinds: [],
      redact: false,
      remark: '',
    })
    expect(report.recoveries[0]).toMatchObject({ status: 'finished', takenMs: 5 * MIN })
    expect(report.summary.recoveryMs).toBe(5 * MIN)
  })

  it('counts a running break until now, and a paused one until its pause', () => {
    const options = {
      from: T0 - MIN,
      to: T0 + 60 * MIN,
      now: T0 + 2 * MIN,
      timeZone: 'UTC',
      language: 'en' as const,
      eventKinds: [],
      redact: false,
      remark: '',
    }
    expect(reportFromRows(rows([base]), options).recoveries[0]?.takenMs).toBe(2 * MIN)
    const paused = { ...base, status: 'paused' as const, paused_at: T0 + MIN }
    expect(reportFromRows(rows([paused]), options).recoveries[0]?.takenMs).toBe(MIN)
  })
})
