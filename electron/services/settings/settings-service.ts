import type { z } from 'zod'
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings'
import { defaultSettings } from '../../../shared/settings-defaults'
import { AppError, type Issue } from '../../../shared/result'
import type { Db } from '../storage/database'
import { canonicalAccelerator, keyPlatform, type KeyPlatform } from '../../../shared/accelerator'
import { effectiveHotkeys } from '../../../shared/hotkeys'

/**
 * A small typed key-value store over the `settings` table. Values are JSON; a stored value that
 * no longer fits its schema falls back to the default instead of breaking start-up.
 */
export class KeyValueStore {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    this.putStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
  }

  read<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const row = this.getStmt.get(key)
    if (!row) return undefined
    try {
      const parsed = schema.safeParse(JSON.parse(row.value))
      return parsed.success ? parsed.data : undefined
    } catch {
      return undefined
    }
  }

  write(key: string, value: unknown): void {
    this.putStmt.run(key, JSON.stringify(value))
  }
}

/** The settings row's key in the key-value store. */
export const USER_SETTINGS_KEY = 'user'
/** Stored settings may lack keys added in later versions; defaults fill them in. */
const storedSettingsSchema = settingsSchema.partial()

/** Told after every update: the settings as now stored, and which of them the update changed. */
export type SettingsListener = (settings: Settings, changed: ReadonlySet<keyof Settings>) => void

export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly onChange: SettingsListener = () => {},
    /** Decides which spellings are the same keys, e.g. `Super+B` and `CommandOrControl+B` on macOS. */
    private readonly platform: KeyPlatform = keyPlatform(process.platform),
  ) {}

  get(): Settings {
    const stored = this.store.read(USER_SETTINGS_KEY, storedSettingsSchema)
    return { ...defaultSettings, ...stored }
  }

  /** The data was replaced (a restored backup): every listener hears every setting as changed. */
  reload(): Settings {
    const settings = this.get()
    this.onChange(settings, new Set(Object.keys(settings) as (keyof Settings)[]))
    return settings
  }

  /** Applies a validated patch and returns the full settings as now stored. */
  update(patch: SettingsPatch): Settings {
    const before = this.get()
    const next = settingsSchema.parse({ ...before, ...patch })
    if (patch.hotkeys) assertNoSharedHotkeys(next.hotkeys, this.platform)
    this.store.write(USER_SETTINGS_KEY, next)
    this.onChange(next, changedKeys(before, next))
    return next
  }
}

/** The settings whose values differ (settings are JSON values: compared as JSON). */
function changedKeys(before: Settings, after: Settings): Set<keyof Settings> {
  const keys = Object.keys(after) as (keyof Settings)[]
  return new Set(keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])))
}

/** Two actions on one key combination would make one of them unreachable: refuse that. */
function assertNoSharedHotkeys(overrides: Settings['hotkeys'], platform: KeyPlatform): void {
  const owner = new Map<string, string>()
  const issues: Issue[] = []
  for (const [action, accelerator] of effectiveHotkeys(overrides)) {
    const keys = canonicalAccelerator(accelerator, platform)
    const other = owner.get(keys)
    if (other) issues.push({ path: `hotkeys.${action}`, message: `${accelerator} is already used for ${other}` })
    owner.set(keys, action)
  }
  if (issues.length > 0) throw new AppError('invalid-request', 'Two actions cannot share one key combination.', issues)
}
