import { z } from 'zod'

/** The reasons a backup is taken (its file name says which). */
export const backupReasonSchema = z.enum([
  'daily',
  'periodic',
  'manual',
  'before-migration',
  'shutdown',
  'before-restore',
])

export const backupFileSchema = z.strictObject({
  /** The file name in the data folder's `backups/`; never a full path. */
  name: z.string(),
  at: z.number().int(),
  reason: backupReasonSchema,
  size: z.number().int().nonnegative(),
})

export const backupStateSchema = z.strictObject({
  /** Newest first; only backups that passed their integrity check. */
  backups: z.array(backupFileSchema),
  running: z.boolean(),
  /** The last attempt failed with this error code; it is retried. */
  failure: z.strictObject({ code: z.string(), at: z.number().int() }).nullable(),
})

export type BackupFileInfo = z.infer<typeof backupFileSchema>
export type BackupStateData = z.infer<typeof backupStateSchema>
