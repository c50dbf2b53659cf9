import type PDFDocument from 'pdfkit'
import type { ExportReport } from '../../../shared/export'
import type { EventKind, IncidentMarker } from '../../../shared/event-kinds'
import type { LocalClock } from '../time/local-clock'
import { pdfStyle } from './pdf-style'
import type { ReportTexts } from './report-texts'
import { timelineTicks } from './timeline-ticks'

type Doc = InstanceType<typeof PDFDocument>

const { color, size } = pdfStyle

/**
 * Draws the timeline picture at (x, y), `width` wide: calls as bars along the hours (hard calls in
 * red), incidents as markers above them (each kind's `marker`), hour (or day) ticks below, and a legend.
 * Returns its height.
 */
export function drawTimeline(
  doc: Doc,
  report: ExportReport,
  kindOf: (id: string) => EventKind | undefined,
  clock: LocalClock,
  t: ReportTexts,
  x: number,
  y: number,
  width: number,
): number {
  const from = report.range.from.ms
  const to = report.range.to.ms
  const span = Math.max(1, to - from)
  const plotX = x + 6
  const plotW = width - 12
  const xOf = (ms: number) => plotX + (Math.min(Math.max(ms, from), to) - from) * (plotW / span)
  const markerY = y + 14
  const barY = y + 26
  const barH = 18
  const axisY = barY + barH + 8

  doc.save()
  doc.roundedRect(x, y, width, 92, 6).fill(color.zebra)

  // Ticks on local hours or days.
  doc.font('regular').fontSize(size.tiny)
  for (const tick of timelineTicks(from, to, plotW, clock)) {
    const tx = xOf(tick.ms)
    doc
      .moveTo(tx, barY - 4)
      .lineTo(tx, axisY)
      .lineWidth(0.5)
      .strokeColor(color.rule)
      .stroke()
    doc.fillColor(color.muted).text(tick.label, tx - 20, axisY + 2, { width: 40, align: 'center', lineBreak: false })
  }
  doc
    .moveTo(plotX, barY + barH + 0.5)
    .lineTo(plotX + plotW, barY + barH + 0.5)
    .lineWidth(0.7)
    .strokeColor(color.faint)
    .stroke()

  // Calls as bars, hard ones last so they stay on top.
  const ordered = [...report.calls].sort((a, b) => Number(a.hard) - Number(b.hard))
  for (const call of ordered) {
    const start = xOf(call.startedAt.ms)
    const end = xOf(call.startedAt.ms + call.durationMs)
    doc.rect(start, barY, Math.max(1.6, end - start), barH).fill(call.hard ? color.hard : color.call)
  }
  for (const call of report.calls) {
    for (const event of call.events) {
      const marker = kindOf(event.kind)?.marker
      if (marker) drawMarker(doc, marker, xOf(event.at.ms), markerY)
    }
  }

  // Legend.
  let lx = x + 8
  const ly = axisY + 16
  doc.font('regular').fontSize(size.tiny)
  const legend = (draw: () => void, label: string) => {
    draw()
    doc.fillColor(color.muted).text(label, lx + 12, ly - 3.5, { lineBreak: false })
    lx += 12 + doc.widthOfString(label) + 14
  }
  legend(() => doc.rect(lx, ly - 3, 9, 6).fill(color.call), t.legendCall)
  legend(() => doc.rect(lx, ly - 3, 9, 6).fill(color.hard), t.legendHard)
  legend(() => drawMarker(doc, 'boundary', lx + 4.5, ly), t.legendBoundary)
  legend(() => drawMarker(doc, 'abuse', lx + 4.5, ly), t.legendAbuse)
  legend(() => drawMarker(doc, 'supervisor', lx + 4.5, ly), t.legendSupervisor)
  doc.restore()
  return 92
}

/** A triangle (boundary warning), a square (ended for abuse) or a circle (supervisor). */
function drawMarker(doc: Doc, kind: IncidentMarker, cx: number, cy: number): void {
  if (kind === 'boundary') {
    doc.polygon([cx, cy - 4.5], [cx + 4.5, cy + 3.5], [cx - 4.5, cy + 3.5]).fill(color.boundary)
  } else if (kind === 'abuse') {
    doc.rect(cx - 3.6, cy - 3.6, 7.2, 7.2).fill(color.abuse)
  } else {
    doc.circle(cx, cy, 3.8).fill(color.supervisor)
  }
}
