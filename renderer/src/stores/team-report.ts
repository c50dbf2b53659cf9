import type { ExportFormat } from '@shared/export-formats'
import type { AppErrorData } from '@shared/result'
import type { TeamReportPreview } from '@shared/team-report'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { useSettingsStore } from './settings'

/** The "Team report…" panel: the team folder's weeks as the host adds them up, and the file written. */
export const useTeamReportStore = defineStore('team-report', () => {
  const settings = useSettingsStore()
  const preview = ref<TeamReportPreview | null>(null)
  const saved = ref<string | null>(null)
  const error = ref<AppErrorData | null>(null)
  const busy = ref(false)

  async function load(request: { folder: string; from: number; to: number }): Promise<void> {
    busy.value = true
    error.value = null
    saved.value = null
    const answer = await api.invoke('team-report:preview', request)
    busy.value = false
    if (answer.ok) preview.value = answer.value
    else {
      preview.value = null
      error.value = answer.error
    }
  }

  async function save(request: {
    folder: string
    from: number
    to: number
    format: ExportFormat
    out: string
    force: boolean
  }): Promise<void> {
    busy.value = true
    error.value = null
    const answer = await api.invoke('team-report:write', { ...request, language: settings.locale })
    busy.value = false
    if (answer.ok) saved.value = answer.value.path
    else error.value = answer.error
  }

  return { preview, saved, error, busy, load, save }
})
