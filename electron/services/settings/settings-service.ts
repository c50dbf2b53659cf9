import { z } from 'zod'
import { carryOverSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings'
import { defaultSettings } from '../../../shared/settings-defaults'
import { AppError, type Issue } from '../../../shared/result'
import type { Db } from '../storage/database'
import { canonicalAccelerator, keyPlatform, type KeyPlatform } from '../../../shared/accelerator'
import { effectiveHotkeys } from '../../../shared/hotkeys'
import { noPolicy, type SettingsPolicy } from '../policy/managed-policy'

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
/**
 * Stored settings may lack keys added in later versions (defaults fill them in) and may hold a
 * merged setting's old name (carried over to the one that stayed, e.g. `teamDisplayName`).
 */
const storedSettingsSchema = z.preprocess(carryOverSettings, settingsSchema.partial())

/** Told after every update: the settings as now stored, and which of them the update changed. */
export type SettingsListener = (settings: Settings, changed: ReadonlySet<keyof Settings>) => void

export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly onChange: SettingsListener = () => {},
    /** Decides which spellings are the same keys, e.g. `Super+B` and `CommandOrControl+B` on macOS. */
    private readonly platform: KeyPlatform = keyPlatform(process.platform),
    /** IT's presets (under the agent's values) and locks (over them), and its microphone answers. */
    private policy: SettingsPolicy = noPolicy,
  ) {}

  /** IT's policy changed while running: listeners hear the settings whose values it changed. */
  setPolicy(policy: SettingsPolicy): Settings {
    const before = this.get()
    this.policy = policy
    const next = this.get()
    const changed = changedKeys(before, next)
    if (changed.size > 0) this.onChange(next, changed)
    return next
  }

  get(): Settings {
    const stored = this.store.read(USER_SETTINGS_KEY, storedSettingsSchema)
    const base = { ...defaultSettings, ...this.policy.presets, ...stored }
    return { ...base, micApps: { ...base.micApps, ...this.policy.micApps }, ...this.policy.locked }
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
    assertUnlocked(patch, this.policy)
    const next = settingsSchema.parse({ ...before, ...patch })
    if (patch.hotkeys) assertNoSharedHotkeys(next.hotkeys, this.platform)
    this.store.write(USER_SETTINGS_KEY, withoutPolicy(next, this.policy))
    this.onChange(next, changedKeys(before, next))
    return next
  }
}

/** A patch may repeat a locked value but not change it; nothing is written when it tries. */
function assertUnlocked(patch: SettingsPatch, policy: SettingsPolicy): void {
  const issues: Issue[] = []
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    if (key in policy.locked && JSON.stringify(patch[key]) !== JSON.stringify(policy.locked[key]))
      issues.push({ path: key, message: 'set by your organisation' })
  }
  if (patch.micApps) {
    for (const [app, choice] of Object.entries(policy.micApps))
      if (patch.micApps[app] !== choice) issues.push({ path: `micApps.${app}`, message: 'set by your organisation' })
  }
  if (issues.length > 0) throw new AppError('locked', 'This setting is set by your organisation.', issues)
}

/** The agent's own values: locked settings and IT's microphone answers stay in the policy only. */
function withoutPolicy(settings: Settings, policy: SettingsPolicy): Partial<Settings> {
  const own: Partial<Settings> = { ...settings }
  for (const key of Object.keys(policy.locked) as (keyof Settings)[]) delete own[key]
  if (own.micApps) {
    const micApps = { ...own.micApps }
    for (const app of Object.keys(policy.micApps)) delete micApps[app]
    own.micApps = micApps
  }
  return own
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
