import fs from 'node:fs'
import path from 'node:path'
import { builtInEventKinds, kindLookup } from '../../shared/event-kinds'
import { EXPORT_SCHEMA_VERSION, type ExportReport, type ReportCall, type ReportRecovery } from '../../shared/export'
import { summarise } from '../../electron/services/export/build-report'
import { localClock } from '../../electron/services/time/local-clock'

export const TEAM_TIME_ZONE = 'Europe/Amsterdam'
const clock = localClock(TEAM_TIME_ZONE)
const MINUTE = 60_000

/** What a generated shift is made of, to check the team report against (not read from its file). */
export interface GeneratedShift {
  agentId: string
  name: string | null
  date: string
  hardCalls: number
  boundaryWarnings: number
  abuseEnds: number
  supervisorRequests: number
  helpRequests: number
  breaksOffered: number
  breaksTaken: number
  breaksDeclined: number
  recoveryMs: number
  calls: number
  /** Calls with the caller's voice raised (live call cues). */
  callerRaisedCalls: number
}

export interface TeamFolderOptions {
  agents: number
  /** Weekdays from this local date on. */
  firstDay: string
  days: number
  /** Agents with an index below this opted in to their name. */
  named: number
  /** On Saturdays only these agents (indices) work: a group under 5. */
  saturdayAgents: readonly number[]
}

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const moment = (ms: number) => ({ ms, local: clock.iso(ms) })
const agentIdOf = (index: number) => `agent-${String(index).padStart(4, '0')}-0000-4000-8000-000000000000`

/**
 * Writes a folder of team-folder shift files like CalmDeck's (valid by the report schema, with a
 * team block): `agents` agents on every weekday of `days` days (and a few on Saturdays), random
 * calls, incidents, breaks and help requests. Returns what was generated, for a direct count.
 */
export function writeTeamFolder(folder: string, options: TeamFolderOptions): GeneratedShift[] {
  const next = random(12)
  const kindOf = kindLookup(builtInEventKinds)
  const generated: GeneratedShift[] = []
  const [year, month, day] = options.firstDay.split('-').map(Number)
  for (let offset = 0; offset < options.days; offset++) {
    const start = clock.instant({ year: year ?? 2026, month: month ?? 1, day: (day ?? 1) + offset, hour: 8 })
    const weekday = new Date(`${clock.date(start)}T12:00:00Z`).getUTCDay()
    if (weekday === 0) continue
    const agents = weekday === 6 ? options.saturdayAgents : Array.from({ length: options.agents }, (_, index) => index)
    for (const agent of agents) {
      const shift = makeShift(agent, start, next, options.named)
      generated.push(shift.truth)
      const file = `calmdeck-shift-${shift.truth.date}-0800-${agentIdOf(agent).slice(0, 8)}${agent}.json`
      fs.writeFileSync(
        path.join(folder, file),
        JSON.stringify({
          ...shift.report,
          summary: summarise(shift.report.calls, [], shift.report.recoveries, kindOf),
        }),
      )
    }
  }
  return generated
}

function makeShift(
  agent: number,
  from: number,
  next: () => number,
  namedBelow: number,
): { report: ExportReport; truth: GeneratedShift } {
  const to = from + 8.5 * 60 * MINUTE
  const calls: ReportCall[] = []
  const truth: GeneratedShift = {
    agentId: agentIdOf(agent),
    name: agent < namedBelow ? `Agent ${agent}` : null,
    date: clock.date(from),
    hardCalls: 0,
    boundaryWarnings: 0,
    abuseEnds: 0,
    supervisorRequests: 0,
    helpRequests: Math.floor(next() * 2),
    breaksOffered: 0,
    breaksTaken: 0,
    breaksDeclined: 0,
    recoveryMs: 0,
    calls: 0,
    callerRaisedCalls: 0,
  }
  const count = 2 + Math.floor(next() * 5)
  let eventId = 1
  for (let index = 0; index < count; index++) {
    const startedAt = from + index * 40 * MINUTE
    const endedAt = startedAt + (3 + Math.floor(next() * 20)) * MINUTE
    const kinds: string[] = []
    const roll = next()
    if (roll < 0.15) kinds.push('anger-rising', 'boundary-warning')
    if (roll < 0.05) kinds.push('boundary-warning', 'ended-for-abuse')
    if (roll > 0.92) kinds.push('supervisor-requested')
    const hard = kinds.length > 0
    truth.calls++
    if (hard) truth.hardCalls++
    truth.boundaryWarnings += kinds.filter((kind) => kind === 'boundary-warning').length
    if (kinds.includes('ended-for-abuse')) truth.abuseEnds++
    if (kinds.includes('supervisor-requested')) truth.supervisorRequests++
    // Cues followed every other call and the calls where anger rose (the caller louder in those).
    const raised = roll < 0.15
    if (raised) truth.callerRaisedCalls++
    const listened = endedAt - startedAt
    calls.push({
      id: index + 1,
      startedAt: moment(startedAt),
      endedAt: moment(endedAt),
      durationMs: endedAt - startedAt,
      caller: null,
      direction: 'inbound',
      hard,
      source: 'integration',
      events: kinds.map((kind, position) => ({
        id: eventId++,
        at: moment(startedAt + (position + 1) * MINUTE),
        kind,
        label: kind,
        text: null,
        source: 'hotkey',
      })),
      note: null,
      // As in a team-folder copy: the caller's figures only.
      cues:
        raised || index % 2 === 0
          ? {
              durationMs: listened,
              callerMs: Math.round(listened / 2),
              callerLongestMs: Math.round(listened / 5),
              callerRaisedMs: raised ? 12_000 : 0,
            }
          : null,
    })
  }
  const recoveries: ReportRecovery[] = []
  truth.breaksOffered = truth.hardCalls
  for (let index = 0; index < truth.hardCalls; index++) {
    if (next() < 0.3) {
      truth.breaksDeclined++
      continue
    }
    const startedAt = from + index * 40 * MINUTE + 30 * MINUTE
    const takenMs = (1 + Math.floor(next() * 5)) * MINUTE
    truth.breaksTaken++
    truth.recoveryMs += takenMs
    recoveries.push({
      id: index + 1,
      callId: null,
      status: 'finished',
      startedAt: moment(startedAt),
      endedAt: moment(startedAt + takenMs),
      takenMs,
    })
  }
  const report: ExportReport = {
    format: 'calmdeck.report',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: moment(to),
    range: { from: moment(from), to: moment(to) },
    timeZone: TEAM_TIME_ZONE,
    language: 'en',
    redacted: true,
    remark: '',
    summary: summarise([], [], [], () => undefined),
    calls,
    walkIns: [],
    recoveries,
    team: {
      agent: { id: truth.agentId, name: truth.name },
      helpRequests: truth.helpRequests,
      breaks: { offered: truth.breaksOffered, taken: truth.breaksTaken, declined: truth.breaksDeclined },
    },
  }
  return { report, truth }
}
