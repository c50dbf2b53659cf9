import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron'
import path from 'node:path'
import type { HostTexts } from '../../shared/i18n/host-catalog'

/**
 * The tray icon: a click shows or hides the window (without taking focus); the menu offers the
 * same plus Quit. Some Linux desktops only show the menu, which is why Show and Hide are in it.
 * Keep the returned Tray referenced, or it is garbage-collected and disappears.
 */
export function createTray(window: BrowserWindow, texts: HostTexts['tray']): Tray {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath()))
  tray.setToolTip(texts.tooltip)
  setTrayMenu(tray, window, texts)
  tray.on('click', () => toggleWindow(window))
  return tray
}

/** (Re)builds the tray menu in the given language, e.g. after the language setting changed. */
export function setTrayMenu(tray: Tray, window: BrowserWindow, texts: HostTexts['tray']): void {
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: texts.show, click: () => show(window) },
      { label: texts.hide, click: () => hide(window) },
      { type: 'separator' },
      { label: texts.quit, click: () => app.quit() },
    ]),
  )
}

/** resources/tray.png: beside the app in development, in the resources folder when packaged. */
function trayIconPath(): string {
  const folder = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources')
  return path.join(folder, 'tray.png')
}

/** Hides a visible window, or shows a hidden one without taking focus. */
export function toggleWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isVisible()) window.hide()
  else window.showInactive()
}

function show(window: BrowserWindow): void {
  if (!window.isDestroyed()) window.showInactive()
}

function hide(window: BrowserWindow): void {
  if (!window.isDestroyed()) window.hide()
}
