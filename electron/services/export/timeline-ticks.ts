import type { LocalClock } from '../time/local-clock'

const HOUR = 3_600_000
/** Tick steps in hours, smallest first; from 24 on they are local days. */
const STEP_HOURS = [1, 2, 3, 4, 6, 12, 24, 48, 168, 336, 720]

export interface Tick {
  ms: number
  label: string
}

/**
 * The PDF timeline's ticks in [from, to]: the smallest step that leaves `minGap` points between
 * ticks on a `width`-point axis, on local full hours divisible by the step (`08:00`), or on local
 * midnights every 1, 2, 7, 14 or 30 days (`11-22`), DST days included.
 */
export function timelineTicks(from: number, to: number, width: number, clock: LocalClock, minGap = 34): Tick[] {
  const span = Math.max(1, to - from)
  const hours = STEP_HOURS.find((step) => ((step * HOUR) / span) * width >= minGap) ?? 720
  const ticks: Tick[] = []
  if (hours >= 24) {
    const days = hours / 24
    for (let day = 0; ticks.length < 400; day += days) {
      const tick = clock.atTime(from, 0, day)
      if (tick > to) break
      if (tick >= from) ticks.push({ ms: tick, label: clock.date(tick).slice(5) })
    }
    return ticks
  }
  // The first local full hour at or after `from` whose hour is a multiple of the step, then every step.
  const wall = clock.wallClock(from)
  let tick = clock.atTime(from, wall.hour * 60)
  if (tick < from) tick = clock.atTime(from, (wall.hour + 1) * 60)
  while (clock.wallClock(tick).hour % hours !== 0) tick += HOUR
  for (; tick <= to && ticks.length < 400; tick += hours * HOUR) ticks.push({ ms: tick, label: clock.time(tick) })
  return ticks
}
