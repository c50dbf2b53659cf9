import fs from 'node:fs'
import path from 'node:path'
import { exportReportSchema } from '../../../shared/export'
import { AppError } from '../../../shared/result'
import type { SkipReason } from '../../../shared/team-figures'
import { shiftFromReport, type TeamShift } from './team-figures'

export type { SkipReason } from '../../../shared/team-figures'

export interface SkippedFile {
  /** The file's name in the folder (never its contents). */
  file: string
  reason: SkipReason
}

export interface FolderRead {
  /** One per shift (agent and start), the newest copy of each. */
  shifts: TeamShift[]
  skipped: SkippedFile[]
  /** JSON files looked at. */
  files: number
}

/**
 * Reads every `.json` file in the team folder (not below it; hidden and temporary files of a write
 * in progress are left out) and keeps the shifts that start in [from, to). A file that is not
 * JSON, not a CalmDeck report by its schema, or a personal export without the team block is
 * listed and skipped. The same shift twice (same agent id and start, e.g. exported again or copied)
 * counts once: the copy made last, which covers the most.
 */
export function readTeamFolder(folder: string, range: { from: number; to: number }): FolderRead {
  let names: string[]
  try {
    names = fs.readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'))
  } catch {
    throw new AppError('not-found', `The team folder ${folder} cannot be read.`)
  }
  names.sort()
  const skipped: SkippedFile[] = []
  const byShift = new Map<string, { shift: TeamShift; file: string }>()
  for (const file of names) {
    const result = readShift(path.join(folder, file))
    if (typeof result === 'string') {
      skipped.push({ file, reason: result })
      continue
    }
    if (result.from < range.from || result.from >= range.to) continue
    const key = `${result.agentId}@${result.from}`
    const seen = byShift.get(key)
    if (!seen) {
      byShift.set(key, { shift: result, file })
      continue
    }
    const newer = result.generatedAt > seen.shift.generatedAt
    skipped.push({ file: newer ? seen.file : file, reason: 'duplicate' })
    if (newer) byShift.set(key, { shift: result, file })
  }
  const shifts = [...byShift.values()].map((entry) => entry.shift).sort((a, b) => a.from - b.from)
  return { shifts, skipped, files: names.length }
}

/** One file → its shift, or why it does not count. */
export function readShift(file: string): TeamShift | SkipReason {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return 'unreadable'
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return 'not-json'
  }
  const parsed = exportReportSchema.safeParse(json)
  if (!parsed.success) return 'not-a-report'
  const report = parsed.data
  if (!report.team) return 'not-for-the-team'
  return shiftFromReport({ ...report, team: report.team })
}
