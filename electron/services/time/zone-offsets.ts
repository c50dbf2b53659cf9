import { tzOffset } from '@date-fns/tz'

/** The cache's slot: offsets are looked up once per UTC quarter hour, plus a search where they change. */
export const SLOT_MS = 15 * 60_000

/** A slot whose offset changes at `at` (epoch ms): `before` until then, `after` from then on. */
interface Change {
  at: number
  before: number
  after: number
}

/**
 * The UTC offset of `timeZone` (minutes east of UTC) at any instant, from `@date-fns/tz`'s
 * `tzOffset`, cached per UTC 15-minute slot. A slot is uniform when the offsets at its start and
 * at the next slot's start agree (time zones never change twice within 15 minutes); otherwise the
 * exact millisecond of the change is found by bisection and cached, so a change anywhere inside a
 * slot (half-hour zones, historic odd-minute changes) is exact.
 */
export function zoneOffsets(timeZone: string): (ms: number) => number {
  const atStart = new Map<number, number>()
  const slots = new Map<number, number | Change>()
  const exact = (ms: number) => tzOffset(timeZone, new Date(ms))

  function startOffset(slot: number): number {
    let offset = atStart.get(slot)
    if (offset === undefined) atStart.set(slot, (offset = exact(slot * SLOT_MS)))
    return offset
  }

  function describe(slot: number): number | Change {
    const before = startOffset(slot)
    const after = startOffset(slot + 1)
    if (before === after) return before
    // The first millisecond with the new offset lies in (start, next start].
    let lo = slot * SLOT_MS
    let hi = lo + SLOT_MS
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (exact(mid) === before) lo = mid
      else hi = mid
    }
    return { at: hi, before, after }
  }

  let lastSlot = NaN
  let lastInfo: number | Change = 0
  return (ms) => {
    const slot = Math.floor(ms / SLOT_MS)
    let info: number | Change
    if (slot === lastSlot) info = lastInfo
    else {
      const cached = slots.get(slot)
      if (cached === undefined) slots.set(slot, (info = describe(slot)))
      else info = cached
      lastSlot = slot
      lastInfo = info
    }
    if (typeof info === 'number') return info
    return ms < info.at ? info.before : info.after
  }
}
