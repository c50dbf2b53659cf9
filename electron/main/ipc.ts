import { BrowserWindow, type IpcMain, type IpcMainInvokeEvent } from 'electron'
import { channels, type HostEvent } from '../../shared/channels'
import type { HostEventData } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Dispatch } from '../services/dispatch'
import { isOwnRendererUrl } from './window'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** What an untrusted sender gets: the same answer as for a channel that does not exist. */
const refused: Result<never> = {
  ok: false,
  error: { code: 'unknown-channel', message: 'This request is not known to CalmDeck.' },
}

/**
 * Registers one handler per contract channel. Each checks the sender first, then hands the
 * payload to the dispatcher, which validates it against the channel's schema.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: SenderCheck): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrustedSender(event) ? dispatch(channel, payload, callerOf(event)) : refused,
    )
  }
}

/** Each window is a caller of its own (an import in pieces belongs to the window that began it). */
function callerOf(event: IpcMainInvokeEvent): string {
  try {
    return `window-${event.sender.id}`
  } catch {
    return 'window'
  }
}

/** The app's sender check: only the top frame of our own renderer may use the contract. */
export function isOwnRendererFrame(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isOwnRendererUrl(frame.url)
  } catch {
    // Electron throws when the frame was disposed (navigated away) before we looked at it.
    return false
  }
}

/** Sends a host event to every open window. */
export function sendToAllWindows<E extends HostEvent>(event: E, data: HostEventData<E>): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(event, data)
  }
}
