import type { MicActivityMonitor } from './monitor'
import { PulseMicMonitor } from './pulse-monitor'
import { WindowsMicMonitor } from './windows-monitor'

/** The microphone monitor for this OS, or null where there is none yet (macOS: see README). */
export function micMonitorFor(platform: NodeJS.Platform, log?: (line: string) => void): MicActivityMonitor | null {
  if (platform === 'linux') return new PulseMicMonitor({ log })
  if (platform === 'win32') return new WindowsMicMonitor({ log })
  return null
}
