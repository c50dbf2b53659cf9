/**
 * Loads the BUILT main process (out/main/boot.js, the app's entry, which loads index.js; from
 * `electron-vite build`) with a recording
 * stand-in for `electron`, and checks the shell's wiring: single instance, IPC, window, security,
 * tray, settings reaching the window, and bounds surviving a restart.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channels } from '../../shared/channels'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { tempDir } from '../helpers/temp-dir'
import { createElectronFake, fakeEvent, type ElectronFake } from '../mocks/electron'
import { waitFor } from '../helpers/wait-for'

const root = path.resolve(__dirname, '../..')
const outMain = path.join(root, 'out/main')
const mainEntry = path.join(outMain, 'boot.js')
const rendererPage = pathToFileURL(path.join(root, 'out/renderer/index.html')).href
const requireHere = createRequire(__filename)
const electronId = requireHere.resolve('electron')

type Handler = (event: unknown, payload: unknown) => Promise<unknown> | unknown
type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }

type SignalName = 'SIGTERM' | 'SIGINT'
type SignalListener = (signal: SignalName) => void
/** The signal listeners the loaded mains added to this process: removed after the file's tests. */
const addedSignalListeners: [SignalName, SignalListener][] = []
afterAll(() => {
  for (const [signal, listener] of addedSignalListeners.splice(0)) process.off(signal, listener)
})

/**
 * Runs the built main with `fake` as `electron`, then waits until `whenReady` work is done.
 * Resolves with the signal listeners it added to the process.
 */
async function loadMain(fake: ElectronFake, configHome: string): Promise<Record<SignalName, SignalListener[]>> {
  const before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') }
  if (!fs.existsSync(mainEntry)) throw new Error('out/main/boot.js is missing: run `npx electron-vite build` first')
  process.env.XDG_CONFIG_HOME = configHome
  for (const id of Object.keys(requireHere.cache)) {
    if (id.startsWith(outMain + path.sep)) delete requireHere.cache[id]
  }
  const stub = new Module(electronId)
  stub.exports = fake.module
  stub.loaded = true
  requireHere.cache[electronId] = stub
  requireHere(mainEntry)
  await new Promise((resolve) => setImmediate(resolve))
  const added = (signal: SignalName) => {
    const listeners = process.listeners(signal).filter((listener) => !before[signal].includes(listener))
    for (const listener of listeners) addedSignalListeners.push([signal, listener])
    return listeners
  }
  return { SIGTERM: added('SIGTERM'), SIGINT: added('SIGINT') }
}

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

function tempConfigHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-main-'))
  tempDirs.push(dir)
  return dir
}

function frameEvent(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } }
}

async function invoke(
  fake: ElectronFake,
  channel: string,
  payload: unknown,
  event = frameEvent(rendererPage),
): Promise<Answer> {
  const handler = fake.ipcHandlers.get(channel) as Handler | undefined
  if (!handler) throw new Error(`no handler for ${channel}`)
  return (await handler(event, payload)) as Answer
}

/**
 * Quits as Electron would: before-quit is held while the window is asked to save its notes; the
 * fake renderer answers `app:flush` like the real one, then the shell closes everything.
 */
async function quit(fake: ElectronFake): Promise<void> {
  const quits = callsNamed(fake.calls, 'app.quit').length
  const event = fakeEvent()
  fake.app.emit('before-quit', event)
  expect(event.prevented).toBe(true)
  await saveAndQuit(fake, quits)
}

/**
 * The quit is held: the fake renderer answers the last `app:flush` like the real one, then a
 * backup in progress may finish (bounded) before the shell closes and calls `app.quit()` again.
 */
async function saveAndQuit(fake: ElectronFake, quitsBefore: number): Promise<void> {
  const ask = fake.windows[0]?.webContents.sent.filter((sent) => sent.name === 'app:flush').at(-1)
  const { requestId } = (ask?.args[0] ?? {}) as { requestId?: number }
  if (requestId === undefined) throw new Error('the window was not asked to save before quitting')
  expect(await invoke(fake, 'app:flushed', { requestId })).toMatchObject({ ok: true })
  await waitFor('the shell to quit', () => callsNamed(fake.calls, 'app.quit').length > quitsBefore)
}

function callsNamed(list: { name: string; args: unknown[] }[], name: string): unknown[][] {
  return list.filter((call) => call.name === name).map((call) => call.args)
}

function readBounds(configHome: string): unknown {
  const db = new Database(path.join(configHome, 'CalmDeck', 'calmdeck.sqlite3'), { readonly: true })
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'window.bounds'").get() as
      { value: string } | undefined
    return row && JSON.parse(row.value)
  } finally {
    db.close()
  }
}

describe('electron main, first instance', () => {
  const configHome = tempConfigHome()
  let fake: ElectronFake
  const win = () => {
    const window = fake.windows[0]
    if (!window) throw new Error('no window was created')
    return window
  }

  beforeAll(async () => {
    fake = createElectronFake()
    await loadMain(fake, configHome)
  })

  it('points userData at the data folder, then asks for the single-instance lock', () => {
    const names = fake.calls.map((call) => call.name)
    expect(callsNamed(fake.calls, 'app.setPath')).toEqual([['userData', path.join(configHome, 'CalmDeck')]])
    expect(names.indexOf('app.setPath')).toBeLessThan(names.indexOf('app.requestSingleInstanceLock'))
    expect(names).toContain('app.requestSingleInstanceLock')
    expect(names).not.toContain('app.quit')
    expect(names).not.toContain('dialog.showErrorBox')
  })

  it('registers exactly one IPC handler per contract channel', () => {
    const registered = callsNamed(fake.calls, 'ipcMain.handle').map(([channel]) => channel)
    expect([...registered].sort()).toEqual([...channels].sort())
  })

  it('creates one compact, isolated, sandboxed window with the preload', () => {
    expect(fake.windows).toHaveLength(1)
    const options = win().options
    expect(options).toMatchObject({ width: 340, height: 520, minWidth: 300, minHeight: 420, show: false })
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(root, 'out/preload/index.js'),
    })
  })

  it('centres the window on the display and loads the built renderer', () => {
    expect(win().options).toMatchObject({ x: 790, y: 280 })
    expect(callsNamed(win().calls, 'loadFile')).toEqual([[path.join(root, 'out/renderer/index.html')]])
  })

  it('pins the window above full-screen apps on every workspace, with the stored opacity', () => {
    expect(callsNamed(win().calls, 'setAlwaysOnTop')).toEqual([[true, 'screen-saver']])
    expect(callsNamed(win().calls, 'setVisibleOnAllWorkspaces')).toEqual([[true, { visibleOnFullScreen: true }]])
    expect(callsNamed(win().calls, 'setOpacity')).toEqual([[1]])
  })

  it('shows the window without taking focus once it is ready', () => {
    expect(callsNamed(win().calls, 'showInactive')).toHaveLength(0)
    win().emit('ready-to-show')
    expect(callsNamed(win().calls, 'showInactive')).toHaveLength(1)
    expect(callsNamed(win().calls, 'show')).toHaveLength(0)
  })

  it('denies new windows, foreign navigation and redirects, and webviews', () => {
    const contents = win().webContents
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })

    for (const name of ['will-navigate', 'will-redirect']) {
      const foreign = fakeEvent('https://evil.example/')
      contents.emit(name, foreign, foreign.url)
      expect(foreign.prevented, name).toBe(true)
      const own = fakeEvent(rendererPage)
      contents.emit(name, own, own.url)
      expect(own.prevented, name).toBe(false)
    }
    const outside = fakeEvent(pathToFileURL(path.join(root, 'package.json')).href)
    contents.emit('will-navigate', outside, outside.url)
    expect(outside.prevented).toBe(true)

    const webview = fakeEvent()
    contents.emit('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)
  })

  it('denies every permission request and check while live cues are off (the default)', () => {
    const answers: boolean[] = []
    const own = { requestingUrl: rendererPage, mediaTypes: ['audio'] }
    fake.sessionHandlers.permissionRequest?.({}, 'media', (granted) => answers.push(granted), own)
    fake.sessionHandlers.permissionRequest?.({}, 'display-capture', (granted) => answers.push(granted), own)
    fake.sessionHandlers.permissionRequest?.({}, 'notifications', (granted) => answers.push(granted), own)
    expect(answers).toEqual([false, false, false])
    expect(fake.sessionHandlers.permissionCheck?.({}, 'media', 'file://', { requestingUrl: rendererPage })).toBe(false)
    let answer: unknown
    fake.sessionHandlers.displayMedia?.({ frame: { url: rendererPage, parent: null } }, (streams) => (answer = streams))
    expect(answer).toEqual({})
  })

  it('sets the Linux loopback switch before the app is ready', () => {
    const names = fake.calls.map((call) => call.name)
    if (process.platform === 'linux') {
      expect(callsNamed(fake.calls, 'app.commandLine.appendSwitch')).toEqual([
        ['enable-features', 'PulseaudioLoopbackForScreenShare'],
      ])
      expect(names.indexOf('app.commandLine.appendSwitch')).toBeLessThan(names.indexOf('app.whenReady'))
    } else {
      expect(callsNamed(fake.calls, 'app.commandLine.appendSwitch')).toEqual([])
    }
  })

  it('replaces any Content-Security-Policy header with ours', () => {
    let response: { responseHeaders?: Record<string, string[]> } | undefined
    fake.sessionHandlers.headersReceived?.(
      { responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      (value) => (response = value as typeof response),
    )
    expect(response?.responseHeaders).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })

  it('answers our renderer through the services', async () => {
    const answer = await invoke(fake, 'settings:get', {})
    expect(answer.ok).toBe(true)
    expect(answer.value).toMatchObject({ opacity: 1, alwaysOnTop: true })
  })

  it('answers a malformed payload with invalid-request', async () => {
    expect((await invoke(fake, 'settings:update', { opacity: 'very' })).error?.code).toBe('invalid-request')
    expect((await invoke(fake, 'settings:get', { extra: true })).error?.code).toBe('invalid-request')
  })

  it('refuses untrusted senders without reaching the services', async () => {
    const evil = await invoke(fake, 'settings:update', { opacity: 0.5 }, frameEvent('https://evil.example/'))
    expect(evil).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const subframe = await invoke(
      fake,
      'settings:update',
      { opacity: 0.5 },
      frameEvent(rendererPage, { url: rendererPage }),
    )
    expect(subframe.ok).toBe(false)
    const noFrame = await invoke(fake, 'settings:update', { opacity: 0.5 }, { senderFrame: null } as never)
    expect(noFrame.ok).toBe(false)

    expect((await invoke(fake, 'settings:get', {})).value).toMatchObject({ opacity: 1 })
    // Nothing changed, so nothing was announced (the start's own backup may report itself).
    expect(win().webContents.sent.filter((message) => message.name !== 'backups:changed')).toHaveLength(0)
    expect(callsNamed(win().calls, 'setOpacity')).toEqual([[1]])
  })

  it('applies a settings change to the window and tells the renderer', async () => {
    const answer = await invoke(fake, 'settings:update', { opacity: 0.7, alwaysOnTop: false })
    expect(answer.ok).toBe(true)
    expect(callsNamed(win().calls, 'setOpacity').at(-1)).toEqual([0.7])
    expect(callsNamed(win().calls, 'setAlwaysOnTop').at(-1)).toEqual([false, 'screen-saver'])
    const settingsEvents = win().webContents.sent.filter((sent) => sent.name === 'settings:changed')
    expect(settingsEvents).toEqual([{ name: 'settings:changed', args: [answer.value] }])
  })

  it('puts a tray icon with Show, Hide and Quit, and toggles the window on click', () => {
    expect(fake.trays).toHaveLength(1)
    expect(callsNamed(fake.calls, 'nativeImage.createFromPath')).toEqual([
      [path.join('/fake/app', 'resources', 'tray.png')],
    ])
    const template = fake.menus[0] ?? []
    expect(template.filter((item) => item.label).map((item) => item.label)).toEqual(['Show', 'Hide', 'Quit'])

    win().visible = true
    fake.trays[0]?.emit('click')
    expect(callsNamed(win().calls, 'hide')).toHaveLength(1)
    fake.trays[0]?.emit('click')
    expect(callsNamed(win().calls, 'showInactive')).toHaveLength(2)

    template.find((item) => item.label === 'Quit')?.click?.()
    expect(callsNamed(fake.calls, 'app.quit')).toHaveLength(1)
  })

  it('shows the window without focus when a second instance starts', () => {
    const before = callsNamed(win().calls, 'showInactive').length
    fake.app.emit('second-instance', {}, ['calmdeck'], '/')
    expect(callsNamed(win().calls, 'showInactive')).toHaveLength(before + 1)
  })

  it('opens a call from a forwarded softphone command line, showing a hidden window without focus', async () => {
    win().hide()
    const before = callsNamed(win().calls, 'showInactive').length
    fake.app.emit('second-instance', {}, ['calmdeck', '--event', 'call-start', '--number', '0612345678'], '/')
    const current = await invoke(fake, 'calls:current', {})
    expect(current.value?.call).toMatchObject({ caller: '…5678', source: 'integration' })
    expect(callsNamed(win().calls, 'showInactive')).toHaveLength(before + 1)
    expect(callsNamed(win().calls, 'show')).toHaveLength(0)
    // The same call reported again by the hook does not bring the window forward again.
    fake.app.emit('second-instance', {}, ['calmdeck', '--event', 'call-end'], '/')
    expect((await invoke(fake, 'calls:current', {})).value?.call).toBeNull()
  })

  it('registers for call links only when the setting is turned on', async () => {
    expect(callsNamed(fake.calls, 'app.setAsDefaultProtocolClient')).toHaveLength(0)
    await invoke(fake, 'settings:update', { callLinks: true })
    expect(callsNamed(fake.calls, 'app.setAsDefaultProtocolClient').map((args) => args[0])).toEqual([
      'tel',
      'sip',
      'callto',
    ])
    fake.app.emit('second-instance', {}, ['calmdeck', 'tel:+31205550123'], '/')
    const current = await invoke(fake, 'calls:current', {})
    expect(current.value?.call).toMatchObject({ caller: '…0123', direction: 'outbound' })
    await invoke(fake, 'actions:perform', { action: 'call-end' })
    await invoke(fake, 'settings:update', { callLinks: false })
    expect(callsNamed(fake.calls, 'app.removeAsDefaultProtocolClient')).toHaveLength(3)
  })

  it('asks the window to save notes, then saves the bounds and closes the database before quitting', async () => {
    win().normalBounds = { x: 2400, y: 100, width: 360, height: 600 }
    const quits = callsNamed(fake.calls, 'app.quit').length
    await quit(fake)
    expect(callsNamed(fake.calls, 'app.quit')).toHaveLength(quits + 1)
    // Closing the last connection checkpoints the WAL and removes it.
    expect(fs.existsSync(path.join(configHome, 'CalmDeck', 'calmdeck.sqlite3-wal'))).toBe(false)
    expect(readBounds(configHome)).toEqual({ x: 2400, y: 100, width: 360, height: 600 })
    expect(fake.trays[0]?.destroyed).toBe(true)
  })

  it('restores the saved bounds on the next start, clamped to the displays that exist now', async () => {
    const next = createElectronFake()
    await loadMain(next, configHome)
    expect(next.windows[0]?.options).toMatchObject({ x: 1920 - 360, y: 100, width: 360, height: 600 })
    await quit(next)
  })
})

describe('electron main, global hotkeys', () => {
  const configHome = tempConfigHome()
  const taken = 'CommandOrControl+Alt+Shift+B'
  let fake: ElectronFake

  beforeAll(async () => {
    fake = createElectronFake({ takenShortcuts: [taken] })
    await loadMain(fake, configHome)
  })

  const press = (accelerator: string) => {
    const callback = fake.shortcuts.get(accelerator)
    if (!callback) throw new Error(`${accelerator} is not bound`)
    callback()
  }

  it('binds the default hotkeys and names the one another program holds', async () => {
    expect(fake.shortcuts.has('CommandOrControl+Alt+Shift+C')).toBe(true)
    const status = await invoke(fake, 'hotkeys:status', {})
    const failed = (status.value?.bindings as { accelerator: string; registered: boolean }[]).filter(
      (b) => !b.registered,
    )
    expect(failed.map((binding) => binding.accelerator)).toEqual([taken])
  })

  it('logs from a hotkey without showing or focusing the window, and tells the renderer', async () => {
    const window = fake.windows[0]!
    const before = window.calls.length
    press('CommandOrControl+Alt+Shift+A')
    const state = await invoke(fake, 'calls:current', {})
    expect((state.value?.recent as { kind: string; source: string }[]).map((event) => event.kind)).toEqual([
      'call-started',
      'anger-rising',
    ])
    expect(window.calls.slice(before).map((call) => call.name)).toEqual([])
    expect(window.webContents.sent.map((sent) => sent.name)).toContain('actions:performed')
  })

  it('moves the deck in the renderer and toggles the window from the shell', () => {
    const window = fake.windows[0]!
    press('CommandOrControl+Alt+Shift+PageDown')
    expect(window.webContents.sent.at(-1)).toEqual({
      name: 'ui:action',
      args: [{ action: 'deck-next', source: 'hotkey' }],
    })
    window.visible = true
    press('CommandOrControl+Alt+Shift+H')
    expect(window.visible).toBe(false)
    press('CommandOrControl+Alt+Shift+H')
    expect(callsNamed(window.calls, 'showInactive').length).toBeGreaterThan(0)
    expect(callsNamed(window.calls, 'show')).toEqual([])
  })

  it('tells the agent when a recovery break is over, and shows the time left in the tray', async () => {
    await invoke(fake, 'recovery:start', { minutes: 1 })
    expect(fake.trays[0]?.tooltip).toMatch(/^CalmDeck — recovery break, 1 min left$/)
    await invoke(fake, 'recovery:end', {})
    expect(fake.trays[0]?.tooltip).toBe('CalmDeck')
    expect(fake.notifications).toEqual([])
  })

  it('asks the window to save before the machine sleeps', () => {
    const window = fake.windows[0]!
    fake.powerMonitor.emit('suspend')
    expect(window.webContents.sent.at(-1)?.name).toBe('app:flush')
  })

  it('releases the hotkeys when quitting', async () => {
    await quit(fake)
    expect(fake.shortcuts.size).toBe(0)
  })
})

describe('electron main, background work after the first page', () => {
  it("starts backups, retention and the team outbox only once the window's page has loaded", async () => {
    const configHome = tempConfigHome()
    // An interrupted backup's leftover: the backup schedule removes it when it starts.
    const leftover = path.join(configHome, 'CalmDeck', 'backups', '.incomplete-calmdeck-test.sqlite3')
    fs.mkdirSync(path.dirname(leftover), { recursive: true })
    fs.writeFileSync(leftover, '')
    // The shell's own clock, so the test does not depend on how fast this machine is right now.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let fake: ElectronFake
    try {
      fake = createElectronFake()
      await loadMain(fake, configHome)
      vi.advanceTimersByTime(1000)
      expect(fs.existsSync(leftover)).toBe(true)
      fake.windows[0]?.webContents.emit('did-finish-load')
      // Half a second after the page, before the fallback (1.5 s after the start).
      vi.advanceTimersByTime(499)
      expect(fs.existsSync(leftover)).toBe(true)
      vi.advanceTimersByTime(1)
      expect(fs.existsSync(leftover)).toBe(false)
    } finally {
      vi.useRealTimers()
    }
    await quit(fake)
  })

  it('starts them a moment after the start when no page ever loads', async () => {
    const configHome = tempConfigHome()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let fake: ElectronFake
    try {
      fake = createElectronFake()
      await loadMain(fake, configHome)
      vi.advanceTimersByTime(1500)
    } finally {
      vi.useRealTimers()
    }
    const backups = path.join(configHome, 'CalmDeck', 'backups')
    await waitFor('the start backup', () => listBackups(backups).some((name) => name.endsWith('-daily.sqlite3')))
    await quit(fake)
  })
})

describe('electron main, stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'quits on %s like the tray: the window saves, then the shutdown backup holds every call',
    async (signal) => {
      const configHome = tempConfigHome()
      const fake = createElectronFake()
      const listeners = await loadMain(fake, configHome)
      for (let i = 0; i < 3; i++) {
        expect(await invoke(fake, 'actions:perform', { action: 'call-start' })).toMatchObject({ ok: true })
        expect(await invoke(fake, 'actions:perform', { action: 'call-end' })).toMatchObject({ ok: true })
      }
      expect(listeners[signal]).toHaveLength(1)
      const quits = callsNamed(fake.calls, 'app.quit').length
      listeners[signal][0]?.(signal)
      // The signal asks Electron to quit, which then announces before-quit as for the tray's Quit.
      expect(callsNamed(fake.calls, 'app.quit')).toHaveLength(quits + 1)
      await quit(fake)
      const backups = path.join(configHome, 'CalmDeck', 'backups')
      const newest = listBackups(backups).at(-1)
      if (!newest) throw new Error('no backup was made')
      const db = new Database(path.join(backups, newest), { readonly: true, fileMustExist: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.prepare('SELECT count(*) AS n FROM calls WHERE ended_at IS NOT NULL').get()).toEqual({ n: 3 })
      } finally {
        db.close()
      }
    },
  )
})

/** The finished backups in a folder, oldest first (their names start with the time). */
function listBackups(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => /^calmdeck-.*\.sqlite3$/.test(name))
        .sort()
    : []
}

describe('electron main, a recovery break running out', () => {
  it('shows a notification when the break is over, and clears the tray countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    try {
      const fake = createElectronFake()
      await loadMain(fake, tempConfigHome())
      await invoke(fake, 'recovery:start', { minutes: 1 })
      expect(fake.trays[0]?.tooltip).toBe('CalmDeck — recovery break, 1 min left')
      vi.advanceTimersByTime(61_000)
      expect(fake.notifications).toEqual([{ title: 'CalmDeck', body: expect.stringMatching(/over/), silent: true }])
      expect(fake.trays[0]?.tooltip).toBe('CalmDeck')
      await quit(fake)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('electron main, in the language of the system or the setting', () => {
  /** The tray menu's labels as last set. */
  const trayLabels = (fake: ElectronFake) =>
    ((fake.trays[0]?.menu as { template?: { label?: string }[] } | undefined)?.template ?? [])
      .map((item) => item.label)
      .filter(Boolean)

  it("speaks the system's first app language in the tray and the notification, and follows a set language", async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    try {
      const fake = createElectronFake({ systemLanguages: ['de-DE', 'nl-NL', 'en-US'] })
      await loadMain(fake, tempConfigHome())
      expect(trayLabels(fake)).toEqual(['Tonen', 'Verbergen', 'Afsluiten'])
      await invoke(fake, 'recovery:start', { minutes: 1 })
      expect(fake.trays[0]?.tooltip).toBe('CalmDeck — herstelpauze, nog 1 min')
      vi.advanceTimersByTime(61_000)
      expect(fake.notifications).toEqual([
        { title: 'CalmDeck', body: 'Je herstelpauze is voorbij. Welkom terug.', silent: true },
      ])

      await invoke(fake, 'settings:update', { locale: 'hr' })
      expect(trayLabels(fake)).toEqual(['Prikaži', 'Sakrij', 'Izađi'])
      await invoke(fake, 'recovery:start', { minutes: 1 })
      expect(fake.trays[0]?.tooltip).toBe('CalmDeck — predah, još 1 min')
      await invoke(fake, 'settings:update', { locale: 'en' })
      expect(trayLabels(fake)).toEqual(['Show', 'Hide', 'Quit'])
      expect(fake.trays[0]?.tooltip).toBe('CalmDeck — recovery break, 1 min left')
      await quit(fake)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('electron main, start at login (Linux: the real XDG autostart file)', () => {
  const autostartFile = (configHome: string) => path.join(configHome, 'autostart', 'calmdeck.desktop')

  it('writes the autostart file when turned on and removes it when turned off', async () => {
    const configHome = tempConfigHome()
    const fake = createElectronFake()
    await loadMain(fake, configHome)
    expect(fs.existsSync(autostartFile(configHome))).toBe(false)
    expect(await invoke(fake, 'settings:update', { startAtLogin: true })).toMatchObject({ ok: true })
    const entry = fs.readFileSync(autostartFile(configHome), 'utf8')
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=CalmDeck\n')
    // Not packaged: Electron with the app folder, then the login marker.
    expect(entry).toContain(`Exec=${process.execPath} /fake/app --login\n`)
    expect(await invoke(fake, 'settings:update', { startAtLogin: false })).toMatchObject({ ok: true })
    expect(fs.existsSync(autostartFile(configHome))).toBe(false)
    expect(callsNamed(fake.calls, 'app.setLoginItemSettings')).toEqual([])
    await quit(fake)
  })

  it('stays in the tray when started at login with "start in the tray", and shows itself otherwise', async () => {
    const configHome = tempConfigHome()
    const first = createElectronFake()
    await loadMain(first, configHome)
    await invoke(first, 'settings:update', { startAtLogin: true, startInTray: true })
    await quit(first)

    const byHand = createElectronFake()
    await loadMain(byHand, configHome)
    byHand.windows[0]?.emit('ready-to-show')
    expect(callsNamed(byHand.windows[0]?.calls ?? [], 'showInactive')).toHaveLength(1)
    await quit(byHand)

    process.argv.push('--login')
    try {
      const atLogin = createElectronFake()
      await loadMain(atLogin, configHome)
      atLogin.windows[0]?.emit('ready-to-show')
      expect(callsNamed(atLogin.windows[0]?.calls ?? [], 'showInactive')).toHaveLength(0)
      expect(atLogin.trays).toHaveLength(1)
      // The tray still shows it.
      atLogin.trays[0]?.emit('click')
      expect(callsNamed(atLogin.windows[0]?.calls ?? [], 'showInactive')).toHaveLength(1)
      await quit(atLogin)
    } finally {
      process.argv.splice(process.argv.indexOf('--login'), 1)
    }
  })
})

describe('electron main, start at login on Windows and macOS (login item)', () => {
  it('sets the login item with --login on Windows and without arguments on macOS', async () => {
    const { applyStartAtLogin, startedAtLogin } = await import('../../electron/main/login-item')
    const fake = createElectronFake({ wasOpenedAtLogin: true })
    applyStartAtLogin(fake.app, true, 'win32')
    applyStartAtLogin(fake.app, false, 'win32')
    applyStartAtLogin(fake.app, true, 'darwin')
    expect(callsNamed(fake.calls, 'app.setLoginItemSettings')).toEqual([
      [{ openAtLogin: true, args: ['--login'] }],
      [{ openAtLogin: false, args: ['--login'] }],
      [{ openAtLogin: true, args: [] }],
    ])
    expect(startedAtLogin(fake.app, ['CalmDeck.exe', '--login'], 'win32')).toBe(true)
    expect(startedAtLogin(fake.app, ['CalmDeck.exe'], 'win32')).toBe(false)
    expect(startedAtLogin(fake.app, ['CalmDeck'], 'darwin')).toBe(true)
    expect(startedAtLogin(createElectronFake().app, ['CalmDeck'], 'darwin')).toBe(false)
  })
})

describe('electron main, --print-policy', () => {
  /** Loads the main with these arguments after `--print-policy`, keeping what it prints. */
  async function printPolicy(args: string[]) {
    const configHome = tempConfigHome()
    const printed = { out: [] as string[], err: [] as string[] }
    // Kept, and written at once: the shell exits from the write's callback.
    const keep = (into: string[]) =>
      ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
        into.push(String(chunk))
        const done = typeof encoding === 'function' ? encoding : callback
        if (typeof done === 'function') (done as () => void)()
        return true
      }) as typeof process.stdout.write
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep(printed.out))
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep(printed.err))
    process.argv.push('--print-policy', ...args)
    const fake = createElectronFake()
    try {
      await loadMain(fake, configHome)
    } finally {
      process.argv.splice(process.argv.indexOf('--print-policy'))
      out.mockRestore()
      err.mockRestore()
    }
    return { fake, configHome, out: printed.out.join(''), err: printed.err.join('') }
  }

  it('prints the policy in force as JSON and exits, before any lock, window or database', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const file = path.join(dir, 'policy.json')
      fs.writeFileSync(file, JSON.stringify({ locked: { theme: 'dark' }, defaults: { recoveryMinutes: 7 } }))
      const { fake, configHome, out, err } = await printPolicy(['--policy', file])
      expect(err).toBe('')
      expect(JSON.parse(out)).toMatchObject({
        sources: [{ kind: 'file', source: file, found: true }],
        entries: [
          { path: 'defaults.recoveryMinutes', value: 7, source: file, locked: false },
          { path: 'locked.theme', value: 'dark', source: file, locked: true },
        ],
        locked: ['theme'],
        problems: [],
      })
      expect(callsNamed(fake.calls, 'app.exit')).toEqual([[0]])
      const names = fake.calls.map((call) => call.name)
      expect(names).not.toContain('app.requestSingleInstanceLock')
      expect(names).not.toContain('app.whenReady')
      expect(fake.windows).toHaveLength(0)
      expect(fs.existsSync(path.join(configHome, 'CalmDeck', 'calmdeck.sqlite3'))).toBe(false)
    } finally {
      cleanup()
    }
  })

  it('answers wrong arguments with the usage and exit status 2', async () => {
    const { fake, out, err } = await printPolicy(['--registy'])
    expect(out).toBe('')
    // In the system's language: the usage names both commands in every one.
    expect(err).toMatch(/^calmdeck policy: .*--registy.*\n\n.*npm run policy.*CalmDeck --print-policy/s)
    expect(callsNamed(fake.calls, 'app.exit')).toEqual([[2]])
    expect(fake.windows).toHaveLength(0)
  })
})

describe('electron main, when another instance holds the lock', () => {
  it('quits at once without a window, a handler or the database', async () => {
    const configHome = tempConfigHome()
    const fake = createElectronFake({ lock: false })
    await loadMain(fake, configHome)
    const names = fake.calls.map((call) => call.name)
    expect(names).toContain('app.quit')
    expect(names).not.toContain('app.whenReady')
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcHandlers.size).toBe(0)
    expect(fs.existsSync(path.join(configHome, 'CalmDeck', 'calmdeck.sqlite3'))).toBe(false)
  })
})

describe('electron main, with a database from a newer CalmDeck', () => {
  it('explains, quits and leaves the file untouched', async () => {
    const configHome = tempConfigHome()
    const file = path.join(configHome, 'CalmDeck', 'calmdeck.sqlite3')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const db = new Database(file)
    db.pragma('user_version = 999')
    db.close()
    const before = fs.readFileSync(file)

    const fake = createElectronFake()
    await loadMain(fake, configHome)

    const [box] = callsNamed(fake.calls, 'dialog.showErrorBox')
    expect(String(box?.[1])).toMatch(/newer version of CalmDeck/)
    expect(callsNamed(fake.calls, 'app.quit')).toHaveLength(1)
    expect(fake.windows).toHaveLength(0)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })
})

describe('electron main, live cues', () => {
  let fake: ElectronFake
  beforeAll(async () => {
    fake = createElectronFake()
    await loadMain(fake, tempConfigHome())
  })

  it('with live cues on, lets only our own page open the microphone (audio only) and the computer’s sound', async () => {
    expect(await invoke(fake, 'settings:update', { cuesEnabled: true })).toMatchObject({ ok: true })
    const answer = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      let granted: boolean | undefined
      fake.sessionHandlers.permissionRequest?.({}, permission, (value) => (granted = value), {
        requestingUrl,
        mediaTypes,
      })
      return granted
    }
    expect(answer('media', rendererPage, ['audio'])).toBe(true)
    expect(answer('display-capture', rendererPage)).toBe(true)
    expect(answer('media', rendererPage, ['video'])).toBe(false)
    expect(answer('media', rendererPage, ['audio', 'video'])).toBe(false)
    expect(answer('media', 'https://evil.example/', ['audio'])).toBe(false)
    expect(answer('notifications', rendererPage)).toBe(false)

    const streams = await new Promise((resolve) =>
      fake.sessionHandlers.displayMedia?.({ frame: { url: rendererPage, parent: null } }, resolve),
    )
    expect(streams).toEqual({ video: { id: 'screen:0:0', name: 'Screen 1' }, audio: 'loopback' })
    const foreign = await new Promise((resolve) =>
      fake.sessionHandlers.displayMedia?.({ frame: { url: 'https://evil.example/', parent: null } }, resolve),
    )
    expect(foreign).toEqual({})
    expect(await invoke(fake, 'settings:update', { cuesEnabled: false })).toMatchObject({ ok: true })
    expect(answer('media', rendererPage, ['audio'])).toBe(false)
  })
})

describe('packaging for the live cues', () => {
  it('names why CalmDeck listens in the macOS Info.plist (without the audio capture key the loopback is silent)', () => {
    const yaml = requireHere('js-yaml') as { load: (text: string) => unknown }
    const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      mac?: { extendInfo?: Record<string, string> }
    }
    const info = config.mac?.extendInfo ?? {}
    for (const key of ['NSMicrophoneUsageDescription', 'NSAudioCaptureUsageDescription']) {
      expect(info[key], key).toMatch(/never records/)
    }
  })
})
