import { MacMicMonitor } from './mac-monitor'
import type { MicActivityMonitor } from './monitor'
import { PulseMicMonitor } from './pulse-monitor'
import { findResource } from './resource-file'
import { powershellSessions, WindowsMicMonitor } from './windows-monitor'

/** The Core Audio script, shipped as extraResources `mic/capture-sessions.ps1`. */
export const CAPTURE_SESSIONS_SCRIPT = 'mic/capture-sessions.ps1'

/** The microphone monitor for this OS, or null where there is none. */
export function micMonitorFor(platform: NodeJS.Platform, log?: (line: string) => void): MicActivityMonitor | null {
  if (platform === 'linux') return new PulseMicMonitor({ log })
  if (platform === 'win32') {
    const script = findResource(
      CAPTURE_SESSIONS_SCRIPT,
      __dirname,
      (process as { resourcesPath?: string }).resourcesPath,
    )
    return new WindowsMicMonitor({ log, sessions: script ? powershellSessions(script) : null })
  }
  if (platform === 'darwin') return new MacMicMonitor({ log })
  return null
}
