import type { Settings } from './settings'

/** Settings before the user changes anything. Kept apart from the schema so the renderer skips zod. */
export const defaultSettings: Settings = {
  locale: 'auto',
  theme: 'system',
  opacity: 1,
  alwaysOnTop: true,
  callerNumber: 'last4',
  callEventsLocal: true,
  callEventsBaresip: false,
  baresipAddress: '127.0.0.1:4444',
  showOnCallStart: true,
  callLinks: false,
  recoveryMinutes: 5,
  recoverySound: false,
  shiftMode: 'first-call',
  shiftStart: '08:00',
  shiftEnd: '16:30',
  exportFolder: '',
  exportFormats: ['pdf', 'csv'],
  exportRedact: false,
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  hotkeys: {},
  teamDisplayName: '',
  teamHelpOnSupervisor: false,
  teamShiftSummary: false,
}
