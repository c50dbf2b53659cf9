import type { ExportPreview, ExportRunResult } from '@shared/export'
import type { ExportFormat } from '@shared/export-formats'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { useSettingsStore } from './settings'

/** The end-of-shift report: the shift's summary, then files written by the host. */
export const useExportStore = defineStore('export', () => {
  const settings = useSettingsStore()
  const preview = ref<ExportPreview | null>(null)
  const result = ref<ExportRunResult | null>(null)
  const error = ref<AppErrorData | null>(null)
  const busy = ref(false)

  async function load(): Promise<void> {
    result.value = null
    error.value = null
    const answer = await api.invoke('export:preview', { language: settings.locale })
    if (answer.ok) preview.value = answer.value
    else error.value = answer.error
  }

  async function run(options: {
    formats: ExportFormat[]
    folder: string
    remark: string
    redact: boolean
    force: boolean
  }): Promise<boolean> {
    if (!preview.value) return false
    busy.value = true
    error.value = null
    const answer = await api.invoke('export:run', {
      ...options,
      range: { from: preview.value.from, to: preview.value.to },
      language: settings.locale,
    })
    busy.value = false
    if (answer.ok) result.value = answer.value
    else error.value = answer.error
    return answer.ok
  }

  /** The system's folder picker; null when cancelled or where there is none (the browser). */
  async function chooseFolder(): Promise<string | null> {
    const answer = await api.invoke('export:choose-folder', {})
    return answer.ok ? answer.value.folder : null
  }

  async function reveal(path: string): Promise<void> {
    const answer = await api.invoke('export:reveal', { path })
    if (!answer.ok) error.value = answer.error
  }

  return { preview, result, error, busy, load, run, chooseFolder, reveal }
})
