import type { Settings } from '@shared/settings'
import { computed, type WritableComputedRef } from 'vue'
import { useSettingsStore } from '../../stores/settings'

type BooleanKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings]

/** A boolean setting for `v-model`: reads the stored value, and a change is sent to the host. */
export function useToggle(key: BooleanKey): WritableComputedRef<boolean> {
  const settings = useSettingsStore()
  return computed({
    get: () => settings.settings[key],
    set: (value) => void settings.update({ [key]: value }),
  })
}
