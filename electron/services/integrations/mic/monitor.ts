import { MAX_MIC_APP_CHARS } from '../../../../shared/mic-apps'

/** One process holding a capture device open. `app`: executable name or bundle id. */
export interface MicUse {
  app: string
  /** null where the OS does not say (the Windows registry, macOS before 14). */
  pid: number | null
}

/** A change in who holds the microphone. */
export interface MicChange extends MicUse {
  active: boolean
}

/** Whether the monitor can observe. `unsupported`: no way on this system (it says why in `detail`). */
export interface MicMonitorStatus {
  state: 'on' | 'waiting' | 'unsupported'
  detail?: string
}

export interface MicMonitorListener {
  /** Who holds the microphone changed; `current` is everyone holding it now. */
  onChange(changes: readonly MicChange[], current: readonly MicUse[]): void
  onStatus(status: MicMonitorStatus): void
}

/**
 * One OS's way of seeing which apps have the microphone open. Nothing here opens, reads or
 * records audio. Implementations never throw out of `start`/`stop`: a missing sound server or
 * API is a status, and they retry by themselves.
 */
export interface MicActivityMonitor {
  start(listener: MicMonitorListener): void
  stop(): void
}

const key = (use: MicUse): string => `${use.app}\u0000${use.pid ?? ''}`

/** The changes from one list of uses to the next (each process once). */
export function diffUses(before: readonly MicUse[], after: readonly MicUse[]): MicChange[] {
  const old = new Map(before.map((use) => [key(use), use]))
  const now = new Map(after.map((use) => [key(use), use]))
  const changes: MicChange[] = []
  for (const [id, use] of now) if (!old.has(id)) changes.push({ ...use, active: true })
  for (const [id, use] of old) if (!now.has(id)) changes.push({ ...use, active: false })
  return changes
}

/** Each process once, in a stable order; app ids without control characters, at most 200 characters. */
export function uniqueUses(uses: readonly MicUse[]): MicUse[] {
  const clean = uses
    .map((use) => ({ ...use, app: use.app.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_MIC_APP_CHARS) }))
    .filter((use) => use.app !== '' && !['__proto__', 'constructor', 'prototype'].includes(use.app))
  const map = new Map(clean.map((use) => [key(use), use]))
  return [...map.values()].sort((a, b) => key(a).localeCompare(key(b)))
}
