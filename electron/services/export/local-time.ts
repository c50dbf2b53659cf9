/**
 * Local wall-clock time in one IANA time zone, fast enough for a year of events: the zone's
 * offset is asked of Intl once per hour of time seen and cached, the rest is arithmetic.
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
  /** Local midnight at the start of `ms`'s day, as epoch ms. */
  startOfDay(ms: number): number
}

const HOUR = 3_600_000
const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The time zone of this machine (what "local time" means in reports). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** A clock for `timeZone`; throws a RangeError for a name Intl does not know. */
export function localClock(timeZone: string): LocalClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const cache = new Map<number, number>()

  function offsetMinutes(ms: number): number {
    const hour = Math.floor(ms / HOUR)
    const cached = cache.get(hour)
    if (cached !== undefined) return cached
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(hour * HOUR)) parts[part.type] = Number(part.value)
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    )
    const offset = Math.round((asUtc - hour * HOUR) / 60_000)
    cache.set(hour, offset)
    return offset
  }

  const shifted = (ms: number) => new Date(ms + offsetMinutes(ms) * 60_000)
  const datePart = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const timePart = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`

  function offsetText(minutes: number): string {
    const sign = minutes < 0 ? '-' : '+'
    const abs = Math.abs(minutes)
    return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  }

  return {
    timeZone,
    offsetMinutes,
    iso: (ms) => {
      const d = shifted(ms)
      return `${datePart(d)}T${timePart(d)}${offsetText(offsetMinutes(ms))}`
    },
    dateTime: (ms) => {
      const d = shifted(ms)
      return `${datePart(d)} ${timePart(d)}`
    },
    date: (ms) => datePart(shifted(ms)),
    time: (ms) => timePart(shifted(ms)).slice(0, 5),
    offsetLabel: (ms) => `UTC${offsetText(offsetMinutes(ms))}`,
    startOfDay: (ms) => {
      const d = shifted(ms)
      const midnightAsUtc = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
      // The offset at midnight may differ from the one at `ms` (a DST change that day).
      const guess = midnightAsUtc - offsetMinutes(ms) * 60_000
      return midnightAsUtc - offsetMinutes(guess) * 60_000
    },
  }
}

/** `1 h 05 min`, `17 min`, `0 min`: a duration rounded to minutes. */
export function formatMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`
}

/** `m:ss` under an hour, else `h:mm:ss`. */
export function formatClockDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}
