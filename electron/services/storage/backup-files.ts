import fs from 'node:fs'
import path from 'node:path'

export const BACKUP_DIR = 'backups'
const NAME = /^calmdeck-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.sqlite3$/
const TEMP_PREFIX = '.incomplete-'

/** Why a backup was taken. */
export const backupReasons = ['daily', 'periodic', 'manual', 'before-migration', 'shutdown', 'before-restore'] as const
export type BackupReason = (typeof backupReasons)[number]

export interface BackupFile {
  /** The file name inside `backups/`. */
  name: string
  at: number
  reason: BackupReason
  size: number
}

/** `calmdeck-2026-11-22T10-00-00-000Z-daily.sqlite3`: sortable, unique per millisecond and reason. */
export function backupName(at: number, reason: BackupReason): string {
  return `calmdeck-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite3`
}

export function tempName(name: string): string {
  return TEMP_PREFIX + name
}

/** The backups that count (complete, renamed into place), newest first. Temporary files never count. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const files: BackupFile[] = []
  for (const name of names) {
    const match = NAME.exec(name)
    if (!match?.[1] || !match[2]) continue
    const reason = match[2] as BackupReason
    if (!backupReasons.includes(reason)) continue
    const [date, time] = match[1].split('T') as [string, string]
    const at = Date.parse(`${date}T${time.slice(0, 8).replace(/-/g, ':')}.${time.slice(9, 12)}Z`)
    try {
      files.push({ name, at, reason, size: fs.statSync(path.join(dir, name)).size })
    } catch {
      // Removed meanwhile.
    }
  }
  return files.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name))
}

/** Leftovers of a backup that was killed half way: never complete, safe to delete. */
export function removeIncomplete(dir: string): void {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) if (name.startsWith(TEMP_PREFIX)) fs.rmSync(path.join(dir, name), { force: true })
}

export interface Keep {
  daily: number
  weekly: number
}

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, the newest
 * of each of the last `weekly` weeks that have one, and always the newest of all. `dayOf` and
 * `weekOf` name a backup's local day and week. Returns the names to delete.
 */
export function backupsToPrune(
  files: readonly BackupFile[],
  keep: Keep,
  dayOf: (ms: number) => string,
  weekOf: (ms: number) => string,
): string[] {
  const sorted = [...files].sort((a, b) => b.at - a.at)
  const kept = new Set<string>()
  if (sorted[0]) kept.add(sorted[0].name)
  const pick = (bucketOf: (ms: number) => string, count: number) => {
    const seen = new Set<string>()
    for (const file of sorted) {
      const bucket = bucketOf(file.at)
      if (seen.has(bucket)) continue
      if (seen.size >= count) break
      seen.add(bucket)
      kept.add(file.name)
    }
  }
  pick(dayOf, keep.daily)
  pick(weekOf, keep.weekly)
  return sorted.filter((file) => !kept.has(file.name)).map((file) => file.name)
}

/** The Monday (`YYYY-MM-DD`) of the week of a local calendar date `YYYY-MM-DD`. */
export function mondayOf(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`)
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  return new Date(day - weekday * 86_400_000).toISOString().slice(0, 10)
}
