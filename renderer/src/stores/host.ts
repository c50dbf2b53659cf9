import type { KeyPlatform } from '@shared/accelerator'
import type { AppInfo, StorageNotice } from '@shared/contract'
import type { Settings } from '@shared/settings'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, connection } from '../api'

/** What the host tells about itself: which host and platform, version, and storage notices for the user. */
export const useHostStore = defineStore('host', () => {
  const info = ref<AppInfo | null>(null)
  const dismissed = ref<Set<StorageNotice>>(new Set())
  const notices = computed(() => (info.value?.notices ?? []).filter((notice) => !dismissed.value.has(notice)))
  const isDesktop = computed(() => info.value?.host === 'electron')
  /** The keyboard's operating system, for recording and naming hotkeys (Linux until the host says). */
  const platform = computed<KeyPlatform>(() => info.value?.platform ?? 'linux')

  /** Set by IT's policy: shown with "Set by your organisation", refused by the host. */
  function isLocked(key: keyof Settings): boolean {
    return info.value?.policy.locked.includes(key) ?? false
  }
  const policyIssues = computed(() => info.value?.policy.issues ?? [])

  let policyUpdates: (() => void) | null = null
  async function load(): Promise<void> {
    // IT's policy file changed while running: what is locked now (listening before the fetch).
    policyUpdates ??= api.on('policy:changed', (policy) => {
      if (info.value) info.value = { ...info.value, policy }
    })
    const result = await api.invoke('app:info', {})
    if (result.ok) info.value = result.value
  }

  function dismiss(notice: StorageNotice): void {
    dismissed.value = new Set([...dismissed.value, notice])
  }

  return { info, notices, isDesktop, platform, connection, load, dismiss, isLocked, policyIssues }
})
