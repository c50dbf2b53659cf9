import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateTeam } from '../../../electron/services/team-report/aggregate'
import { readTeamFolder } from '../../../electron/services/team-report/read-folder'
import { renderTeamReport } from '../../../electron/services/team-report/team-renderers'
import { fontsIn } from '../../../electron/services/export/pdf-style'
import { findFontDir } from '../../../electron/services/export/font-dir'
import type { CallCueFigures } from '../../../shared/cues/engine'
import { privateCueFigures } from '../../../shared/cues/figures'
import { diagnosticsFileSchema } from '../../../shared/about'
import { exportFormats } from '../../../shared/export-formats'
import { hostTexts } from '../../../shared/i18n/host-catalog'
import { APP_LOCALES } from '../../../shared/locales'
import { testServices, type TestServices } from '../../helpers/services'
import { teamReceiver, type TeamReceiver } from '../../helpers/team-receiver'
import { tempDir } from '../../helpers/temp-dir'

/**
 * The figures about the agent's own voice stay on this machine: every way out to a team (the
 * team-folder copy and its PDF, the team report in every format, team messages) and Diagnostics
 * is scanned for them. Odd values, so a match cannot be a coincidence.
 */
const FIGURES: CallCueFigures = {
  durationMs: 600_000,
  youMs: 123_457,
  callerMs: 345_671,
  silenceMs: 187_093,
  overlapMs: 56_221,
  talkOvers: 4_271,
  callerLongestMs: 99_000,
  callerRaisedMs: 21_000,
  youRaisedMs: 71_933,
}
/** Each private figure as stored, and (where a format shows it) as shown: a share or seconds. */
const PRIVATE_VALUES = ['123457', '187093', '56221', '4271', '71933', '21 %', '31 %', '72 s']
/** The report's texts that only label the agent's own figures, in every language. */
const PRIVATE_LABELS = APP_LOCALES.flatMap((locale) => {
  const t = hostTexts[locale].report
  return [t.youRaised, t.talkOvers, t.shareSilence]
})

function expectNoOwnVoice(text: string, where: string): void {
  expect(text.length, where).toBeGreaterThan(100)
  for (const key of privateCueFigures) expect(text, `${where}: ${key}`).not.toContain(key)
  for (const value of PRIVATE_VALUES) expect(text, `${where}: ${value}`).not.toContain(value)
  for (const label of PRIVATE_LABELS) expect(text, `${where}: ${label}`).not.toContain(label)
}

const FROM = Date.parse('2026-11-22T07:00:00Z')
const TO = Date.parse('2026-11-22T15:30:00Z')
let now = Date.parse('2026-11-22T09:00:00Z')
let services: TestServices
let receiver: TeamReceiver
let work: ReturnType<typeof tempDir>

beforeAll(async () => {
  receiver = await teamReceiver()
  work = tempDir('calmdeck-own-voice-')
  services = testServices(() => now, undefined, { teamBackoff: { firstMs: 50, maxMs: 200 } })
  services.settings.update({ agentName: 'Ivo', teamShiftSummary: true })
  services.team.setEndpoint({ kind: 'teams', url: receiver.url })
  const { call } = services.calls.start({ source: 'window', number: '+385 1 555 0199' })
  now += 60_000
  services.cues.callerRaised(call!.id)
  now += 1_000
  // A help request in a call cues follow (the figures of the call before it exist already).
  services.actions.perform('help-request', 'window')
  now += 539_000
  services.calls.end('window')
  services.cues.save(call!.id, FIGURES)
})

afterAll(async () => {
  services.dispose()
  await receiver.stop()
  work.cleanup()
})

/** End shift: the agent's own files into `personal`, the team copy (JSON and PDF) into `team`. */
async function endShift(name: string, showName: boolean) {
  const personal = path.join(work.dir, name, 'personal')
  const team = path.join(work.dir, name, 'team')
  fs.mkdirSync(personal, { recursive: true })
  fs.mkdirSync(team, { recursive: true })
  services.settings.update({
    teamFolder: team,
    teamFolderPdf: true,
    agentName: 'Ivo Ivić',
    teamReportShowName: showName,
  })
  const result = await services.exports.run({
    range: { from: FROM, to: TO },
    formats: ['json', 'md'],
    folder: personal,
    remark: '',
    redact: false,
    force: true,
  })
  return { result, team }
}

describe("the agent's own voice figures", () => {
  it("are in the agent's own export (their file), so the scans below can fail", async () => {
    const { result } = await endShift('own', false)
    const json = fs.readFileSync(result.files.find((file) => file.format === 'json')?.path ?? '', 'utf8')
    for (const key of privateCueFigures) expect(json).toContain(`"${key}"`)
    expect(json).toContain('123457')
    const md = fs.readFileSync(result.files.find((file) => file.format === 'md')?.path ?? '', 'utf8')
    for (const value of ['21 %', '31 %', '72 s', '4271', 'You louder', 'Talked over']) expect(md).toContain(value)
  })

  it('never reach the team-folder copy, JSON or PDF; the caller figures do', async () => {
    const { result, team } = await endShift('team-copy', false)
    const [json, pdf] = [...(result.teamFiles ?? [])].sort()
    expect(path.dirname(json ?? '')).toBe(team)
    const text = fs.readFileSync(json ?? '', 'utf8')
    expectNoOwnVoice(text, 'team-folder JSON')
    expect(JSON.parse(text).calls[0].cues).toEqual({
      durationMs: 600_000,
      callerMs: 345_671,
      callerLongestMs: 99_000,
      callerRaisedMs: 21_000,
    })
    expect(pdf?.endsWith('.pdf')).toBe(true)
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf ?? '', '-'], { encoding: 'utf8' })
    expectNoOwnVoice(pdfText, 'team-folder PDF')
    expect(pdfText).toContain('Sound levels')
    expect(pdfText).toContain('58 %')
  })

  it('never reach the team report in any format; the caller figures only as a count, under the rule of 5', async () => {
    const named = await endShift('report-named', true)
    const anonymous = await endShift('report-anonymous', false)
    const fonts = fontsIn(findFontDir())
    for (const [folder, shown] of [
      [named.team, true],
      [anonymous.team, false],
    ] as const) {
      const report = aggregateTeam(readTeamFolder(folder, { from: FROM, to: TO }), {
        from: FROM,
        to: TO,
        generatedAt: TO,
      })
      const day = report.days[0]
      expect(day?.total.kind).toBe(shown ? 'figures' : 'fewer-than-5')
      if (day?.total.kind === 'figures') expect(day.total.figures.callerRaisedCalls).toBe(1)
      for (const format of exportFormats) {
        const rendered = await renderTeamReport(report, format, { language: 'en', timeZone: 'Europe/Amsterdam', fonts })
        const text =
          format === 'pdf'
            ? execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: rendered, encoding: 'utf8' })
            : String(rendered)
        expectNoOwnVoice(text, `team report ${format}`)
        // No per-call caller figure either: the caller's raised voice reaches the team as a count only.
        expect(text).not.toContain('21000')
        expect(text).not.toContain('345671')
      }
    }
  })

  it('never reach team messages (the help request, the shift summary)', async () => {
    const posts = await receiver.waitFor(2)
    expect(posts.map((post) => post.body).join('\n')).toContain('Shift summary')
    for (const post of posts) expectNoOwnVoice(post.body, 'team message')
    const queued = services.db.prepare<[], { message: string }>('SELECT message FROM outbox').all()
    expect(queued.length).toBeGreaterThanOrEqual(2)
    for (const row of queued) expect(row.message).not.toMatch(/123457|71933|4271|youMs|youRaisedMs|talkOvers/)
  })

  it('never reach Diagnostics (its cue settings may)', async () => {
    const answer = await services.dispatch('diagnostics:export', {})
    const text = answer.ok ? diagnosticsFileSchema.parse(answer.value).text : ''
    expectNoOwnVoice(text, 'Diagnostics')
    expect(text).toContain('cuesEnabled')
  })
})
