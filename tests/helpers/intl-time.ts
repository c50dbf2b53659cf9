/**
 * Independent answers from Intl.DateTimeFormat, for checking the host's clock: the local ISO time
 * of an instant, and the instants around each offset change of a zone (found by scanning).
 */
const formats = new Map<string, Intl.DateTimeFormat>()

function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone)
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
    formats.set(timeZone, found)
  }
  return found
}

/** `2026-03-08T03:15:00-02:30`, as Intl sees `ms` in `timeZone`. */
export function intlIso(timeZone: string, ms: number): string {
  const parts: Record<string, string> = {}
  for (const part of format(timeZone).formatToParts(ms)) parts[part.type] = part.value
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00'
  const year = (parts.year ?? '').padStart(4, '0')
  return `${year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

const offsetOf = (timeZone: string, ms: number) => intlIso(timeZone, ms).slice(19)

/** The hours (UTC, epoch ms) in which `timeZone`'s offset changes between `from` and `to`. */
export function changeHours(timeZone: string, from: number, to: number): number[] {
  const DAY = 86_400_000
  const HOUR = 3_600_000
  const hours: number[] = []
  for (let day = from; day < to; day += DAY) {
    if (offsetOf(timeZone, day) === offsetOf(timeZone, day + DAY)) continue
    for (let hour = day; hour < day + DAY; hour += HOUR)
      if (offsetOf(timeZone, hour) !== offsetOf(timeZone, hour + HOUR)) hours.push(hour)
  }
  return hours
}
