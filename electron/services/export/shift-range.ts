import type { Settings } from '../../../shared/settings'
import type { LocalClock } from '../time/local-clock'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** `"08:30"` → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * The shift an "End shift" report covers. With shift hours: the latest shift that has started by
 * `now` (a night shift such as 22:00–06:00 runs past midnight). Otherwise: from the first call
 * today (`firstCallSince(midnight)`, or midnight when there was none) until now.
 */
export function shiftRange(
  settings: Pick<Settings, 'shiftMode' | 'shiftStart' | 'shiftEnd'>,
  now: number,
  clock: LocalClock,
  firstCallSince: (from: number) => number | null,
): { from: number; to: number } {
  const midnight = clock.startOfDay(now)
  if (settings.shiftMode === 'hours') {
    const start = minutesOf(settings.shiftStart)
    const end = minutesOf(settings.shiftEnd)
    const length = ((end - start + 24 * 60) % (24 * 60) || 24 * 60) * MINUTE
    // Local wall-clock start today; yesterday's if today's has not begun yet.
    let from = atLocal(clock, midnight, start)
    if (from > now) from = atLocal(clock, clock.startOfDay(midnight - DAY / 2), start)
    return { from, to: from + length }
  }
  const first = firstCallSince(midnight)
  return { from: first ?? midnight, to: Math.max(now + 1, (first ?? midnight) + 1) }
}

/** The epoch ms of `minutes` after local midnight `midnight` (DST-safe). */
function atLocal(clock: LocalClock, midnight: number, minutes: number): number {
  const guess = midnight + minutes * MINUTE
  return guess + (clock.offsetMinutes(midnight) - clock.offsetMinutes(guess)) * MINUTE
}
