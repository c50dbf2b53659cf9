import { resolveLocale, type AppLocale } from '../../../shared/locales'
import type { CompositionContext, Wiring } from '../composition'
import { KeyValueStore, SettingsService } from './settings-service'

export interface SettingsServices {
  store: KeyValueStore
  settings: SettingsService
  /** The language in use: the setting's, or the system's for 'auto'. */
  language: () => AppLocale
}

/** The settings (under IT's policy); a change re-binds hotkeys, re-applies call sources and retention. */
export function composeSettings(
  { broadcast, platform, policy, systemLocales }: CompositionContext,
  app: Wiring,
): SettingsServices {
  const store = new KeyValueStore(app.db)
  const settings = new SettingsService(
    store,
    (value, changed) => {
      if (changed.has('hotkeys')) app.hotkeys.bind(value.hotkeys)
      app.integrations.applySettings(value)
      if (changed.has('retentionDays')) void app.retention.run()
      broadcast('settings:changed', value)
    },
    platform,
    policy(),
  )
  const language = () => resolveLocale(settings.get().locale, systemLocales())
  return { store, settings, language }
}
