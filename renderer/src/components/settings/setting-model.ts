import type { Settings } from '@shared/settings'
import { computed, ref, watch, type Ref, type WritableComputedRef } from 'vue'
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

/**
 * A setting edited in a text, number or time field: the field keeps what is typed in its own ref,
 * so a re-render while typing (any other setting saved meanwhile replaces the store's object)
 * never puts the stored value back over unsaved text; a new stored value for this key does. Bind
 * it with `v-model` and save it on `change`.
 */
export function useDraft<K extends keyof Settings>(key: K): Ref<Settings[K]> {
  const settings = useSettingsStore()
  const draft = ref(settings.settings[key]) as Ref<Settings[K]>
  watch(
    () => settings.settings[key],
    (value) => (draft.value = value),
  )
  return draft
}
