/**
 * A recording stand-in for the `electron` module, enough for the built main process to run under
 * plain Node: every call the shell makes is kept so tests can look at it, and events can be
 * emitted by hand. Each test load gets a fresh fake from `createElectronFake()`.
 */
import { EventEmitter } from 'node:events'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface FakeOptions {
  /** What `app.requestSingleInstanceLock()` answers. */
  lock?: boolean
  /** Accelerators "another program" holds: registering them fails. */
  takenShortcuts?: string[]
  /** Display work areas, the primary one first. */
  workAreas?: Rect[]
  /** What `app.getPreferredSystemLanguages()` answers (default: English only). */
  systemLanguages?: string[]
  /** What `app.getLoginItemSettings().wasOpenedAtLogin` answers (macOS's own login start). */
  wasOpenedAtLogin?: boolean
}

export interface Call {
  name: string
  args: unknown[]
}

type Listener = (...args: never[]) => unknown

/** What the shell can do to a navigation or attach event. */
export interface FakeEvent {
  url: string
  prevented: boolean
  preventDefault(): void
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true
    },
  }
}

export function createElectronFake(options: FakeOptions = {}) {
  const calls: Call[] = []
  const record = (name: string, args: unknown[]) => calls.push({ name, args })
  const paths = new Map<string, string>()

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock', []), options.lock ?? true),
    whenReady: () => (record('app.whenReady', []), Promise.resolve()),
    getPath: (name: string) => paths.get(name) ?? `/fake/${name}`,
    setPath: (name: string, value: string) => (record('app.setPath', [name, value]), paths.set(name, value)),
    getVersion: () => '0.0.0-test',
    getPreferredSystemLanguages: () => options.systemLanguages ?? ['en-US'],
    getAppPath: () => '/fake/app',
    quit: () => record('app.quit', []),
    exit: (code?: number) => record('app.exit', [code]),
    setAsDefaultProtocolClient: (...args: unknown[]) => (record('app.setAsDefaultProtocolClient', args), true),
    removeAsDefaultProtocolClient: (...args: unknown[]) => (record('app.removeAsDefaultProtocolClient', args), true),
    setLoginItemSettings: (...args: unknown[]) => record('app.setLoginItemSettings', args),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: options.wasOpenedAtLogin ?? false }),
    getAppMetrics: () => [{ pid: process.pid, type: 'Browser' }],
    commandLine: { appendSwitch: (...args: unknown[]) => record('app.commandLine.appendSwitch', args) },
  })

  const ipcHandlers = new Map<string, Listener>()
  const ipcMain = {
    handle(channel: string, handler: Listener) {
      record('ipcMain.handle', [channel])
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcHandlers.set(channel, handler)
    },
  }

  class FakeWebContents extends EventEmitter {
    readonly sent: Call[] = []
    windowOpenHandler: Listener | undefined
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler
    }
    send(channel: string, ...args: unknown[]) {
      this.sent.push({ name: channel, args })
    }
  }

  const windows: FakeBrowserWindow[] = []
  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((window) => !window.destroyed)
    readonly calls: Call[] = []
    readonly webContents = new FakeWebContents()
    /** What `getNormalBounds()` answers; set by tests to simulate a move. */
    normalBounds: Rect
    visible = false
    destroyed = false

    constructor(readonly options: Record<string, unknown> & Rect) {
      super()
      this.normalBounds = { x: options.x, y: options.y, width: options.width, height: options.height }
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    private note(name: string, args: unknown[]) {
      this.calls.push({ name, args })
    }
    setOpacity = (...args: unknown[]) => this.note('setOpacity', args)
    setAlwaysOnTop = (...args: unknown[]) => this.note('setAlwaysOnTop', args)
    setVisibleOnAllWorkspaces = (...args: unknown[]) => this.note('setVisibleOnAllWorkspaces', args)
    loadFile = (...args: unknown[]) => (this.note('loadFile', args), Promise.resolve())
    loadURL = (...args: unknown[]) => (this.note('loadURL', args), Promise.resolve())
    show = () => (this.note('show', []), (this.visible = true))
    showInactive = () => (this.note('showInactive', []), (this.visible = true))
    hide = () => (this.note('hide', []), (this.visible = false))
    isVisible = () => this.visible
    isMinimized = () => false
    isDestroyed = () => this.destroyed
    getNormalBounds = () => ({ ...this.normalBounds })
  }

  const trays: FakeTray[] = []
  class FakeTray extends EventEmitter {
    menu: unknown
    tooltip = ''
    destroyed = false
    constructor(readonly image: unknown) {
      super()
      trays.push(this)
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setContextMenu(menu: unknown) {
      this.menu = menu
    }
    destroy() {
      this.destroyed = true
    }
  }

  const menus: MenuItem[][] = []
  interface MenuItem {
    label?: string
    type?: string
    click?: () => void
  }
  const Menu = {
    buildFromTemplate: (template: MenuItem[]) => (menus.push(template), { template }),
  }

  const sessionHandlers: {
    permissionRequest?: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string; mediaTypes?: string[] },
    ) => void
    displayMedia?: (
      request: { frame: { url: string; parent: unknown } | null },
      callback: (streams: { video?: unknown; audio?: string }) => void,
    ) => void
    permissionCheck?: (...args: unknown[]) => boolean
    headersReceived?: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: unknown) => void,
    ) => void
  } = {}
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof sessionHandlers.permissionRequest) =>
        (sessionHandlers.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof sessionHandlers.permissionCheck) =>
        (sessionHandlers.permissionCheck = handler),
      setDisplayMediaRequestHandler: (handler: typeof sessionHandlers.displayMedia) =>
        (sessionHandlers.displayMedia = handler),
      webRequest: {
        onHeadersReceived: (handler: typeof sessionHandlers.headersReceived) =>
          (sessionHandlers.headersReceived = handler),
      },
    },
  }

  const workAreas = options.workAreas ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]
  const displays = workAreas.map((workArea, id) => ({ id, bounds: workArea, workArea }))
  const screen = {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
  }

  const shortcuts = new Map<string, () => void>()
  const globalShortcut = {
    register: (accelerator: string, callback: () => void) => {
      record('globalShortcut.register', [accelerator])
      if (options.takenShortcuts?.includes(accelerator)) return false
      shortcuts.set(accelerator, callback)
      return true
    },
    unregisterAll: () => (record('globalShortcut.unregisterAll', []), shortcuts.clear()),
  }

  const powerMonitor = new EventEmitter()
  const notifications: { title?: string; body?: string }[] = []
  class FakeNotification {
    static isSupported = () => true
    constructor(private readonly options: { title?: string; body?: string }) {}
    show() {
      notifications.push(this.options)
    }
  }

  const dialog = { showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', [title, content]) }
  const nativeImage = { createFromPath: (file: string) => (record('nativeImage.createFromPath', [file]), { file }) }

  /** One screen to capture; its id is what the loopback answer carries. */
  const desktopCapturer = {
    getSources: (options: unknown) => (
      record('desktopCapturer.getSources', [options]),
      Promise.resolve([{ id: 'screen:0:0', name: 'Screen 1' }])
    ),
  }

  /** The object `require('electron')` returns to the code under test. */
  const module = {
    app,
    ipcMain,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu,
    session,
    screen,
    dialog,
    nativeImage,
    globalShortcut,
    powerMonitor,
    Notification: FakeNotification,
    desktopCapturer,
  }

  return {
    module,
    calls,
    app,
    ipcHandlers,
    windows,
    trays,
    menus,
    sessionHandlers,
    shortcuts,
    powerMonitor,
    notifications,
  }
}

export type ElectronFake = ReturnType<typeof createElectronFake>
