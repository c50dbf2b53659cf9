import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { compileCacheDir } from '../../../electron/services/startup/compile-cache'
import { tempDir } from '../../helpers/temp-dir'

const MODULE = path.resolve(__dirname, '../../../electron/services/startup/compile-cache.ts')

describe('compileCacheDir', () => {
  it("is the user's cache folder on each system, never the data folder", () => {
    expect(compileCacheDir('linux', {}, '/home/ana')).toBe('/home/ana/.cache/CalmDeck/compile-cache')
    expect(compileCacheDir('linux', { XDG_CACHE_HOME: '/var/cache/ana' }, '/home/ana')).toBe(
      '/var/cache/ana/CalmDeck/compile-cache',
    )
    expect(compileCacheDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Caches/CalmDeck/compile-cache')
    expect(compileCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Local\\CalmDeck\\compile-cache',
    )
  })

  it('follows CALMDECK_COMPILE_CACHE: a folder, or off', () => {
    expect(compileCacheDir('linux', { CALMDECK_COMPILE_CACHE: '/tmp/cc' }, '/home/ana')).toBe('/tmp/cc')
    expect(compileCacheDir('linux', { CALMDECK_COMPILE_CACHE: 'off' }, '/home/ana')).toBeNull()
  })
})

/**
 * The hook for Node without a compile cache of its own, in a child process (never in the test
 * runner's loader): a small app of two modules under `app/`, one module outside it, loaded through
 * the hook with the cache in `cache/`.
 */
describe('the compile hook (Node 20)', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  function setUp(temp = tempDir('calmdeck-compile-cache-'), cache = path.join(temp.dir, 'cache')) {
    cleanups.push(temp.cleanup)
    const app = path.join(temp.dir, 'app')
    const outside = path.join(temp.dir, 'outside')
    fs.mkdirSync(app)
    fs.mkdirSync(outside)
    fs.writeFileSync(
      path.join(app, 'main.js'),
      [
        "const { twice } = require('./twice.js')",
        "const { plus } = require('../outside/plus.js')",
        "const { basename } = require('node:path')",
        'exports.answer = () => plus(twice(20), 2)',
        'exports.where = basename(__dirname) + "/" + basename(__filename)',
        'exports.sameExports = module.exports === exports',
        'exports.resolves = basename(require.resolve("./twice.js"))',
        // Where the code says it runs, as packages such as `bindings` read it from a stack trace.
        'exports.stackFile = /\\((.*main\\.js):/.exec(new Error().stack)[1]',
      ].join('\n'),
    )
    fs.writeFileSync(path.join(app, 'twice.js'), 'exports.twice = (n) => n * 2\n')
    fs.writeFileSync(path.join(outside, 'plus.js'), 'exports.plus = (a, b) => a + b\n')
    const runner = path.join(temp.dir, 'run.cjs')
    fs.writeFileSync(
      runner,
      [
        `const { hookCompile } = require(${JSON.stringify(MODULE)})`,
        `const cache = hookCompile(${JSON.stringify(app)}, ${JSON.stringify(cache)})`,
        `const main = require(${JSON.stringify(path.join(app, 'main.js'))})`,
        'console.log(JSON.stringify({ answer: main.answer(), where: main.where, sameExports: main.sameExports,',
        '  resolves: main.resolves, stackFile: main.stackFile, stats: cache.stats() }))',
      ].join('\n'),
    )
    const run = () =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', runner], { encoding: 'utf8' })) as {
        answer: number
        where: string
        sameExports: boolean
        resolves: string
        stackFile: string
        stats: { hits: number; compiled: number }
      }
    const entries = () => fs.readdirSync(cache).sort()
    return { app, cache, run, entries }
  }

  it("compiles the app's files once, then reads them from the cache: the modules work the same", () => {
    const { app, run, entries } = setUp()
    const first = run()
    expect(first).toEqual({
      answer: 42,
      where: 'app/main.js',
      sameExports: true,
      resolves: 'twice.js',
      stackFile: path.join(app, 'main.js'),
      stats: { hits: 0, compiled: 2 },
    })
    // Written when the process ended: one entry per file of the app, none for the file outside it.
    expect(entries()).toHaveLength(2)
    const second = run()
    expect(second).toEqual({ ...first, stats: { hits: 2, compiled: 0 } })
  })

  it('compiles again what it cannot use (damaged), rewrites it, and removes entries unused for 30 days', () => {
    const { cache, run, entries } = setUp()
    run()
    const [damaged, kept] = entries()
    // Both last used 40 days ago: the one still in use is kept (a start reads it), the other goes.
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000)
    fs.utimesSync(path.join(cache, kept!), longAgo, longAgo)
    fs.writeFileSync(path.join(cache, damaged!), 'not V8 code')
    fs.writeFileSync(path.join(cache, 'from-an-older-build.bin'), 'old')
    fs.writeFileSync(path.join(cache, 'from-last-week.bin'), 'recent')
    fs.utimesSync(path.join(cache, 'from-an-older-build.bin'), longAgo, longAgo)
    expect(run()).toMatchObject({ answer: 42, stats: { hits: 1, compiled: 1 } })
    expect(entries()).toEqual([damaged, kept, 'from-last-week.bin'].sort())
    expect(fs.readFileSync(path.join(cache, damaged!), 'utf8')).not.toBe('not V8 code')
    expect(run()).toMatchObject({ answer: 42, stats: { hits: 2, compiled: 0 } })
  })

  it("never gives one folder's code to the same files in another folder: the code keeps its path", () => {
    const first = setUp()
    first.run()
    // The same app, byte for byte, in another folder, with the same cache.
    const copy = setUp(tempDir('calmdeck-compile-cache-copy-'), first.cache)
    expect(copy.run()).toMatchObject({ answer: 42, stackFile: path.join(copy.app, 'main.js'), stats: { hits: 0 } })
  })
})
