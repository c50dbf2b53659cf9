import { z } from 'zod'
import { APP_LOCALES } from './locales'

export const settingsSchema = z.strictObject({
  /** 'auto' follows the operating system or browser language. */
  locale: z.enum(['auto', ...APP_LOCALES]),
  theme: z.enum(['system', 'light', 'dark']),
  /** Window opacity, 0.4 (see-through) to 1 (solid). */
  opacity: z.number().min(0.4).max(1),
  alwaysOnTop: z.boolean(),
})
export type Settings = z.infer<typeof settingsSchema>

/** A partial update: at least one known key, nothing else. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'needs at least one setting to change')
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
