import { app, dialog, globalShortcut, ipcMain, powerMonitor, shell, type Tray } from 'electron'
import { keyPlatform } from '../../shared/accelerator'
import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { HostEventData } from '../../shared/contract'
import { hostTexts, type HostTexts } from '../../shared/i18n/host-catalog'
import { resolveLocale } from '../../shared/locales'
import { createAppServices, type AppServices } from '../services/app-services'
import { runExportInWorker } from '../services/export/export-worker-runner'
import { runBackupInWorker } from '../services/storage/backup-worker-runner'
import { hasCallEvent } from '../services/integrations/call-event-args'
import { NewerDatabaseError } from '../services/storage/database'
import { defaultDataDir } from '../services/storage/data-dir'
import { BACKGROUND_START, deferredStart } from '../services/startup/deferred-start'
import { findFontDir } from '../services/export/font-dir'
import { defaultPolicyFile, loadMachinePolicy } from '../services/policy/policy-file'
import { watchPolicyFile } from '../services/policy/policy-watch'
import { applyCallLinks } from './call-links'
import { electronExportShell, exportArgs, runExportAndQuit } from './export-shell'
import { printPolicyAndQuit, printPolicyArgs } from './policy-shell'
import { runTeamReportAndQuit, teamReportArgs } from './team-report-shell'
import { isOwnRendererFrame, registerIpc, sendToAllWindows } from './ipc'
import { startAtLoginKeeper, startedAtLogin } from './login-item'
import { quitOnSignals, saveBeforeLeaving } from './lifecycle'
import { notifyRecoveryOver, trayCountdown } from './recovery-notice'
import { applySecurity } from './security'
import { enableLoopbackCapture } from './cue-capture'
import { electronShortcuts } from './shortcuts'
import { createTray, setTrayMenu, toggleWindow } from './tray'
import { applyWindowSettings, createMainWindow, type MainWindow } from './window'

const dataDir = defaultDataDir()
let mainWindow: MainWindow | undefined
/** Held here so the tray icon is not garbage-collected. */
let tray: Tray | undefined
let services: AppServices | undefined
/** Command lines and links that arrive before the services are ready (e.g. macOS open-url). */
const earlyArgv: string[][] = []
let callLinksOn = false
const setStartAtLogin = startAtLoginKeeper(app, (line) => console.error(`calmdeck: ${line}`))
/** The system's languages, best first, as the OS lists them. */
const systemLanguages = () => app.getPreferredSystemLanguages()
/** Tray and notification texts in the language setting's language, else the system's. */
const texts = (): HostTexts => hostTexts[resolveLocale(services?.settings.get().locale ?? 'auto', systemLanguages())]
const showRecoveryInTray = trayCountdown(() => tray, texts)

// Before the lock: Electron keeps the single-instance lock in the userData folder.
app.setPath('userData', dataDir)
// Before ready: the live cues hear the caller through screen-share loopback (Linux needs a switch).
enableLoopbackCapture(app, process.platform)

const exportCommand = exportArgs(process.argv)
const teamReportCommand = teamReportArgs(process.argv)
const printPolicyCommand = printPolicyArgs(process.argv)
/** The report fonts: in the packaged app's resources, else in the source tree. */
const fontDir = () => findFontDir(__dirname, app.isPackaged ? process.resourcesPath : undefined)

if (printPolicyCommand) {
  // `CalmDeck --print-policy`: the machine policy in force as JSON, no window, no lock (see README).
  printPolicyAndQuit(app, printPolicyCommand)
} else if (exportCommand) {
  // `CalmDeck --export …`: a report on the command line, no window, no lock (see README).
  runExportAndQuit(app, exportCommand, fontDir())
} else if (teamReportCommand) {
  // `CalmDeck --team-report …`: the lead's team report from a team folder, no window, no lock.
  runTeamReportAndQuit(app, teamReportCommand, fontDir())
} else if (app.requestSingleInstanceLock()) {
  app.on('second-instance', (_event, argv) => onSecondInstance(argv))
  // macOS hands links over as an event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    handleForwardedArgs([url])
  })
  app.whenReady().then(onReady).catch(onStartFailure)
} else {
  app.quit()
}

/** How long quitting waits for a backup in progress to finish (a killed one never counts). */
const QUIT_BACKUP_MS = 3000

function onReady(): void {
  const ready = createAppServices({
    dataDir,
    host: 'electron',
    platform: keyPlatform(process.platform),
    version: app.getVersion(),
    nativeBinding: devNativeBinding(),
    broadcast,
    shortcuts: electronShortcuts(globalShortcut),
    onUiAction,
    onCallShown: revealWindow,
    onRecoveryFinished: () => notifyRecoveryOver(texts().recovery),
    log: (line) => console.error(`calmdeck: ${line}`),
    policy: loadMachinePolicy(process.platform, process.env),
    exportShell: electronExportShell(dialog, shell, () => mainWindow?.window),
    // Only ever the data folder (AboutService); shell.openPath answers '' on success.
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
    fontDir: fontDir(),
    backupRunner: runBackupInWorker,
    exportRunner: runExportInWorker,
    systemLocales: systemLanguages,
    // The live cues' own capture (renderer, audio service) is never taken for a phone.
    microphone: { ownPids: () => app.getAppMetrics().map((metric) => metric.pid) },
  })
  services = ready
  // A clean quit backs up what changed, whether or not the window's page ever loaded.
  ready.backups.armShutdown()
  // A policy.json IT changes applies at once (the registry is read again with it; not watched itself).
  watchPolicyFile(defaultPolicyFile(process.platform, process.env), {
    load: () => loadMachinePolicy(process.platform, process.env, { current: ready.policy }),
    apply: (next) => ready.applyPolicy(next),
    current: () => ready.policy,
    log: (line) => console.error(`calmdeck: ${line}`),
  })
  applySecurity({ cuesOn: () => ready.settings.get().cuesEnabled })
  registerIpc(ipcMain, ready.dispatch, isOwnRendererFrame)
  const settings = ready.settings.get()
  const inTray = settings.startInTray && startedAtLogin(app, process.argv)
  mainWindow = createMainWindow(settings, ready.store, { show: !inTray })
  const window = mainWindow
  tray = createTray(window.window, texts().tray)
  showRecoveryInTray(ready.recovery.current())
  // Backups (with their integrity check), retention and the team outbox: once the window's page
  // has loaded, so they do not compete with its first card (as in the web host).
  const background = deferredStart(() => {
    ready.backups.start()
    ready.retention.start()
    ready.team.start()
  }, BACKGROUND_START)
  window.window.webContents.once('did-finish-load', () => background.pageConnected())
  saveBeforeLeaving(
    app,
    powerMonitor,
    window.window,
    ready.flushes,
    () => {
      background.cancel()
      window.stopRememberingBounds()
      tray?.destroy()
      ready.close()
    },
    () => ready.backups.idle(QUIT_BACKUP_MS),
  )
  quitOnSignals(app)
  app.on('window-all-closed', () => app.quit())
  setCallLinks(settings.callLinks)
  setStartAtLogin(settings.startAtLogin)
  ready.integrations.start().catch((error: unknown) => {
    console.error(`calmdeck: the local API could not start (${error instanceof Error ? error.name : 'unknown'})`)
  })
  // This start's own command line (a softphone hook may have started CalmDeck), then any early links.
  ready.integrations.handleArgv(process.argv)
  for (const argv of earlyArgv.splice(0)) ready.integrations.handleArgv(argv)
}

/** A softphone call started: show the window if it is hidden, never taking focus. */
function revealWindow(): void {
  const window = mainWindow?.window
  if (window && !window.isDestroyed() && (!window.isVisible() || window.isMinimized())) window.showInactive()
}

function setCallLinks(on: boolean): void {
  if (on === callLinksOn) return
  callLinksOn = on
  applyCallLinks(app, on)
}

/** Host events go to every window; a settings change also re-applies opacity and pinning. */
function broadcast<E extends HostEvent>(event: E, data: HostEventData<E>): void {
  if (event === 'settings:changed' && mainWindow) {
    applyWindowSettings(mainWindow.window, data as HostEventData<'settings:changed'>)
    setCallLinks((data as HostEventData<'settings:changed'>).callLinks)
    setStartAtLogin((data as HostEventData<'settings:changed'>).startAtLogin)
    if (tray && services) {
      // The language may have changed: relabel the menu and the countdown.
      setTrayMenu(tray, mainWindow.window, texts().tray)
      showRecoveryInTray(services.recovery.current())
    }
  }
  if (event === 'recovery:changed') showRecoveryInTray(data as HostEventData<'recovery:changed'>)
  sendToAllWindows(event, data)
}

/** Show/hide is the shell's own business; moving in the deck is the renderer's. */
function onUiAction(action: ActionId, source: ActionSource): void {
  if (action === 'window-toggle') {
    if (mainWindow) toggleWindow(mainWindow.window)
  } else {
    sendToAllWindows('ui:action', { action, source })
  }
}

/**
 * better-sqlite3 built for Electron's ABI, set by `npm start`. Ignored in a packaged app, where an
 * environment variable must not be able to load a native library into the process.
 */
function devNativeBinding(): string | undefined {
  return app.isPackaged ? undefined : process.env.CALMDECK_NATIVE_BINDING || undefined
}

/**
 * A second start of the app: bring the window forward (without focus) and take its arguments. A
 * softphone's call event shows the window only as Settings say (see `revealWindow`).
 */
function onSecondInstance(argv: string[]): void {
  if (!hasCallEvent(argv) && mainWindow && !mainWindow.window.isDestroyed()) mainWindow.window.showInactive()
  handleForwardedArgs(argv)
}

/**
 * Where a second start's command line arrives, e.g. a softphone hook's `calmdeck --event
 * call-start`, or a link. The call integrations parse it. Never log argv: it may hold a number.
 */
function handleForwardedArgs(argv: readonly string[]): void {
  if (services) services.integrations.handleArgv(argv)
  else earlyArgv.push([...argv])
}

/** Tells the user why CalmDeck cannot start, then quits. A newer database is left untouched. */
function onStartFailure(error: unknown): void {
  const message =
    error instanceof NewerDatabaseError
      ? error.message
      : `CalmDeck could not start (${error instanceof Error ? error.name : 'unknown error'}). Please try again.`
  dialog.showErrorBox('CalmDeck cannot start', message)
  app.quit()
}
