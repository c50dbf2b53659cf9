import type { Note, NoteFields, NoteHit } from '@shared/notes'
import { MAX_NOTE_BYTES, noteBytes } from '@shared/note-size'
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api } from '../api'
import { AutosaveScheduler, type SaveStatus } from '../notes/autosave'

/** A note being written: its text lives here until the host has committed it. */
interface Draft {
  key: string
  callId: number | null
  noteId: number | null
  /** For a new walk-in note: the window's id for it until the host has given it one. */
  draftKey: string
  fields: NoteFields
  status: SaveStatus
  /** Why the last save failed: 'too-large', or the host's message; null when it did not fail. */
  problem: string | null
}

/** A plain copy of the fields, detached from Vue's proxies. */
const snapshot = (fields: NoteFields): NoteFields => ({ ...fields, items: fields.items.map((item) => ({ ...item })) })

const blank = (): NoteFields => ({ whatHappened: '', callerWants: '', resolved: '', freeText: '', items: [] })

/**
 * Incident notes. Every keystroke updates the draft in memory and schedules a save; a draft that
 * could not be saved stays in memory (and keeps retrying) even when another note is opened.
 */
export const useNotesStore = defineStore('notes', () => {
  const drafts = reactive(new Map<string, Draft>())
  /** Each draft's scheduler, outside Vue's reactivity. */
  const schedulers = new Map<string, AutosaveScheduler<NoteFields>>()
  const currentKey = ref<string | null>(null)
  const current = computed(() => (currentKey.value ? (drafts.get(currentKey.value) ?? null) : null))
  const unsaved = computed(() => [...drafts.values()].some((draft) => draft.status !== 'saved'))
  let walkIns = 0

  function createDraft(key: string, callId: number | null, note: Note | null): Draft {
    const draft: Draft = reactive({
      key,
      callId,
      noteId: note?.id ?? null,
      draftKey: crypto.randomUUID(),
      fields: note
        ? {
            whatHappened: note.whatHappened,
            callerWants: note.callerWants,
            resolved: note.resolved,
            freeText: note.freeText,
            items: note.items,
          }
        : blank(),
      status: 'saved' as SaveStatus,
      problem: null,
    })
    schedulers.set(
      key,
      new AutosaveScheduler<NoteFields>({
        save: (fields) => save(draft, fields),
        onStatus: (status) => {
          draft.status = status
          if (status === 'saved') {
            draft.problem = null
            if (draft.key !== currentKey.value) forget(draft.key)
          }
        },
      }),
    )
    return draft
  }

  function forget(key: string): void {
    schedulers.get(key)?.dispose()
    schedulers.delete(key)
    drafts.delete(key)
  }

  async function save(draft: Draft, fields: NoteFields): Promise<boolean> {
    if (noteBytes(fields) > MAX_NOTE_BYTES) {
      draft.problem = 'too-large'
      return false
    }
    const result = await api.invoke('notes:save', {
      ...(draft.noteId === null ? { draftKey: draft.draftKey } : { id: draft.noteId }),
      callId: draft.callId,
      ...fields,
    })
    if (!result.ok) {
      draft.problem = result.error.message
      return false
    }
    draft.noteId = result.value.id
    draft.problem = null
    return true
  }

  /** Opens the note of a call (or a new walk-in note with `callId` null), saving the one open before. */
  async function open(callId: number | null, noteId: number | null = null): Promise<void> {
    const key = callId !== null ? `call:${callId}` : noteId !== null ? `note:${noteId}` : `walk-in:${++walkIns}`
    await leave()
    if (!drafts.has(key)) {
      let note: Note | null = null
      if (callId !== null) {
        const result = await api.invoke('notes:for-call', { callId })
        note = result.ok ? result.value : null
      } else if (noteId !== null) {
        const result = await api.invoke('notes:get', { id: noteId })
        note = result.ok ? result.value : null
      }
      drafts.set(key, createDraft(key, callId ?? note?.callId ?? null, note))
    }
    currentKey.value = key
  }

  /** The agent typed: keep the text and schedule a save. */
  function changed(): void {
    const draft = current.value
    if (draft) schedulers.get(draft.key)?.change(snapshot(draft.fields))
  }

  /** Saves every pending draft now (blur, hide, call switch, quit). */
  async function flushAll(): Promise<void> {
    await Promise.all([...schedulers.values()].map((scheduler) => scheduler.flush()))
  }

  /** Closes the editor: the draft is saved, and kept in memory while it is not. */
  async function leave(): Promise<void> {
    const draft = current.value
    currentKey.value = null
    if (!draft) return
    await schedulers.get(draft.key)?.flush()
    if (draft.status === 'saved') forget(draft.key)
  }

  async function search(query: string): Promise<NoteHit[]> {
    const result = await api.invoke('notes:search', { query })
    return result.ok ? result.value : []
  }

  return { current, unsaved, open, changed, flushAll, leave, search }
})
