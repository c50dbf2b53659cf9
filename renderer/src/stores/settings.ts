import type { AppLocale } from '@shared/locales'
import { resolveLocale } from '@shared/locales'
import type { AppErrorData } from '@shared/result'
import type { Settings, SettingsPatch } from '@shared/settings'
import { defaultSettings } from '@shared/settings-defaults'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { syncedState } from './synced'

/** The user's settings as the host stores them; changes are sent to the host and echoed back. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...defaultSettings })
  const error = ref<AppErrorData | null>(null)
  const systemLocale = resolveLocale('auto', navigator.languages)

  const locale = computed<AppLocale>(() => resolveLocale(settings.value.locale, navigator.languages))
  /** For dates and times: the system's regional variant when it speaks the app language (en-GB: 24 h). */
  const formatLocale = computed(() =>
    navigator.language.toLowerCase().startsWith(locale.value) ? navigator.language : locale.value,
  )

  const sync = syncedState(
    'settings:changed',
    () => api.invoke('settings:get', {}),
    (value) => (settings.value = value),
  )

  /** Updates sent and not yet answered: what `settled()` waits for. */
  const inFlight = new Set<Promise<unknown>>()

  async function update(patch: SettingsPatch): Promise<void> {
    const sent = api.invoke('settings:update', patch)
    inFlight.add(sent)
    const result = await sent.finally(() => inFlight.delete(sent))
    if (result.ok) {
      settings.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Resolves once every change sent so far is answered (a call started right after a choice uses it). */
  async function settled(): Promise<void> {
    await Promise.allSettled([...inFlight])
  }

  return {
    settings,
    error,
    systemLocale,
    locale,
    formatLocale,
    load: sync.load,
    unsubscribe: sync.stop,
    update,
    settled,
  }
})
