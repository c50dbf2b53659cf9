import { afterEach, describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { renderMarkdown } from '../../../electron/services/export/render-markdown'
import { CALLER_VOICE_RAISED } from '../../../shared/event-kinds'
import { FIXTURE_TIME_ZONE } from '../../helpers/export-fixture'
import { testServices, type TestServices } from '../../helpers/services'

let services: TestServices | undefined
afterEach(() => services?.dispose())

describe("a call with only the caller's raised voice (logged by the cues)", () => {
  it('is a hard call in the report: counted, and written in full', () => {
    let now = Date.parse('2026-11-22T09:00:00Z')
    services = testServices(() => now)
    const from = now
    // A plain call first: not hard.
    services.calls.start({ source: 'window' })
    now += 120_000
    services.calls.end('window')
    // Then one in which only the cues logged something: the caller's voice raised.
    now += 60_000
    const { call } = services.calls.start({ source: 'window' })
    now += 90_000
    const event = services.cues.callerRaised(call!.id)
    expect(event.source).toBe('cues')
    now += 200_000
    services.calls.end('window')

    const report = buildReport(services.db, {
      from,
      to: now + 60_000,
      now,
      timeZone: FIXTURE_TIME_ZONE,
      language: 'en',
      eventKinds: services.decks.eventKinds(),
      redact: false,
      remark: '',
    })
    expect(report.calls.map((item) => item.hard)).toEqual([false, true])
    expect(report.summary.hardCalls).toBe(1)
    expect(report.calls[1]?.events.map((item) => item.kind)).toContain(CALLER_VOICE_RAISED)
    const md = renderMarkdown(report)
    const hardSection = md.slice(md.indexOf('## Hard calls in full'), md.indexOf('## Other calls'))
    expect(hardSection).toContain("Caller's voice raised")
  })
})
