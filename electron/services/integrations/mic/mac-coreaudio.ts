/**
 * macOS: the few CoreAudio properties that say which processes have the microphone open, read
 * through koffi (FFI with prebuilt binaries in its npm package: no native module of our own to
 * build per Electron version, and nothing to compile on the agent's Mac). Only property reads:
 * nothing here opens, reads or records audio, and macOS asks no permission for them.
 * Tested on Linux against a stand-in library with the same signatures (tests/fixtures/coreaudio);
 * never run on a Mac yet.
 */
import type * as Koffi from 'koffi'
import { createRequire } from 'node:module'

/** Who a CoreAudio process object is (macOS 14.2+); fixed for the object's life. */
export interface CoreAudioProcess {
  pid: number
  /** null for a process without a bundle (a command-line tool). */
  bundleId: string | null
  /** The executable's name (libproc), for a process without a bundle id. */
  name: string | null
}

/** One audio device with input streams, and whether any process runs it (older macOS). */
export interface CoreAudioInputDevice {
  name: string
  runningSomewhere: boolean
}

export interface CoreAudioReader {
  /** The process objects' ids, or null where the system has no process list (before macOS 14.2). */
  processObjects(): number[] | null
  /** null: the object is gone. */
  process(object: number): CoreAudioProcess | null
  /** Whether the process runs IO with at least one input stream; null: the object is gone. */
  runningInput(object: number): boolean | null
  inputDevices(): CoreAudioInputDevice[]
}

export const SYSTEM_FRAMEWORKS = {
  coreAudio: '/System/Library/Frameworks/CoreAudio.framework/CoreAudio',
  coreFoundation: '/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation',
  system: '/usr/lib/libSystem.B.dylib',
}

/** A CoreAudio four-character code as its 32-bit number ('prs#' → 0x70727323). */
export const fourCC = (code: string): number =>
  ((code.charCodeAt(0) << 24) | (code.charCodeAt(1) << 16) | (code.charCodeAt(2) << 8) | code.charCodeAt(3)) >>> 0

const SYSTEM_OBJECT = 1
const GLOBAL = fourCC('glob')
const INPUT = fourCC('inpt')
const UTF8 = 0x08000100
const NAME_BYTES = 1024

/**
 * Loads koffi and the frameworks (or, in tests, the stand-in); rejects when they cannot be loaded.
 * koffi is imported here, not at the top, so no other OS and no start of the app pays for it.
 */
export function loadCoreAudio(libraries = SYSTEM_FRAMEWORKS): Promise<CoreAudioReader> {
  return Promise.resolve().then(() => openCoreAudio(libraries))
}

function openCoreAudio(libraries: typeof SYSTEM_FRAMEWORKS): CoreAudioReader {
  // require, not import(): Electron's ESM loader cannot read packages inside app.asar.
  const koffi = createRequire(__filename)('koffi') as typeof Koffi
  const audio = koffi.load(libraries.coreAudio)
  const foundation = libraries.coreFoundation === libraries.coreAudio ? audio : koffi.load(libraries.coreFoundation)
  const Address = koffi.struct({ mSelector: 'uint32', mScope: 'uint32', mElement: 'uint32' })
  const head = ['uint32', koffi.pointer(Address), 'uint32', 'void *']
  const dataSize = audio.func('AudioObjectGetPropertyDataSize', 'int32', [...head, koffi.out(koffi.pointer('uint32'))])
  const data = audio.func('AudioObjectGetPropertyData', 'int32', [
    ...head,
    koffi.inout(koffi.pointer('uint32')),
    'void *',
  ])
  const reference = audio.func('AudioObjectGetPropertyData', 'int32', [
    ...head,
    koffi.inout(koffi.pointer('uint32')),
    koffi.out(koffi.pointer('void *')),
  ])
  const cString = foundation.func('CFStringGetCString', 'bool', ['void *', 'void *', 'long', 'uint32'])
  const release = foundation.func('CFRelease', 'void', ['void *'])
  const system = libraries.system === libraries.coreAudio ? audio : koffi.load(libraries.system)
  const procName = system.func('proc_name', 'int', ['int', 'void *', 'uint32'])

  const address = (selector: string, scope = GLOBAL) => ({ mSelector: fourCC(selector), mScope: scope, mElement: 0 })

  /** A property that is an array of UInt32 (object ids), or null when the object lacks it. */
  function ids(object: number, selector: string, scope = GLOBAL): number[] | null {
    const size = [0]
    if (dataSize(object, address(selector, scope), 0, null, size) !== 0) return null
    const buffer = Buffer.alloc(size[0] ?? 0)
    const filled = [buffer.length]
    if (buffer.length > 0 && data(object, address(selector, scope), 0, null, filled, buffer) !== 0) return null
    const count = Math.floor((filled[0] ?? 0) / 4)
    return Array.from({ length: count }, (_, i) => buffer.readUInt32LE(i * 4))
  }

  function uint32(object: number, selector: string): number | null {
    const buffer = Buffer.alloc(4)
    return data(object, address(selector), 0, null, [4], buffer) === 0 ? buffer.readUInt32LE(0) : null
  }

  /** A CFString property as text; the string is released (the caller owns it, as documented). */
  function text(object: number, selector: string): string | null {
    const out: unknown[] = [null]
    if (reference(object, address(selector), 0, null, [koffi.sizeof('void *')], out) !== 0) return null
    const string = out[0]
    if (string === null || string === undefined) return null
    try {
      const buffer = Buffer.alloc(NAME_BYTES)
      if (!cString(string, buffer, NAME_BYTES, UTF8)) return null
      return buffer.toString('utf8', 0, Math.max(0, buffer.indexOf(0)))
    } finally {
      release(string)
    }
  }

  return {
    processObjects: () => ids(SYSTEM_OBJECT, 'prs#'),
    process(object) {
      const pid = uint32(object, 'ppid')
      if (pid === null) return null
      const name = Buffer.alloc(NAME_BYTES)
      const length = procName(pid, name, NAME_BYTES)
      return { pid, bundleId: text(object, 'pbid'), name: length > 0 ? name.toString('utf8', 0, length) : null }
    },
    runningInput(object) {
      const running = uint32(object, 'piri')
      return running === null ? null : running === 1
    },
    inputDevices() {
      return (ids(SYSTEM_OBJECT, 'dev#') ?? []).flatMap((device) => {
        // Some interfaces report "running somewhere" for output too: only devices with input streams.
        if ((ids(device, 'stm#', INPUT) ?? []).length === 0) return []
        return [{ name: text(device, 'lnam') ?? 'microphone', runningSomewhere: uint32(device, 'gone') === 1 }]
      })
    },
  }
}
