import type { AboutInfo } from '@shared/about'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'

/** Settings → About & privacy: version and data folder from the host, opening it, Diagnostics. */
export const useAboutStore = defineStore('about', () => {
  const info = ref<AboutInfo | null>(null)

  async function load(): Promise<void> {
    const result = await api.invoke('about:get', {})
    if (result.ok) info.value = result.value
  }

  async function openDataDir(): Promise<boolean> {
    const result = await api.invoke('about:open-data-dir', {})
    return result.ok && result.value.opened
  }

  /** The Diagnostics file for IT support, or null when the host refused. */
  async function diagnostics(): Promise<{ fileName: string; text: string } | null> {
    const result = await api.invoke('diagnostics:export', {})
    return result.ok ? result.value : null
  }

  return { info, load, openDataDir, diagnostics }
})
