import { app, dialog, globalShortcut, ipcMain, type Tray } from 'electron'
import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { HostEventData } from '../../shared/contract'
import { createAppServices } from '../services/app-services'
import { NewerDatabaseError } from '../services/database'
import { defaultDataDir } from '../services/data-dir'
import { isOwnRendererFrame, registerIpc, sendToAllWindows } from './ipc'
import { applySecurity } from './security'
import { electronShortcuts } from './shortcuts'
import { createTray, toggleWindow } from './tray'
import { applyWindowSettings, createMainWindow, type MainWindow } from './window'

const dataDir = defaultDataDir()
let mainWindow: MainWindow | undefined
/** Held here so the tray icon is not garbage-collected. */
let tray: Tray | undefined

// Before the lock: Electron keeps the single-instance lock in the userData folder.
app.setPath('userData', dataDir)

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', (_event, argv) => onSecondInstance(argv))
  app.whenReady().then(onReady).catch(onStartFailure)
} else {
  app.quit()
}

function onReady(): void {
  const services = createAppServices({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    nativeBinding: devNativeBinding(),
    broadcast,
    shortcuts: electronShortcuts(globalShortcut),
    onUiAction,
    log: (line) => console.error(`calmdeck: ${line}`),
  })
  app.on('before-quit', () => {
    mainWindow?.stopRememberingBounds()
    tray?.destroy()
    services.close()
  })
  applySecurity()
  registerIpc(ipcMain, services.dispatch, isOwnRendererFrame)
  mainWindow = createMainWindow(services.settings.get(), services.store)
  tray = createTray(mainWindow.window)
  app.on('window-all-closed', () => app.quit())
}

/** Host events go to every window; a settings change also re-applies opacity and pinning. */
function broadcast<E extends HostEvent>(event: E, data: HostEventData<E>): void {
  if (event === 'settings:changed' && mainWindow) {
    applyWindowSettings(mainWindow.window, data as HostEventData<'settings:changed'>)
  }
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

/** A second start of the app: bring the window forward (without focus) and take its arguments. */
function onSecondInstance(argv: string[]): void {
  if (mainWindow && !mainWindow.window.isDestroyed()) mainWindow.window.showInactive()
  handleForwardedArgs(argv)
}

/**
 * Where a second start's command line arrives, e.g. a softphone hook's `calmdeck --event
 * call-start`. The calls service will parse it here. Never log argv: it may hold a caller number.
 */
function handleForwardedArgs(_argv: readonly string[]): void {}

/** Tells the user why CalmDeck cannot start, then quits. A newer database is left untouched. */
function onStartFailure(error: unknown): void {
  const message =
    error instanceof NewerDatabaseError
      ? error.message
      : `CalmDeck could not start (${error instanceof Error ? error.name : 'unknown error'}). Please try again.`
  dialog.showErrorBox('CalmDeck cannot start', message)
  app.quit()
}
