import { createPdfDocument, type PdfDoc as Doc } from './pdf-document'
import { kindLookup, type EventKind } from '../../../shared/event-kinds'
import type { ExportReport, ReportCall, ReportNote } from '../../../shared/export'
import { localClock, type LocalClock } from '../time/local-clock'
import { formatClockDuration } from './durations'
import { drawTimeline } from './pdf-timeline'
import { pdfStyle, type PdfFonts } from './pdf-style'
import { callerText, cueNote, cueTable, isEmptyReport, noteGist, summaryRows } from './report-view'
import { reportTexts, type ReportTexts } from './report-texts'

const { color, size, page } = pdfStyle

/**
 * The printable A4 report: a header with the period, the timeline picture, the summary table and
 * the closing remark; then every hard call in full; then the other calls one line each; then the
 * sound levels of the calls live call cues followed. Page
 * numbers and a running header are added once all pages exist. `eventKinds` (the deck's, as for
 * the report) say which events are incidents and how the timeline marks them.
 */
export function renderPdf(report: ExportReport, fonts: PdfFonts, eventKinds: readonly EventKind[]): Promise<Buffer> {
  const t = reportTexts[report.language]
  const clock = localClock(report.timeZone)
  const doc = createPdfDocument(
    {
      size: page.size,
      margins: { top: page.top, bottom: page.bottom, left: page.marginX, right: page.marginX },
      bufferPages: true,
      lang: report.language,
      displayTitle: true,
      info: {
        Title: `${t.title} ${periodText(report, clock)}`,
        Author: 'CalmDeck',
        Creator: 'CalmDeck',
        CreationDate: new Date(report.generatedAt.ms),
      },
    },
    fonts,
  )
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  new ReportLayout(doc, report, t, clock, kindLookup(eventKinds)).draw()
  doc.end()
  return done
}

/** `2026-11-22 08:00 – 16:00`, or with both dates when the period spans days. */
function periodText(report: ExportReport, clock: LocalClock): string {
  const from = report.range.from.ms
  const to = report.range.to.ms
  const sameDay = clock.date(from) === clock.date(to - 1)
  return sameDay
    ? `${clock.date(from)} ${clock.time(from)} – ${clock.time(to)}`
    : `${clock.date(from)} ${clock.time(from)} – ${clock.date(to)} ${clock.time(to)}`
}

class ReportLayout {
  private readonly left = page.marginX
  private readonly width: number
  private readonly bottom: number

  constructor(
    private readonly doc: Doc,
    private readonly report: ExportReport,
    private readonly t: ReportTexts,
    private readonly clock: LocalClock,
    private readonly kindOf: (id: string) => EventKind | undefined,
  ) {
    this.width = doc.page.width - 2 * page.marginX
    this.bottom = doc.page.height - page.bottom
  }

  draw(): void {
    this.titleBlock()
    this.timeline()
    this.summary()
    this.remark()
    this.hardCalls()
    this.otherCalls()
    this.soundLevels()
    this.walkIns()
    this.pageFurniture()
  }

  private get y(): number {
    return this.doc.y
  }

  private set y(value: number) {
    this.doc.y = value
  }

  /** Starts a new page when less than `height` points are left on this one. */
  private ensure(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage()
      this.y = page.top
    }
  }

  private text(
    text: string,
    options: { font?: string; size?: number; color?: string; x?: number; width?: number } = {},
  ) {
    const doc = this.doc
    doc
      .font(options.font ?? 'regular')
      .fontSize(options.size ?? size.body)
      .fillColor(options.color ?? color.ink)
    doc.text(text, options.x ?? this.left, this.y, { width: options.width ?? this.width, lineGap: 1.5 })
  }

  private heading(text: string): void {
    this.ensure(60)
    this.y += 10
    this.text(text, { font: 'bold', size: size.h2, color: color.brand })
    this.y += 2
    this.rule(color.brand, 0.8)
    this.y += 8
  }

  private rule(stroke: string = color.rule, lineWidth = 0.5): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(lineWidth)
      .strokeColor(stroke)
      .stroke()
  }

  private titleBlock(): void {
    const { report, t, clock } = this
    this.y = 46
    this.text('CALMDECK', { font: 'bold', size: size.tiny, color: color.brand })
    this.y += 3
    this.text(t.title, { font: 'bold', size: size.title })
    this.y += 2
    this.text(longPeriod(report, clock), { size: size.subtitle, color: color.ink })
    this.y += 3
    const meta = `${t.timeZone}: ${report.timeZone} (${clock.offsetLabel(report.range.from.ms)})   ·   ${t.generated}: ${clock.date(report.generatedAt.ms)} ${clock.time(report.generatedAt.ms)}`
    this.text(meta, { size: size.small, color: color.muted })
    if (report.redacted) {
      this.y += 5
      this.text(t.redactedNote, { size: size.small, color: color.brand })
    }
    this.y += 12
  }

  private timeline(): void {
    this.text(this.t.timeline, { font: 'bold', size: size.h3, color: color.muted })
    this.y += 4
    const top = this.y
    const height = drawTimeline(this.doc, this.report, this.kindOf, this.clock, this.t, this.left, top, this.width)
    this.doc.x = this.left
    this.y = top + height + 14
    if (isEmptyReport(this.report)) {
      this.text(this.t.emptyRange, { size: size.body, color: color.muted })
      this.y += 8
    }
  }

  /** The summary as a two-column table with zebra rows, values right-aligned. */
  private summary(): void {
    this.text(this.t.summary, { font: 'bold', size: size.h3, color: color.muted })
    this.y += 4
    const rows = summaryRows(this.report, this.t)
    const half = Math.ceil(rows.length / 2)
    const colW = (this.width - 16) / 2
    const rowH = 19
    const top = this.y
    rows.forEach(([label, value], index) => {
      const column = index < half ? 0 : 1
      const row = column === 0 ? index : index - half
      const x = this.left + column * (colW + 16)
      const y = top + row * rowH
      if (row % 2 === 0) this.doc.rect(x, y, colW, rowH).fill(color.zebra)
      this.doc.font('regular').fontSize(size.body).fillColor(color.ink)
      this.doc.text(label, x + 8, y + 5, { width: colW - 80, lineBreak: false, ellipsis: true })
      this.doc.font('bold').text(value, x + colW - 88, y + 5, { width: 80, align: 'right', lineBreak: false })
    })
    this.y = top + half * rowH + 14
    this.doc.x = this.left
  }

  private remark(): void {
    if (!this.report.remark) return
    const doc = this.doc
    this.ensure(50)
    this.text(this.t.remark, { font: 'bold', size: size.h3, color: color.muted })
    this.y += 4
    doc.font('regular').fontSize(size.body)
    const height = doc.heightOfString(this.report.remark, { width: this.width - 20, lineGap: 1.5 })
    if (height + 16 <= this.bottom - this.y) {
      doc.rect(this.left, this.y, 3, height + 12).fill(color.brand)
      doc.rect(this.left + 3, this.y, this.width - 3, height + 12).fill(color.panel)
    }
    this.y += 6
    this.text(this.report.remark, { x: this.left + 12, width: this.width - 20 })
    this.y += 12
  }

  private hardCalls(): void {
    const hard = this.report.calls.filter((call) => call.hard)
    if (hard.length === 0) return
    this.heading(this.t.hardCallsSection)
    for (const call of hard) this.hardCall(call)
  }

  private hardCall(call: ReportCall): void {
    const { doc, t, clock } = this
    this.ensure(90)
    const top = this.y
    const end = call.endedAt ? clock.time(call.endedAt.ms) : t.inProgress
    const direction = call.direction ? ` · ${call.direction === 'inbound' ? t.inbound : t.outbound}` : ''
    doc.rect(this.left, top, 3, 30).fill(color.hard)
    this.y = top + 1
    this.text(`${clock.time(call.startedAt.ms)} – ${end}   ${callerText(call, t)}`, {
      font: 'bold',
      size: size.h3,
      x: this.left + 10,
      width: this.width - 10,
    })
    this.text(
      `${clock.date(call.startedAt.ms)} · ${t.duration} ${formatClockDuration(call.durationMs)}${direction} · ${t.eventCount(call.events.length)}`,
      { size: size.small, color: color.muted, x: this.left + 10, width: this.width - 10 },
    )
    this.y = Math.max(this.y, top + 30) + 8

    // The event timeline: time, then the event and its text, wrapped.
    const timeW = 42
    for (const event of call.events) {
      const label = event.text ? `${event.label} — ${event.text}` : event.label
      doc.font('regular').fontSize(size.body)
      const h = doc.heightOfString(label, { width: this.width - timeW - 10, lineGap: 1.5 })
      this.ensure(Math.min(h, 200) + 4)
      const rowY = this.y
      doc.fillColor(color.muted).text(clock.time(event.at.ms), this.left + 10, rowY, { width: timeW, lineBreak: false })
      const incident = this.kindOf(event.kind)?.incident === true
      doc.font(incident ? 'bold' : 'regular').fillColor(incident ? color.hard : color.ink)
      doc.text(event.label, this.left + 10 + timeW, rowY, {
        width: this.width - timeW - 10,
        lineGap: 1.5,
        continued: !!event.text,
      })
      if (event.text) doc.font('regular').fillColor(color.ink).text(` — ${event.text}`, { lineGap: 1.5 })
      this.y = Math.max(this.y, rowY + 12) + 2
    }
    this.y += 6
    if (call.note) this.noteFields(call.note)
    else {
      this.text(t.noNote, { size: size.small, color: color.muted, x: this.left + 10, width: this.width - 10 })
      this.y += 6
    }
    this.y += 6
    this.ensure(10)
    this.rule()
    this.y += 12
  }

  private noteFields(note: ReportNote): void {
    const { t } = this
    const x = this.left + 10
    const width = this.width - 10
    const field = (label: string, text: string) => {
      if (!text.trim()) return
      this.ensure(34)
      this.text(label.toUpperCase(), { font: 'bold', size: size.tiny, color: color.muted, x, width })
      this.y += 1
      this.text(text.trim(), { x, width })
      this.y += 6
    }
    field(t.whatHappened, note.whatHappened)
    field(t.callerWants, note.callerWants)
    field(t.resolved, note.resolved)
    field(t.freeText, note.freeText)
    if (note.items.length === 0) return
    this.ensure(34)
    this.text(t.promisesAndFollowUps.toUpperCase(), { font: 'bold', size: size.tiny, color: color.muted, x, width })
    this.y += 3
    for (const item of note.items) {
      const kind = item.kind === 'promise' ? t.promise : t.followUp
      const due = item.due ? `  (${t.due} ${item.due})` : ''
      const line = `${kind}: ${item.text}${due}`
      this.doc.font('regular').fontSize(size.body)
      this.ensure(Math.min(this.doc.heightOfString(line, { width: width - 18 }), 120) + 4)
      const rowY = this.y
      this.checkbox(x, rowY + 1.5, item.done)
      this.text(line, { x: x + 16, width: width - 16, color: item.done ? color.muted : color.ink })
      this.y = Math.max(this.y, rowY + 12) + 2
    }
  }

  private checkbox(x: number, y: number, checked: boolean): void {
    const doc = this.doc
    doc
      .rect(x, y, 8.5, 8.5)
      .lineWidth(0.8)
      .strokeColor(checked ? color.muted : color.ink)
      .stroke()
    if (checked) {
      doc
        .moveTo(x + 1.8, y + 4.4)
        .lineTo(x + 3.7, y + 6.6)
        .lineTo(x + 7, y + 1.8)
        .lineWidth(1.2)
        .strokeColor(color.brand)
        .stroke()
    }
  }

  /** The other calls as a table, one line each. */
  private otherCalls(): void {
    const { doc, t, clock } = this
    const other = this.report.calls.filter((call) => !call.hard)
    this.heading(t.otherCallsSection)
    if (other.length === 0) {
      this.text(t.noOtherCalls, { color: color.muted })
      this.y += 8
      return
    }
    const multiDay = clock.date(this.report.range.from.ms) !== clock.date(this.report.range.to.ms - 1)
    const columns = [
      { title: t.start, width: multiDay ? 92 : 44 },
      { title: t.duration, width: 50, align: 'right' as const },
      { title: t.caller, width: 96 },
      { title: t.events, width: 46, align: 'right' as const },
      { title: t.note, width: 0 },
    ]
    const fixed = columns.reduce((sum, column) => sum + column.width, 0) + 8 * (columns.length - 1)
    const last = columns[columns.length - 1]
    if (last) last.width = this.width - fixed
    const row = (cells: string[], font: string, fill: string | null, ink: string) => {
      this.ensure(17)
      const y = this.y
      if (fill) doc.rect(this.left, y, this.width, 16).fill(fill)
      let x = this.left + 4
      doc.font(font).fontSize(size.small).fillColor(ink)
      columns.forEach((column, index) => {
        const width = index === columns.length - 1 ? column.width - 8 : column.width
        doc.text(cells[index] ?? '', x, y + 4, {
          width,
          align: column.align ?? 'left',
          lineBreak: false,
          ellipsis: true,
        })
        x += column.width + 8
      })
      this.y = y + 16
    }
    row(
      columns.map((column) => column.title),
      'bold',
      null,
      color.muted,
    )
    this.rule(color.faint)
    other.forEach((call, index) => {
      const start = multiDay
        ? `${clock.date(call.startedAt.ms).slice(5)} ${clock.time(call.startedAt.ms)}`
        : clock.time(call.startedAt.ms)
      const gist = noteGist(call.note, 120)
      const note = call.endedAt ? gist : [t.inProgress, gist].filter(Boolean).join(' · ')
      row(
        [start, formatClockDuration(call.durationMs), callerText(call, t), String(call.events.length), note],
        'regular',
        index % 2 === 1 ? color.zebra : null,
        color.ink,
      )
    })
    this.y += 10
  }

  /** The calls live call cues followed: one row each, the talk shares under one heading. */
  private soundLevels(): void {
    const { doc, t, clock } = this
    const table = cueTable(this.report, t)
    if (!table) return
    this.heading(t.soundLevels)
    this.text(cueNote(table, t), { size: size.small, color: color.muted })
    this.y += 8
    const multiDay = clock.date(this.report.range.from.ms) !== clock.date(this.report.range.to.ms - 1)
    const gap = 6
    const startW = multiDay ? 92 : 44
    const callerW = 84
    const count = table.columns.length
    const figureW = (this.width - 8 - startW - callerW - gap * (count + 1)) / count
    const figureX = (index: number) => this.left + 4 + startW + gap + callerW + gap + index * (figureW + gap)

    // Heading: "Talk share" over its columns, then every column's title (wrapped, bottom-aligned).
    doc.font('bold').fontSize(size.tiny)
    const titleH = Math.max(...table.columns.map((title) => doc.heightOfString(title, { width: figureW })))
    this.ensure(titleH + 40)
    const top = this.y
    const shareW = table.shares * figureW + (table.shares - 1) * gap
    doc.fillColor(color.muted).text(t.talkShare, figureX(0), top, { width: shareW, align: 'center', lineBreak: false })
    doc
      .moveTo(figureX(0), top + 10)
      .lineTo(figureX(0) + shareW, top + 10)
      .lineWidth(0.5)
      .strokeColor(color.faint)
      .stroke()
    const titlesTop = top + 14
    const bottom = titlesTop + titleH
    const title = (text: string, x: number, width: number, align: 'left' | 'right') => {
      const h = doc.heightOfString(text, { width })
      doc.text(text, x, bottom - h, { width, align })
    }
    title(t.start, this.left + 4, startW, 'left')
    title(t.caller, this.left + 4 + startW + gap, callerW, 'left')
    table.columns.forEach((column, index) => title(column, figureX(index), figureW, 'right'))
    this.y = bottom + 3
    this.rule(color.faint)

    table.rows.forEach(({ call, cells }, index) => {
      this.ensure(17)
      const y = this.y
      if (index % 2 === 1) doc.rect(this.left, y, this.width, 16).fill(color.zebra)
      if (call.hard) doc.rect(this.left, y, 2, 16).fill(color.hard)
      const start = multiDay
        ? `${clock.date(call.startedAt.ms).slice(5)} ${clock.time(call.startedAt.ms)}`
        : clock.time(call.startedAt.ms)
      doc.font('regular').fontSize(size.small).fillColor(color.ink)
      const cell = (text: string, x: number, width: number, align: 'left' | 'right') =>
        doc.text(text, x, y + 4, { width, align, lineBreak: false, ellipsis: true })
      cell(start, this.left + 4, startW, 'left')
      cell(callerText(call, t), this.left + 4 + startW + gap, callerW, 'left')
      cells.forEach((value, column) => cell(value, figureX(column), figureW, 'right'))
      this.y = y + 16
    })
    this.doc.x = this.left
    this.y += 10
  }

  private walkIns(): void {
    if (this.report.walkIns.length === 0) return
    this.heading(this.t.walkInsSection)
    for (const note of this.report.walkIns) {
      this.ensure(50)
      this.text(`${this.clock.date(note.createdAt.ms)} ${this.clock.time(note.createdAt.ms)}`, {
        font: 'bold',
        size: size.h3,
      })
      this.y += 4
      this.noteFields(note)
      this.y += 6
      this.rule()
      this.y += 10
    }
  }

  /** Running header from page 2 on, and a footer with page numbers on every page. */
  private pageFurniture(): void {
    const { doc, t, report, clock } = this
    const range = doc.bufferedPageRange()
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index)
      const margins = doc.page.margins
      const savedBottom = margins.bottom
      margins.bottom = 0
      doc.font('regular').fontSize(size.tiny).fillColor(color.muted)
      if (index > range.start) {
        doc.text(`CalmDeck · ${t.title} · ${periodText(report, clock)}`, this.left, 34, {
          width: this.width,
          lineBreak: false,
          ellipsis: true,
        })
        doc
          .moveTo(this.left, 46)
          .lineTo(this.left + this.width, 46)
          .lineWidth(0.5)
          .strokeColor(color.rule)
          .stroke()
      }
      const footerY = doc.page.height - 38
      doc
        .moveTo(this.left, footerY - 6)
        .lineTo(this.left + this.width, footerY - 6)
        .lineWidth(0.5)
        .strokeColor(color.rule)
        .stroke()
      doc.fillColor(color.muted).text(`CalmDeck · ${periodText(report, clock)}`, this.left, footerY, {
        width: this.width / 2,
        lineBreak: false,
      })
      doc.text(t.page(index - range.start + 1, range.count), this.left + this.width / 2, footerY, {
        width: this.width / 2,
        align: 'right',
        lineBreak: false,
      })
      margins.bottom = savedBottom
    }
  }
}

/** `Saturday 22 November 2026, 08:00 – 16:00` in the report's language. */
function longPeriod(report: ExportReport, clock: LocalClock): string {
  const day = new Intl.DateTimeFormat(report.language === 'en' ? 'en-GB' : report.language, {
    timeZone: report.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const from = report.range.from.ms
  const to = report.range.to.ms
  if (clock.date(from) === clock.date(to - 1)) return `${day.format(from)}, ${clock.time(from)} – ${clock.time(to)}`
  return `${day.format(from)} ${clock.time(from)} – ${day.format(to)} ${clock.time(to)}`
}
