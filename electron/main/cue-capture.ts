import type { App, DesktopCapturer, DisplayMediaRequestHandlerHandlerRequest, Session } from 'electron'
import { isOwnRendererUrl } from './window'

/**
 * What the live call cues may capture in the desktop app, and nothing more: while cues are on,
 * our own top frame may open the microphone (audio only) and the computer's sound — a screen
 * capture answered with `audio: 'loopback'`, whose video track the window stops at once. Every
 * other permission stays denied. The cues never record: the window measures levels and drops
 * the sound (see renderer/src/cues/).
 */

/**
 * Linux: screen-share loopback of the default sink's monitor (PulseAudio, PipeWire's pulse server).
 * Must be set before the app is ready; Windows 10+ has loopback natively, macOS 13+ through
 * ScreenCaptureKit / the CoreAudio tap (Info.plist's NSAudioCaptureUsageDescription, see
 * electron-builder.yml).
 */
export function enableLoopbackCapture(app: Pick<App, 'commandLine'>, platform: NodeJS.Platform): void {
  if (platform === 'linux') app.commandLine.appendSwitch('enable-features', 'PulseaudioLoopbackForScreenShare')
}

export interface CueCaptureOptions {
  /** Live call cues are on (and not locked off by IT). */
  cuesOn: () => boolean
}

/** A permission request from our renderer for the cues: the microphone (no camera), or screen capture for the loopback. */
export function isCueCapture(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  if (!isOwnRendererUrl(requestingUrl)) return false
  if (permission === 'display-capture') return true
  return permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio')
}

/** Answers the window's getDisplayMedia with a screen (its video dropped by the window) and the system's sound. */
export function handleDisplayMedia(
  session: Pick<Session, 'setDisplayMediaRequestHandler'>,
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>,
  options: CueCaptureOptions,
): void {
  session.setDisplayMediaRequestHandler((request: DisplayMediaRequestHandlerHandlerRequest, callback) => {
    const frameUrl = request.frame?.url ?? ''
    if (!options.cuesOn() || !isOwnRendererUrl(frameUrl) || request.frame?.parent) {
      callback({})
      return
    }
    desktopCapturer
      .getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } })
      .then((sources) => {
        const screen = sources[0]
        callback(screen ? { video: screen, audio: 'loopback' } : {})
      })
      .catch(() => callback({}))
  })
}
