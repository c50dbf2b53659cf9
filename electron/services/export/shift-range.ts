import type { Settings } from '../../../shared/settings'
import type { LocalClock } from '../time/local-clock'

/** `"08:30"` → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * The shift an "End shift" report covers. With shift hours: the latest shift that has started by
 * `now`, from its wall-clock start to its wall-clock end on the right local day (a night shift such
 * as 22:00–06:00 ends at 06:00 next morning, also on a DST night). Otherwise: from the first call
 * today (`firstCallSince(midnight)`, or midnight when there was none) until now.
 */
export function shiftRange(
  settings: Pick<Settings, 'shiftMode' | 'shiftStart' | 'shiftEnd'>,
  now: number,
  clock: LocalClock,
  firstCallSince: (from: number) => number | null,
): { from: number; to: number } {
  if (settings.shiftMode === 'hours') {
    const start = minutesOf(settings.shiftStart)
    const end = minutesOf(settings.shiftEnd)
    // Today's start; yesterday's if today's has not begun yet.
    let from = clock.atTime(now, start)
    if (from > now) from = clock.atTime(now, start, -1)
    // Ends the next day when the end is not after the start (equal: a 24-hour shift).
    return { from, to: clock.atTime(from, end, end > start ? 0 : 1) }
  }
  const midnight = clock.startOfDay(now)
  const first = firstCallSince(midnight)
  return { from: first ?? midnight, to: Math.max(now + 1, (first ?? midnight) + 1) }
}
