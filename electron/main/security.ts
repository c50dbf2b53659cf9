import { app, desktopCapturer, session, type OnHeadersReceivedListenerDetails, type WebContents } from 'electron'
import { handleDisplayMedia, isCueCapture, type CueCaptureOptions } from './cue-capture'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { isOwnRendererUrl } from './window'

/**
 * Electron's security checklist for everything that is not a webPreferences option: no new
 * windows, no navigation or redirect away from our renderer, no <webview>, every permission
 * denied but the live cues' audio while they are on (cue-capture.ts), and our CSP on every
 * response (the page also carries it in a meta tag, for file://). Call once the app is ready and
 * before the first window is created.
 */
export function applySecurity(cues: CueCaptureOptions): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents))

  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    callback(cues.cuesOn() && isCueCapture(permission, details.requestingUrl, mediaTypes))
  })
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      cues.cuesOn() &&
      isCueCapture(permission, details.requestingUrl ?? requestingOrigin, details.mediaType ? [details.mediaType] : []),
  )
  handleDisplayMedia(ses, desktopCapturer, cues)
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details) }))
}

function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => {
    if (!isOwnRendererUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isOwnRendererUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The response headers with any Content-Security-Policy replaced by ours. */
function withCsp(details: OnHeadersReceivedListenerDetails): Record<string, string[]> {
  const headers: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
  }
  headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return headers
}
