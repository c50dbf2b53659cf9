import { createPdfDocument, type PdfDoc as Doc } from '../export/pdf-document'
import { pdfStyle } from '../export/pdf-style'
import { localClock } from '../time/local-clock'
import type { TeamPeriod, TeamReport } from './aggregate'
import type { TeamRenderOptions } from './team-renderers'
import { teamPeriodText } from './team-renderers'
import type { TeamFigureKey } from './team-figures'
import { figureLabels, periodRows, teamTexts, type TeamTexts } from './team-view'

const { color, size } = pdfStyle
/** Landscape: eleven figure columns fit beside the group's name. */
const MARGIN = 40
const TOP = 50
const BOTTOM = 40
const GROUP_WIDTH = 150
const ROW = 13

/** The lines of the trend chart: the figures a lead follows week by week, each in its colour. */
const TREND: readonly { key: TeamFigureKey; stroke: string }[] = [
  { key: 'hardCalls', stroke: color.hard },
  { key: 'boundaryWarnings', stroke: color.boundary },
  { key: 'abuseEnds', stroke: color.abuse },
  { key: 'supervisorRequests', stroke: color.supervisor },
  { key: 'helpRequests', stroke: color.brand },
]

/**
 * The printable team report (A4 landscape): title, privacy note, a trend chart of the team's
 * weekly figures (a week whose team total is hidden is a gap), then the per-week and per-day
 * tables and the skipped files. Same fonts and colours as the shift report.
 */
export function renderTeamPdf(report: TeamReport, options: TeamRenderOptions): Promise<Buffer> {
  const t = teamTexts(options.language)
  const doc = createPdfDocument(
    {
      size: 'A4',
      layout: 'landscape',
      margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: options.language,
      displayTitle: true,
      info: {
        Title: `${t.title} ${teamPeriodText(report, options.timeZone)}`,
        Author: 'CalmDeck',
        Creator: 'CalmDeck',
        CreationDate: new Date(report.generatedAt),
      },
    },
    options.fonts,
  )
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  new TeamLayout(doc, report, t, options.timeZone).draw()
  doc.end()
  return done
}

/** The text cut with "…" to fit `width` points in the current font. */
function fit(doc: Doc, value: string, width: number): string {
  if (doc.widthOfString(value) <= width) return value
  let cut = value
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut}…`
}

class TeamLayout {
  private readonly width: number
  private readonly bottom: number

  constructor(
    private readonly doc: Doc,
    private readonly report: TeamReport,
    private readonly t: TeamTexts,
    private readonly timeZone: string,
  ) {
    this.width = doc.page.width - 2 * MARGIN
    this.bottom = doc.page.height - BOTTOM
  }

  draw(): void {
    const { doc, report, t } = this
    const clock = localClock(this.timeZone)
    doc.y = TOP - 14
    this.text('CALMDECK', MARGIN, { font: 'bold', size: size.tiny, color: color.brand })
    this.text(t.title, MARGIN, { font: 'bold', size: size.title })
    this.text(teamPeriodText(report, this.timeZone), MARGIN, { size: size.subtitle })
    this.text(
      `${t.generated} ${clock.dateTime(report.generatedAt)} · ${t.shifts}: ${report.shifts} · ${t.agents}: ${report.agents} · ${t.filesRead}: ${report.files}`,
      MARGIN,
      { size: size.small, color: color.muted },
    )
    doc.y += 4
    this.text(t.privacy, MARGIN, { size: size.small, color: color.muted })
    doc.y += 8
    if (report.shifts === 0) this.text(t.noShifts, MARGIN)
    else this.trendChart()
    this.table(t.perWeek, report.weeks)
    this.table(t.perDay, report.days)
    this.skipped()
    this.pageNumbers()
  }

  private text(
    value: string,
    x: number,
    options: { font?: string; size?: number; color?: string; width?: number; align?: 'left' | 'right' } = {},
  ): void {
    this.doc
      .font(options.font ?? 'regular')
      .fontSize(options.size ?? size.body)
      .fillColor(options.color ?? color.ink)
      .text(value, x, this.doc.y, { width: options.width ?? this.width, align: options.align ?? 'left', lineGap: 1 })
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage()
      this.doc.y = TOP
    }
  }

  private heading(value: string): void {
    this.ensure(60)
    this.doc.y += 8
    this.text(value, MARGIN, { font: 'bold', size: size.h2, color: color.brand })
    this.doc.y += 4
  }

  /** The team's weekly figures as lines over the weeks, with a legend; hidden weeks break the line. */
  private trendChart(): void {
    const { doc, report, t } = this
    const weeks = report.weeks
    this.heading(t.trend)
    const height = 150
    const top = doc.y
    const left = MARGIN + 30
    const chartWidth = this.width - 30 - 150
    const values = (key: TeamFigureKey) =>
      weeks.map((week) => (week.total.kind === 'figures' ? week.total.figures[key] : null))
    const max = Math.max(1, ...TREND.flatMap((line) => values(line.key).map((value) => value ?? 0)))
    const step = weeks.length > 1 ? chartWidth / (weeks.length - 1) : 0
    const xOf = (index: number) => left + (weeks.length > 1 ? index * step : chartWidth / 2)
    const yOf = (value: number) => top + height - (value / max) * height
    // Axes and three gridlines with their values.
    for (const fraction of [0, 0.5, 1]) {
      const y = yOf(max * fraction)
      doc
        .moveTo(left, y)
        .lineTo(left + chartWidth, y)
        .lineWidth(0.4)
        .strokeColor(color.rule)
        .stroke()
      doc.font('regular').fontSize(size.tiny).fillColor(color.muted)
      doc.text(String(Math.round(max * fraction)), MARGIN, y - 4, { width: 26, align: 'right' })
    }
    const labelEvery = Math.max(1, Math.ceil(weeks.length / 13))
    weeks.forEach((week, index) => {
      if (index % labelEvery !== 0) return
      doc.text(week.period.slice(5), xOf(index) - 15, top + height + 4, { width: 30, align: 'center' })
    })
    for (const line of TREND) {
      let drawing = false
      values(line.key).forEach((value, index) => {
        if (value === null) {
          drawing = false
          return
        }
        if (drawing) doc.lineTo(xOf(index), yOf(value))
        else doc.moveTo(xOf(index), yOf(value))
        drawing = true
      })
      doc.lineWidth(1.3).strokeColor(line.stroke).stroke()
    }
    // Legend on the right.
    const legendX = left + chartWidth + 16
    TREND.forEach((line, index) => {
      const y = top + index * 16
      doc.rect(legendX, y + 3, 12, 3).fill(line.stroke)
      doc.font('regular').fontSize(size.small).fillColor(color.ink)
      doc.text(t.figures[line.key], legendX + 18, y, { width: 120 })
    })
    doc.y = top + height + 22
  }

  private table(title: string, periods: readonly TeamPeriod[]): void {
    if (periods.length === 0) return
    const { doc, t } = this
    this.heading(title)
    const labels = figureLabels(t)
    const columnWidth = (this.width - GROUP_WIDTH - 60) / labels.length
    const header = () => {
      const top = doc.y
      doc.font('bold').fontSize(size.tiny).fillColor(color.muted)
      // Titles wrap in their narrow columns: bottom-aligned, and the rows start below the tallest.
      const heights = labels.map((label) => doc.heightOfString(label, { width: columnWidth - 4 }))
      const tallest = Math.max(...heights)
      const line = doc.heightOfString(t.period, { width: 58 })
      doc.text(t.period, MARGIN, top + tallest - line, { width: 58 })
      doc.text(t.group, MARGIN + 60, top + tallest - line, { width: GROUP_WIDTH - 4 })
      labels.forEach((label, index) => {
        doc.text(label, MARGIN + 60 + GROUP_WIDTH + index * columnWidth, top + tallest - (heights[index] ?? 0), {
          width: columnWidth - 4,
          align: 'right',
        })
      })
      doc.y = top + Math.max(20, tallest + 6)
      doc
        .moveTo(MARGIN, doc.y - 3)
        .lineTo(MARGIN + this.width, doc.y - 3)
        .lineWidth(0.5)
        .strokeColor(color.rule)
        .stroke()
    }
    header()
    periods.forEach((period, periodIndex) => {
      const rows = periodRows(period, t)
      if (doc.y + rows.length * ROW > this.bottom) {
        doc.addPage()
        doc.y = TOP
        header()
      }
      if (periodIndex % 2 === 1) doc.rect(MARGIN, doc.y - 2, this.width, rows.length * ROW).fill(color.zebra)
      rows.forEach((row, rowIndex) => {
        const top = doc.y
        const font = row.kind === 'total' ? 'bold' : 'regular'
        doc.font(font).fontSize(size.small).fillColor(color.ink)
        // Plain placed text (no width, no wrapping): pdfkit's line wrapper is what makes big tables slow.
        if (rowIndex === 0) doc.text(period.period, MARGIN, top, { lineBreak: false })
        doc.text(fit(doc, row.group, GROUP_WIDTH - 4), MARGIN + 60, top, { lineBreak: false })
        if (row.hidden) {
          // One text across the figure columns: no figure of a group under 5 is ever drawn.
          const hidden = `— ${row.values[0] ?? t.fewerThan5} —`
          doc.font('regular').fillColor(color.muted)
          const middle = MARGIN + 60 + GROUP_WIDTH + (columnWidth * labels.length) / 2
          doc.text(hidden, middle - doc.widthOfString(hidden) / 2, top, { lineBreak: false })
        } else {
          row.values.forEach((value, index) => {
            const right = MARGIN + 60 + GROUP_WIDTH + (index + 1) * columnWidth - 4
            doc.text(value, right - doc.widthOfString(value), top, { lineBreak: false })
          })
        }
        doc.y = top + ROW
      })
    })
  }

  private skipped(): void {
    const { doc, report, t } = this
    if (report.skipped.length === 0) return
    this.heading(t.skipped)
    for (const item of report.skipped) {
      this.ensure(ROW)
      const top = doc.y
      doc.font('regular').fontSize(size.small).fillColor(color.ink)
      doc.text(item.file, MARGIN, top, { width: 360, lineBreak: false, ellipsis: true })
      doc.fillColor(color.muted).text(t.reasons[item.reason], MARGIN + 370, top, { width: 360, lineBreak: false })
      doc.y = top + ROW
    }
  }

  private pageNumbers(): void {
    const { doc } = this
    const range = doc.bufferedPageRange()
    for (let index = 0; index < range.count; index++) {
      doc.switchToPage(range.start + index)
      // Writing below the bottom margin would start a new page: lift it for the footer.
      const margins = doc.page.margins
      const savedBottom = margins.bottom
      margins.bottom = 0
      doc.font('regular').fontSize(size.tiny).fillColor(color.faint)
      doc.text(`${index + 1} / ${range.count}`, MARGIN, doc.page.height - BOTTOM + 14, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      })
      margins.bottom = savedBottom
    }
  }
}
