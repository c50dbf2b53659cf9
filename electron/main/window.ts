import { BrowserWindow, screen, type Rectangle } from 'electron'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Settings } from '../../shared/settings'
import { APP_NAME } from '../services/storage/data-dir'
import type { KeyValueStore } from '../services/settings/settings-service'
import { clampBounds, savedBoundsSchema, type Rect } from '../services/window-bounds'

/** The built renderer and preload, beside this file's folder (out/main) in dev and in the asar. */
const RENDERER_DIR = path.join(__dirname, '../renderer')
const PRELOAD_FILE = path.join(__dirname, '../preload/index.js')

const BOUNDS_KEY = 'window.bounds'
const DEFAULT_SIZE = { width: 340, height: 520 }
const MIN_SIZE = { width: 300, height: 420 }
const BOUNDS_SAVE_DELAY_MS = 500

export interface MainWindow {
  window: BrowserWindow
  /** Saves the bounds one last time and stops watching them (the database is about to close). */
  stopRememberingBounds(): void
}

/**
 * Creates the compact, sandboxed window at its remembered place (clamped to the displays that
 * exist now). It appears without taking focus, so typing in the softphone is never interrupted.
 */
export function createMainWindow(
  settings: Settings,
  store: KeyValueStore,
  /** `show: false` keeps it in the tray (started at login with "start in the tray"). */
  options: { show: boolean } = { show: true },
): MainWindow {
  const bounds = clampBounds(store.read(BOUNDS_KEY, savedBoundsSchema), DEFAULT_SIZE, workAreas())
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: APP_NAME,
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: PRELOAD_FILE,
    },
  })
  applyWindowSettings(window, settings)
  if (options.show) window.once('ready-to-show', () => window.showInactive())
  const stopRememberingBounds = rememberBounds(window, (saved) => store.write(BOUNDS_KEY, saved))
  loadRenderer(window)
  return { window, stopRememberingBounds }
}

/**
 * Applies the window-related settings. Pinned means above everything, full-screen apps included
 * ('screen-saver' level on Windows/macOS), and on every workspace. Both are ignored on Wayland.
 */
export function applyWindowSettings(window: BrowserWindow, settings: Pick<Settings, 'opacity' | 'alwaysOnTop'>): void {
  if (window.isDestroyed()) return
  window.setOpacity(settings.opacity)
  window.setAlwaysOnTop(settings.alwaysOnTop, 'screen-saver')
  window.setVisibleOnAllWorkspaces(settings.alwaysOnTop, { visibleOnFullScreen: true })
}

/** True for our own renderer: a file under out/renderer, or the dev server in development. */
export function isOwnRendererUrl(url: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (parsed.protocol === 'file:') return isInsideRendererDir(parsed)
  const devUrl = parseUrl(process.env.ELECTRON_RENDERER_URL ?? '')
  return devUrl !== undefined && parsed.origin === devUrl.origin
}

function isInsideRendererDir(fileUrl: URL): boolean {
  try {
    return path.resolve(fileURLToPath(fileUrl)).startsWith(RENDERER_DIR + path.sep)
  } catch {
    return false
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

function loadRenderer(window: BrowserWindow): void {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  const loading = devUrl ? window.loadURL(devUrl) : window.loadFile(path.join(RENDERER_DIR, 'index.html'))
  loading.catch((error: unknown) => {
    console.error(
      `calmdeck: the window could not load its page (${error instanceof Error ? error.name : 'unknown error'})`,
    )
  })
}

/** Work areas of the connected displays, the primary one first. */
function workAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return [primary, ...others].map((display) => display.workArea)
}

/** Saves the window's normal bounds shortly after a move or resize, and at once on close. */
function rememberBounds(window: BrowserWindow, save: (bounds: Rect) => void): () => void {
  let timer: NodeJS.Timeout | undefined
  const saveNow = () => {
    clearTimeout(timer)
    if (!window.isDestroyed()) save(roundRect(window.getNormalBounds()))
  }
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(saveNow, BOUNDS_SAVE_DELAY_MS)
  }
  window.on('move', saveSoon)
  window.on('resize', saveSoon)
  window.on('close', saveNow)
  return () => {
    saveNow()
    window.removeListener('move', saveSoon)
    window.removeListener('resize', saveSoon)
    window.removeListener('close', saveNow)
  }
}

function roundRect(rect: Rect): Rect {
  return {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  }
}
