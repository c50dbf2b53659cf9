import crypto from 'node:crypto'
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { defaultCacheDir } from '../storage/data-dir'

/**
 * V8's compiled code for our own modules, kept between starts: a start after the first reads it
 * instead of parsing and compiling ~700 KB of JavaScript again (the web host's first card ~45 ms
 * sooner on this 2-core machine). It holds code only, never data.
 *
 * Node 22+ and Electron have this built in (`module.enableCompileCache`); on older Node (the web
 * host on Node 20) `hookCompile` does the same for the files under one folder.
 */

/** `CALMDECK_COMPILE_CACHE`: `off`, or the folder to keep the cache in (tests). */
export const COMPILE_CACHE_ENV = 'CALMDECK_COMPILE_CACHE'

/** The per-user cache folder for compiled code (never the data folder: it is not the agent's data). */
export function compileCacheDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home?: string,
): string | null {
  const chosen = env[COMPILE_CACHE_ENV]
  if (chosen === 'off') return null
  if (chosen) return chosen
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  return join(defaultCacheDir(platform, env, home), 'compile-cache')
}

export type CompileCache =
  | { kind: 'native'; dir: string }
  | { kind: 'hook'; dir: string; stats(): { hits: number; compiled: number } }
  | { kind: 'off' }

type NativeEnable = (dir: string) => { status: number; message?: string }

/**
 * Turns the cache on for what is loaded from now on: an entry calls this first, then loads the rest.
 * Node's own where it has one; else, with `hookRoot`, our hook for the files under it (the web host
 * on Node 20); else nothing. Never throws: without a cache, a start only takes longer.
 */
export function enableCompileCache(hookRoot?: string, dir = compileCacheDir()): CompileCache {
  if (dir === null) return { kind: 'off' }
  try {
    const native = (Module as unknown as { enableCompileCache?: NativeEnable }).enableCompileCache
    if (native) {
      native(dir)
      return { kind: 'native', dir }
    }
    if (hookRoot === undefined) return { kind: 'off' }
    return hookCompile(hookRoot, path.join(dir, `v8-${process.versions.v8}-${process.arch}`))
  } catch {
    return { kind: 'off' }
  }
}

const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000

interface CompilingModule {
  exports: unknown
  _compile(content: string, filename: string): unknown
}

/**
 * Compiles each CommonJS file under `root` with V8's cached code from `dir` when there is some,
 * and writes the code of what had none when the process exits, after it ran, so the functions it
 * ran are in it too. Keyed by the file's path and content: V8's code keeps the path it was compiled
 * for, which stack traces show and packages such as `bindings` read to find their files (the same
 * build in another folder must not take it). An entry no start has used for 30 days (an older
 * build's) is removed then.
 */
export function hookCompile(root: string, dir: string): CompileCache {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const proto = Module.prototype as unknown as CompilingModule
  const compile = proto._compile
  const toWrite: { file: string; script: vm.Script }[] = []
  let hits = 0
  const inside = path.resolve(root) + path.sep
  proto._compile = function (this: CompilingModule, content: string, filename: string): unknown {
    if (!filename.startsWith(inside) || !filename.endsWith('.js')) return compile.call(this, content, filename)
    const key = crypto.createHash('sha256').update(filename).update('\0').update(content)
    const name = `${key.digest('hex').slice(0, 40)}.bin`
    const file = path.join(dir, name)
    const cachedData = readIfThere(file)
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    })
    // False only when V8 was given cached code and took it.
    if (script.cachedDataRejected === false) {
      hits++
      touchQuietly(file)
    } else toWrite.push({ file, script })
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename))
  }
  process.once('exit', () => {
    if (toWrite.length === 0) return
    try {
      for (const { file, script } of toWrite) writeQuietly(file, script.createCachedData())
      const old = Date.now() - UNUSED_FOR_MS
      for (const name of fs.readdirSync(dir)) {
        const entry = path.join(dir, name)
        if (fs.statSync(entry).mtimeMs < old) fs.rmSync(entry, { force: true })
      }
    } catch {
      // A cache that could not be written or tidied costs the next start its speed, nothing else.
    }
  })
  return { kind: 'hook', dir, stats: () => ({ hits, compiled: toWrite.length }) }
}

/** Marks an entry as used now (its age decides when it goes). */
function touchQuietly(file: string): void {
  try {
    const now = new Date()
    fs.utimesSync(file, now, now)
  } catch {
    // Used, but it may go sooner.
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file)
  } catch {
    return undefined
  }
}

/** Written whole or not at all (another start may read it meanwhile). */
function writeQuietly(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 })
    fs.renameSync(temporary, file)
  } catch {
    fs.rmSync(temporary, { force: true })
  }
}
