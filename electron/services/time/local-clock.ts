import { zoneOffsets } from './zone-offsets'

/** A local date and time of day, as a wall clock in the zone shows it (month 1–12). */
export interface WallClock {
  year: number
  month: number
  day: number
  hour?: number
  minute?: number
  second?: number
  millisecond?: number
}

/**
 * Local wall-clock time in one IANA time zone, the host's one place for it: reports, shift
 * ranges, day boundaries and the CLI's dates. Offsets come from `@date-fns/tz` (the platform's
 * Intl tz data), cached so a year of events formats fast (see zone-offsets.ts).
 *
 * Wall clock → instant: a time that a DST change skips moves forward by the gap (02:30 on a
 * spring night is 03:30); a time that happens twice is its first occurrence (as in Temporal and
 * iCalendar). Not `TZDate`'s constructor: it resolves repeated times by the machine's own zone.
 */
export interface LocalClock {
  readonly timeZone: string
  /** Minutes east of UTC at `ms`. */
  offsetMinutes(ms: number): number
  /** ISO 8601 with offset, e.g. `2026-11-22T11:05:09+01:00`. */
  iso(ms: number): string
  /** `2026-11-22 11:05:09` (local, no offset): for spreadsheets. */
  dateTime(ms: number): string
  /** `2026-11-22` */
  date(ms: number): string
  /** `11:05` */
  time(ms: number): string
  /** `UTC+01:00` */
  offsetLabel(ms: number): string
  /** The local wall clock at `ms`. */
  wallClock(ms: number): Required<WallClock>
  /** The instant the wall clock shows `wall`; fields may overflow (day 32, minute 1500) as in `Date`. */
  instant(wall: WallClock): number
  /** The first instant of `ms`'s local day (local midnight, or when the day begins if DST skips it). */
  startOfDay(ms: number): number
  /** The instant of wall-clock `minutes` after midnight on the local day `days` after `ms`'s day. */
  atTime(ms: number, minutes: number, days?: number): number
}

const DAY = 86_400_000
const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The time zone of this machine (what "local time" means in reports). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/**
 * This machine's clock, made when first used: the process's first `Intl.DateTimeFormat` loads the
 * time zone data (~15 ms), which starting the app need not wait for.
 */
export function machineClock(): LocalClock {
  let clock: LocalClock | undefined
  const real = () => (clock ??= localClock(machineTimeZone()))
  return {
    get timeZone() {
      return real().timeZone
    },
    offsetMinutes: (ms) => real().offsetMinutes(ms),
    iso: (ms) => real().iso(ms),
    dateTime: (ms) => real().dateTime(ms),
    date: (ms) => real().date(ms),
    time: (ms) => real().time(ms),
    offsetLabel: (ms) => real().offsetLabel(ms),
    wallClock: (ms) => real().wallClock(ms),
    instant: (wall) => real().instant(wall),
    startOfDay: (ms) => real().startOfDay(ms),
    atTime: (ms, minutes, days) => real().atTime(ms, minutes, days),
  }
}

/** `+05:30` for 330 minutes. */
function offsetText(minutes: number): string {
  const rounded = Math.round(minutes)
  const sign = rounded < 0 ? '-' : '+'
  const abs = Math.abs(rounded)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** A clock for `timeZone`; throws a RangeError for a name Intl does not know. */
export function localClock(timeZone: string): LocalClock {
  // Validates the name (the library itself answers NaN for an unknown zone).
  new Intl.DateTimeFormat('en-US', { timeZone })
  const offsetMinutes = zoneOffsets(timeZone)

  // The local wall clock read through UTC getters: exact, since the offset is the zone's at `ms`.
  const shifted = (ms: number, offset = offsetMinutes(ms)) => new Date(ms + offset * 60_000)
  const offsetTexts = new Map<number, string>()
  const offsetOf = (offset: number) => {
    let text = offsetTexts.get(offset)
    if (text === undefined) offsetTexts.set(offset, (text = offsetText(offset)))
    return text
  }
  const datePart = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const timePart = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`

  function wallClock(ms: number): Required<WallClock> {
    const d = shifted(ms)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    }
  }

  function instant(wall: WallClock): number {
    const { year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 } = wall
    const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
    // The zone's offsets a day either side (it never changes twice within two days).
    const before = offsetMinutes(asUtc - DAY)
    const after = offsetMinutes(asUtc + DAY)
    const fits = (offset: number) => offsetMinutes(asUtc - offset * 60_000) === offset
    const candidates = [before, after].filter(fits).map((offset) => asUtc - offset * 60_000)
    // None fits in a gap: read with the offset before it, which moves the time forward by the gap.
    return candidates.length > 0 ? Math.min(...candidates) : asUtc - before * 60_000
  }

  function atTime(ms: number, minutes: number, days = 0): number {
    const { year, month, day } = wallClock(ms)
    return instant({ year, month, day: day + days, hour: Math.floor(minutes / 60), minute: minutes % 60 })
  }

  return {
    timeZone,
    offsetMinutes,
    iso: (ms) => {
      const offset = offsetMinutes(ms)
      const d = shifted(ms, offset)
      return `${datePart(d)}T${timePart(d)}${offsetOf(offset)}`
    },
    dateTime: (ms) => {
      const d = shifted(ms)
      return `${datePart(d)} ${timePart(d)}`
    },
    date: (ms) => datePart(shifted(ms)),
    time: (ms) => timePart(shifted(ms)).slice(0, 5),
    offsetLabel: (ms) => `UTC${offsetOf(offsetMinutes(ms))}`,
    wallClock,
    instant,
    startOfDay: (ms) => atTime(ms, 0),
    atTime,
  }
}
