import type { ExportReport, ReportCall, ReportNote } from '../../../shared/export'
import { localClock } from '../time/local-clock'
import { formatClockDuration, formatMinutes } from './durations'
import { callerText, cueNote, cueTable, isEmptyReport, noteGist, summaryRows } from './report-view'
import { reportTexts, type ReportTexts } from './report-texts'

/** Escapes text so Markdown shows it as written; newlines become hard line breaks. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3')
    .split('\n')
    .join('  \n')
}

/** Text for one table cell: escaped, on one line. */
const cell = (text: string) => mdText(text).replace(/ {2}\n/g, ' / ')

/**
 * The report as Markdown: summary, hard calls in full, the other calls one line each, the sound
 * levels of the calls live call cues followed.
 */
export function renderMarkdown(report: ExportReport): string {
  const t = reportTexts[report.language]
  const clock = localClock(report.timeZone)
  const when = (ms: number) => `${clock.date(ms)} ${clock.time(ms)}`
  const out: string[] = []
  const push = (...lines: string[]) => out.push(...lines)

  push(`# ${t.title}`, '')
  push(`- **${t.range}:** ${when(report.range.from.ms)} – ${when(report.range.to.ms)}`)
  push(`- **${t.timeZone}:** ${report.timeZone} (${clock.offsetLabel(report.range.from.ms)})`)
  push(`- **${t.generated}:** ${when(report.generatedAt.ms)}`)
  if (report.redacted) push('', `> ${t.redactedNote}`)
  push('')
  if (isEmptyReport(report)) push(`_${t.emptyRange}_`, '')

  push(`## ${t.summary}`, '', `| | |`, `|---|---:|`)
  for (const [label, value] of summaryRows(report, t)) push(`| ${cell(label)} | ${cell(value)} |`)
  push('')
  if (report.remark) push(`## ${t.remark}`, '', mdText(report.remark), '')

  const hard = report.calls.filter((call) => call.hard)
  if (hard.length > 0) {
    push(`## ${t.hardCallsSection}`, '')
    for (const call of hard) push(...hardCall(call, t, clock.time, when), '')
  }

  const other = report.calls.filter((call) => !call.hard)
  push(`## ${t.otherCallsSection}`, '')
  if (other.length === 0) push(t.noOtherCalls, '')
  else {
    push(`| ${t.start} | ${t.duration} | ${t.caller} | ${t.events} | ${t.note} |`, '|---|---:|---|---:|---|')
    for (const call of other) {
      const note = noteGist(call.note)
      push(
        `| ${when(call.startedAt.ms)} | ${durationText(call, t)} | ${cell(callerText(call, t))} | ${call.events.length} | ${cell(note)} |`,
      )
    }
    push('')
  }

  const cues = cueTable(report, t)
  if (cues) {
    push(`## ${t.soundLevels}`, '', `_${mdText(cueNote(cues, t))}_`, '')
    const shareTitle = (title: string, index: number) => (index < cues.shares ? `${t.talkShare}: ${title}` : title)
    push(
      `| ${t.start} | ${t.caller} | ${cues.columns.map((title, index) => cell(shareTitle(title, index))).join(' | ')} |`,
      `|---|---|${cues.columns.map(() => '---:').join('|')}|`,
    )
    for (const { call, cells } of cues.rows) {
      push(`| ${when(call.startedAt.ms)} | ${cell(callerText(call, t))} | ${cells.map(cell).join(' | ')} |`)
    }
    push('')
  }

  if (report.walkIns.length > 0) {
    push(`## ${t.walkInsSection}`, '')
    for (const note of report.walkIns) push(`### ${when(note.createdAt.ms)}`, '', ...noteLines(note, t), '')
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}

function hardCall(call: ReportCall, t: ReportTexts, time: (ms: number) => string, when: (ms: number) => string) {
  const lines = [
    `### ${when(call.startedAt.ms)} · ${cell(callerText(call, t))}`,
    '',
    `- **${t.start}:** ${when(call.startedAt.ms)}`,
    `- **${t.end}:** ${call.endedAt ? when(call.endedAt.ms) : t.inProgress}`,
    `- **${t.duration}:** ${durationText(call, t)}`,
    `- **${t.caller}:** ${cell(callerText(call, t))}`,
  ]
  if (call.direction) lines.push(`- **${t.direction}:** ${call.direction === 'inbound' ? t.inbound : t.outbound}`)
  lines.push('', `**${t.events}**`, '', `| ${t.time} | ${t.event} |`, '|---|---|')
  for (const event of call.events) {
    lines.push(`| ${time(event.at.ms)} | ${cell(event.label)}${event.text ? ` — ${cell(event.text)}` : ''} |`)
  }
  lines.push('')
  if (call.note) lines.push(...noteLines(call.note, t))
  else lines.push(`_${t.noNote}_`)
  return lines
}

function noteLines(note: ReportNote, t: ReportTexts): string[] {
  const lines: string[] = []
  const field = (label: string, text: string) => {
    if (text.trim()) lines.push(`**${label}**`, '', mdText(text.trim()), '')
  }
  field(t.whatHappened, note.whatHappened)
  field(t.callerWants, note.callerWants)
  field(t.resolved, note.resolved)
  field(t.freeText, note.freeText)
  if (note.items.length > 0) {
    lines.push(`**${t.promisesAndFollowUps}**`, '')
    for (const item of note.items) {
      const kind = item.kind === 'promise' ? t.promise : t.followUp
      const due = item.due ? ` (${t.due} ${item.due})` : ''
      lines.push(`- [${item.done ? 'x' : ' '}] ${kind}: ${cell(item.text)}${due}`)
    }
    lines.push('')
  }
  return lines
}

function durationText(call: ReportCall, t: ReportTexts): string {
  return call.endedAt ? formatClockDuration(call.durationMs) : `${formatMinutes(call.durationMs)} (${t.inProgress})`
}
