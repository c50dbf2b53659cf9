import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { warmUp } from '../../../electron/web/warm-up'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** A folder like out/main: `chunks/<name>.js` files that note their loading in `globalThis[log]`. */
function built(chunks: Record<string, string>, list: unknown): { listFile: string; log: string[]; key: string } {
  const { dir, cleanup } = tempDir('calmdeck-warm-')
  cleanups.push(cleanup)
  const key = `warmLog${path.basename(dir).replace(/\W/g, '')}`
  const log: string[] = []
  ;(globalThis as Record<string, unknown>)[key] = log
  cleanups.push(() => delete (globalThis as Record<string, unknown>)[key])
  fs.mkdirSync(path.join(dir, 'chunks'))
  for (const [name, body] of Object.entries(chunks)) {
    fs.writeFileSync(
      path.join(dir, 'chunks', `${name}.js`),
      `const log = globalThis[${JSON.stringify(key)}];\n${body}\n`,
    )
  }
  const listFile = path.join(dir, 'warm-services.json')
  fs.writeFileSync(listFile, typeof list === 'string' ? list : JSON.stringify(list))
  return { listFile, log, key }
}

describe('warmUp', () => {
  it('loads the listed modules in order, one per turn of the event loop', async () => {
    const { listFile, log } = built(
      {
        // What is waiting after the first module (a page's request) runs before the second.
        a: "log.push('a'); setImmediate(() => log.push('waiting'))",
        b: "log.push('b')",
      },
      ['chunks/a.js', 'chunks/b.js'],
    )
    await expect(warmUp(listFile)).resolves.toBe(2)
    expect(log).toEqual(['a', 'waiting', 'b'])
  })

  it('loads packages by name from beside the list', async () => {
    const { listFile, log, key } = built({}, ['warm-test-package'])
    const pkg = path.join(path.dirname(listFile), 'node_modules', 'warm-test-package')
    fs.mkdirSync(pkg, { recursive: true })
    fs.writeFileSync(path.join(pkg, 'index.js'), `globalThis[${JSON.stringify(key)}].push('package')`)
    await expect(warmUp(listFile)).resolves.toBe(1)
    expect(log).toEqual(['package'])
  })

  it.each([
    ['no list', null],
    ['a list that is not JSON', '["chunks/a.js"'],
    ['a list of something else', { modules: ['chunks/a.js'] }],
  ])('with %s loads nothing', async (_what, list) => {
    const { listFile, log } = built({ a: "log.push('a')" }, list ?? [])
    if (list === null) fs.rmSync(listFile)
    await expect(warmUp(listFile)).resolves.toBe(0)
    expect(log).toEqual([])
  })

  it('loads the addon it is given last, by its path', async () => {
    const { listFile, log, key } = built({ a: "log.push('a')" }, ['chunks/a.js'])
    const addon = path.join(path.dirname(listFile), 'elsewhere', 'addon.js')
    fs.mkdirSync(path.dirname(addon))
    fs.writeFileSync(addon, `globalThis[${JSON.stringify(key)}].push('addon')`)
    await expect(warmUp(listFile, addon)).resolves.toBe(2)
    expect(log).toEqual(['a', 'addon'])
  })

  it('stops at a module that fails to load, quietly (building the services reports it)', async () => {
    const { listFile, log } = built(
      { a: "log.push('a')", broken: "throw new Error('cannot load')", c: "log.push('c')" },
      ['chunks/a.js', 'chunks/broken.js', 'chunks/c.js'],
    )
    await expect(warmUp(listFile)).resolves.toBe(1)
    expect(log).toEqual(['a'])
  })
})

describe('the built warm-services.json', () => {
  const outMain = path.resolve(__dirname, '../../../out/main')

  it('lists what the services chunk loads, each module after what it requires, the services last', () => {
    // In a fresh Node process: each listed chunk, when loaded in turn, loads no other chunk of the
    // build (what it requires came before it), and the last one is the services' own.
    const script = `
      const { createRequire } = require('node:module')
      const path = require('node:path')
      const listFile = ${JSON.stringify(path.join(outMain, 'warm-services.json'))}
      const list = require(listFile)
      const load = createRequire(listFile)
      const chunksDir = path.join(path.dirname(listFile), 'chunks') + path.sep
      const chunksLoaded = () => Object.keys(require.cache).filter((file) => file.startsWith(chunksDir))
      const extra = []
      let last
      for (const id of list) {
        const before = new Set(chunksLoaded())
        last = load(id.startsWith('chunks/') ? './' + id : id)
        const added = chunksLoaded().filter((file) => !before.has(file))
        const own = id.startsWith('chunks/') ? [path.join(path.dirname(listFile), id)] : []
        if (added.join() !== own.join()) extra.push({ id, added: added.map((file) => path.basename(file)) })
      }
      console.log(JSON.stringify({ count: list.length, extra, services: typeof last.createAppServices, packages: list.filter((id) => !id.startsWith('chunks/')) }))
    `
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
      count: number
      extra: unknown[]
      services: string
      packages: string[]
    }
    expect(result.extra).toEqual([])
    expect(result.services).toBe('function')
    expect(result.count).toBeGreaterThan(5)
    // SQLite's module is the services' own; Node's built-in modules are not listed.
    expect(result.packages).toContain('better-sqlite3')
    expect(result.packages.filter((id) => id.startsWith('node:'))).toEqual([])
  })
})
