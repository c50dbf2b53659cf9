import type PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { ExportReport } from '../../../shared/export'
import { drawTimeline } from '../../../electron/services/export/pdf-timeline'
import type { ReportTexts } from '../../../electron/services/export/report-texts'
import { timelineTicks } from '../../../electron/services/export/timeline-ticks'
import { localClock } from '../../../electron/services/time/local-clock'

const at = (text: string) => Date.parse(text)

/** A pdfkit stand-in that records the text it is asked to draw. */
function recordingDoc(): { doc: InstanceType<typeof PDFDocument>; texts: string[] } {
  const texts: string[] = []
  const doc: object = new Proxy(
    {},
    {
      get: (_, name) => {
        if (name === 'widthOfString') return () => 10
        if (name === 'text') return (value: string) => (texts.push(value), doc)
        return () => doc
      },
    },
  )
  return { doc: doc as InstanceType<typeof PDFDocument>, texts }
}

/** The tick labels the PDF timeline draws for [from, to) in `zone`. */
function drawnTicks(zone: string, from: string, to: string): string[] {
  const report = { range: { from: { ms: at(from) }, to: { ms: at(to) } }, calls: [] } as unknown as ExportReport
  const { doc, texts } = recordingDoc()
  drawTimeline(doc, report, () => undefined, localClock(zone), { legendCall: 'legend' } as ReportTexts, 40, 100, 515)
  return texts.filter((text) => /^\d\d[:-]\d\d$/.test(text))
}

describe('PDF timeline ticks', () => {
  it.each([
    ['Asia/Kolkata', '2026-11-22T08:00:00+05:30', '2026-11-22T16:30:00+05:30'],
    ['Australia/Adelaide', '2026-11-22T08:00:00+10:30', '2026-11-22T16:30:00+10:30'],
    ['America/St_Johns', '2026-11-22T08:00:00-03:30', '2026-11-22T16:30:00-03:30'],
    ['Europe/Amsterdam', '2026-11-22T08:00:00+01:00', '2026-11-22T16:30:00+01:00'],
  ])('%s: an 08:00–16:30 shift has ticks on local full hours', (zone, from, to) => {
    expect(drawnTicks(zone, from, to)).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ])
  })

  it('a night across the spring change in Adelaide starts on the hour and skips the missing one', () => {
    const ticks = drawnTicks('Australia/Adelaide', '2026-10-03T22:10:00+09:30', '2026-10-04T06:00:00+10:30')
    expect(ticks).toEqual(['23:00', '00:00', '01:00', '03:00', '04:00', '05:00', '06:00'])
  })

  it('day ticks sit on local midnights across both DST changes', () => {
    const clock = localClock('America/St_Johns')
    const ticks = timelineTicks(at('2026-03-01T00:00:00-03:30'), at('2026-03-15T00:00:00-02:30'), 515, clock)
    expect(ticks.map((tick) => tick.label)).toEqual(
      Array.from({ length: 15 }, (_, i) => `03-${String(i + 1).padStart(2, '0')}`),
    )
    for (const tick of ticks) expect(clock.iso(tick.ms).slice(10, 19)).toBe('T00:00:00')
    const autumn = timelineTicks(
      at('2026-10-20T12:00:00+02:00'),
      at('2026-12-20T00:00:00+01:00'),
      515,
      localClock('Europe/Amsterdam'),
    )
    // Weekly from the first local midnight, across the October change.
    expect(autumn.map((tick) => tick.label)).toEqual([
      '10-27',
      '11-03',
      '11-10',
      '11-17',
      '11-24',
      '12-01',
      '12-08',
      '12-15',
    ])
    for (const tick of autumn) expect(localClock('Europe/Amsterdam').time(tick.ms)).toBe('00:00')
  })
})
