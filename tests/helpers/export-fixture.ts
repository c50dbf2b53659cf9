import type { ReportOptions } from '../../electron/services/export/build-report'
import type { NoteSave } from '../../shared/notes'
import { testServices, type TestServices } from './services'

/** The fixture shift: Sunday 22 November 2026, 08:00–16:30 in Amsterdam (UTC+1). */
export const FIXTURE_TIME_ZONE = 'Europe/Amsterdam'
export const SHIFT_FROM = Date.parse('2026-11-22T07:00:00Z')
export const SHIFT_TO = Date.parse('2026-11-22T15:30:00Z')
/** When the fixture's report is made: at the end of the shift, one call still going on. */
export const REPORT_AT = Date.parse('2026-11-22T15:20:00Z')

/** The report of the fixture shift, made at its end in its zone (English, not redacted, no remark), with `overrides`. */
export function fixtureReportOptions(services: TestServices, overrides: Partial<ReportOptions> = {}): ReportOptions {
  return {
    from: SHIFT_FROM,
    to: SHIFT_TO,
    now: REPORT_AT,
    timeZone: FIXTURE_TIME_ZONE,
    language: 'en',
    eventKinds: services.decks.eventKinds(),
    redact: false,
    remark: '',
    ...overrides,
  }
}

const at = (local: string) => Date.parse(`2026-11-22T${local}+01:00`)
const blank: Omit<NoteSave, 'callId'> = { whatHappened: '', callerWants: '', resolved: '', freeText: '', items: [] }

export interface ExportFixture {
  services: TestServices
  setNow(ms: number): void
}

/**
 * A shift recorded through the real services: ordinary and hard calls, Dutch and Croatian text
 * with commas, quotes, newlines, phone numbers and e-mail addresses in notes, a walk-in incident,
 * recovery breaks, and a call still in progress; live call cues followed calls 1 and 2 (call 2 with
 * the caller's voice raised), not the others. Plus one call outside the shift on each side.
 */
export function buildExportFixture(): ExportFixture {
  let now = at('07:40:00')
  const services = testServices(() => now)
  const setNow = (ms: number) => (now = ms)
  const settings = (callerNumber: 'off' | 'last4' | 'full') => services.settings.update({ callerNumber })
  const log = (time: string, kind: string, text?: string) => {
    setNow(at(time))
    services.calls.log(kind, 'hotkey', text)
  }
  const start = (time: string, number?: string, direction: 'inbound' | 'outbound' = 'inbound') => {
    setNow(at(time))
    return services.calls.start({ source: 'window', number, direction }).call!.id
  }
  const end = (time: string) => {
    setNow(at(time))
    services.calls.end('window')
  }

  // Before the shift: not in the report.
  settings('last4')
  start('07:40:00', '0201234567')
  end('07:44:00')

  // 1. An ordinary call.
  const first = start('08:12:05', '+31 20 555 0101')
  log('08:13:30', 'summarised')
  log('08:17:10', 'resolved')
  end('08:18:42')
  services.notes.save({ ...blank, callId: first, resolved: 'Address updated, parcel re-sent' })
  services.cues.save(first, {
    durationMs: 397_000,
    youMs: 151_000,
    callerMs: 206_000,
    silenceMs: 52_000,
    overlapMs: 12_000,
    talkOvers: 1,
    callerLongestMs: 48_000,
    callerRaisedMs: 0,
    youRaisedMs: 0,
  })

  // 2. A hard call in Dutch, ended for abuse; the full number is stored.
  settings('full')
  const hard = start('09:03:00', '+31 6 1234 5678')
  log('09:03:40', 'venting', 'Klant schreeuwt over factuur 4411, "al drie keer gebeld"')
  setNow(at('09:04:12'))
  services.cues.callerRaised(hard)
  log('09:06:15', 'anger-rising')
  log('09:07:02', 'boundary-warning', 'Gezegd: bij nog één scheldwoord beëindig ik het gesprek')
  log('09:09:30', 'ended-for-abuse')
  services.cues.save(hard, {
    durationMs: 390_000,
    youMs: 97_000,
    callerMs: 268_000,
    silenceMs: 41_000,
    overlapMs: 16_000,
    talkOvers: 3,
    callerLongestMs: 131_000,
    callerRaisedMs: 74_000,
    youRaisedMs: 9_000,
  })
  services.notes.save({
    ...blank,
    callId: hard,
    whatHappened: 'Klant was boos over factuur 4411, zei: "jullie zijn oplichters".\nNa waarschuwing toch gescholden.',
    callerWants: 'Terugbetaling van € 1.250,00, vandaag nog',
    resolved: 'Niets; gesprek beëindigd volgens beleid',
    freeText: 'Terugbellen op 06-12345678 of mail naar j.de.vries+factuur@example.nl.\nZie ook ticket 2026-0042.',
    items: [
      { kind: 'promise', text: 'Facturatie vraagt de factuur na, uiterlijk vrijdag', due: '2026-11-27', done: false },
      { kind: 'follow-up', text: 'Teamleider informeren over het incident', due: null, done: true },
    ],
  })
  services.db
    .prepare(
      `INSERT INTO recoveries (call_id, status, offered_at, duration_ms, started_at, paused_at, paused_total_ms, ended_at, source)
       VALUES (?, 'finished', ?, 300000, ?, NULL, 0, ?, 'window')`,
    )
    .run(hard, at('09:09:31'), at('09:10:00'), at('09:15:00'))

  // 3. An ordinary outbound call without a stored number.
  settings('off')
  start('10:40:00', '0612345678', 'outbound')
  end('10:44:20')

  // 4. A hard call in Croatian: supervisor requested, handed over.
  settings('last4')
  const croatian = start('11:15:00', '+385 91 234 5678')
  log('11:16:00', 'venting', 'Pozivatelj ljut zbog računa; traži povrat novca')
  log('11:19:30', 'supervisor-requested')
  log('11:21:00', 'handed-over', 'Predano voditeljici smjene (Ivana Horvat, ivana.horvat@tvrtka.hr)')
  end('11:22:10')
  services.notes.save({
    ...blank,
    callId: croatian,
    whatHappened: 'Pozivatelj je tražio nadređenog; čćžšđ ČĆŽŠĐ.',
    callerWants: 'Povrat novca za dvostruko naplaćeni račun',
    resolved: 'Predano nadređenoj, ona zove natrag na +385 1 234 5678',
    items: [{ kind: 'promise', text: 'Povrat novca do petka', due: '2026-11-27', done: false }],
  })
  services.db
    .prepare(
      `INSERT INTO recoveries (call_id, status, offered_at, duration_ms, started_at, paused_at, paused_total_ms, ended_at, source)
       VALUES (?, 'ended-early', ?, 300000, ?, NULL, 60000, ?, 'window')`,
    )
    .run(croatian, at('11:22:11'), at('11:23:00'), at('11:27:00'))

  // A walk-in incident: a colleague's customer at the desk.
  setNow(at('12:05:00'))
  services.notes.save({
    ...blank,
    callId: null,
    whatHappened: 'Klant aan de balie, wilde "meteen" de manager spreken',
    items: [{ kind: 'follow-up', text: 'Balie-incident melden, tel. (020) 555 0101', due: '2026-11-23', done: false }],
  })

  // 5. An ordinary call with a mark.
  start('13:30:00', '0031201234567')
  log('13:31:00', 'mark', 'Vraagt naar levertijd, bestelling 2026001234')
  end('13:35:45')

  // 6. Still in progress when the report is made.
  start('16:10:00', '0612345678')
  setNow(REPORT_AT)
  return { services, setNow }
}
