/**
 * The packaged app has everything it needs at run time: every module the BUILT main, preload, CLIs
 * and web host load is a production dependency (electron-builder copies only those into the app)
 * and every built file they reach is inside electron-builder's `files`; fonts and the tray icon are
 * where the running app looks for them; native modules are unpacked from the asar; the config is
 * valid for the Windows, macOS and Linux targets. Needs `npx electron-vite build` first.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { packageName, requiredIds, walkBundles, type BundleGraph } from '../../helpers/bundle-requires'
import { tempDir } from '../../helpers/temp-dir'

const root = path.resolve(__dirname, '../../..')
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))
const pkg = readJson('package.json') as {
  main: string
  homepage?: string
  author?: string | { email?: string }
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const lock = readJson('package-lock.json') as { packages: Record<string, { dev?: boolean; dependencies?: object }> }

/** What the packaged app starts: its entry and the main process, the preload, the CLIs and the web host. */
const ENTRIES = [
  'out/main/boot.js',
  'out/main/index.js',
  'out/preload/index.js',
  'out/main/calmdeck-event.js',
  'out/main/export.js',
  'out/main/policy.js',
  'out/main/web.js',
]

type Builder = Awaited<ReturnType<typeof getConfig>>
let config: Builder
let graph: BundleGraph

beforeAll(async () => {
  for (const entry of ENTRIES) {
    if (!fs.existsSync(path.join(root, entry)))
      throw new Error(`${entry} is missing: run \`npx electron-vite build\` first`)
  }
  config = await getConfig(root, null, null)
  graph = walkBundles(ENTRIES.map((entry) => path.join(root, entry)))
})

/** `files` globs (relative to the project) that include `file`; a `!pattern` excludes. */
function inFiles(file: string, patterns: readonly string[]): boolean {
  const relative = path.relative(root, file).split(path.sep).join('/')
  let included = false
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) included &&= !path.matchesGlob(relative, pattern.slice(1))
    else included ||= path.matchesGlob(relative, pattern)
  }
  return included
}

/** The `.node` files in a package folder (not in its nested node_modules). */
function nodeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name)
    return entry.isFile() && entry.name.endsWith('.node') && !path.relative(dir, file).includes('node_modules')
      ? [file]
      : []
  })
}

/** The app's own `files` globs; getConfig wraps them as `{ filter: [...] }` sets. */
function filePatterns(files: unknown): string[] {
  const entries = ([] as unknown[]).concat(files ?? [])
  return entries.flatMap((entry) =>
    typeof entry === 'string' ? [entry] : ([] as string[]).concat((entry as { filter?: string[] }).filter ?? []),
  )
}

describe('the bundle scanner', () => {
  it('finds plain requires, createRequire calls and worker URLs, and names packages', () => {
    const source = `require("zod"); (0, node_module.createRequire)(__filename)("awesome-phonenumber");
      new Worker(new URL("./worker-1.js", x)); require('csv-stringify/sync');
      (0, node_crypto.createHash)("sha256").update(body)`
    expect(requiredIds(source)).toEqual(['zod', 'awesome-phonenumber', 'csv-stringify/sync', './worker-1.js'])
    expect(packageName('csv-stringify/sync')).toBe('csv-stringify')
    expect(packageName('@date-fns/tz')).toBe('@date-fns/tz')
  })
})

describe('the packaged app', () => {
  it('reaches the lazily loaded modules too (the scan is not empty)', () => {
    const names = [...graph.modules.keys()].map(packageName)
    expect(names).toEqual(expect.arrayContaining(['better-sqlite3', 'ws', 'pdfkit', 'awesome-phonenumber', 'electron']))
    // zod is built in (electron.vite.config.ts): loading all of it would cost every start ~40 ms.
    expect(names).not.toContain('zod')
    expect([...graph.files].some((file) => file.includes('backup-worker'))).toBe(true)
    expect([...graph.files].some((file) => file.includes('export-worker'))).toBe(true)
  })

  it('has every module the built code loads in `dependencies`, installed as a production package', () => {
    const problems: string[] = []
    for (const [id, users] of graph.modules) {
      const name = packageName(id)
      const from = [...users].map((file) => path.relative(root, file)).join(', ')
      if (name === 'electron') {
        // Provided by the runtime; electron-builder refuses it in `dependencies`.
        if (pkg.dependencies.electron || !pkg.devDependencies.electron)
          problems.push('electron must be a devDependency')
        continue
      }
      if (!pkg.dependencies[name]) problems.push(`${name} (loaded by ${from}) is not in dependencies`)
      const locked = lock.packages[`node_modules/${name}`]
      if (!locked) problems.push(`${name} is not in package-lock.json`)
      else if (locked.dev) problems.push(`${name} is installed as a dev package (package-lock.json)`)
      try {
        createRequire(path.join(root, 'out/main/index.js')).resolve(id)
      } catch {
        problems.push(`${id} does not resolve from out/main`)
      }
    }
    expect(problems).toEqual([])
  })

  it('keeps every built file the app reaches inside electron-builder `files`', () => {
    const patterns = filePatterns(config.files)
    const outside = [...graph.files].filter((file) => !inFiles(file, patterns)).map((file) => path.relative(root, file))
    expect(outside).toEqual([])
    expect(inFiles(path.join(root, pkg.main), patterns)).toBe(true)
    expect(inFiles(path.join(root, 'out/renderer/index.html'), patterns)).toBe(true)
    expect(inFiles(path.join(root, 'package.json'), patterns)).toBe(true)
  })

  it('unpacks every native module of the production dependencies from the asar', () => {
    const unpack = ([] as string[]).concat((config.asarUnpack as string[] | string | undefined) ?? [])
    const production = Object.entries(lock.packages)
      .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev)
      .map(([key]) => key)
    // Built here (binding.gyp: better-sqlite3) or shipped prebuilt (koffi's per-platform packages).
    const bindings = production.flatMap((key) =>
      fs.existsSync(path.join(root, key, 'binding.gyp'))
        ? [`${key}/build/Release/${path.basename(key).replace(/-/g, '_')}.node`]
        : nodeFiles(path.join(root, key)).map((file) => path.relative(root, file).split(path.sep).join('/')),
    )
    expect(bindings).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    expect(bindings.some((file) => file.startsWith('node_modules/@koromix/koffi-'))).toBe(true)
    for (const binding of bindings) {
      expect(
        unpack.some((pattern) => path.matchesGlob(binding, pattern)),
        `${binding} is not in asarUnpack`,
      ).toBe(true)
    }
  })

  it('puts the fonts and the tray icon where the running app looks for them', () => {
    // Lay out the packaged resources folder as electron-builder's extraResources say.
    const { dir: resources, cleanup } = tempDir('calmdeck-resources-')
    onTestFinished(cleanup)
    const extra = (config.extraResources as { from: string; to: string }[] | undefined) ?? []
    for (const { from, to } of extra) fs.cpSync(path.join(root, from), path.join(resources, to), { recursive: true })
    // The packaged main runs from inside app.asar, where no resources/fonts folder exists.
    const asarMain = path.join(resources, 'app.asar', 'out', 'main')
    expect(findFontDir(asarMain, resources)).toBe(path.join(resources, 'fonts'))
    for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt']) {
      expect(fs.existsSync(path.join(resources, 'fonts', font)), font).toBe(true)
    }
    // electron/main/tray.ts: path.join(process.resourcesPath, 'tray.png') when packaged.
    expect(fs.existsSync(path.join(resources, 'tray.png'))).toBe(true)
    // For IT's editors, next to the app (README, "Managed policy").
    expect(fs.existsSync(path.join(resources, 'policy.schema.json'))).toBe(true)
  })

  it('has a configuration electron-builder accepts for all three targets', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.win?.target).toBe('nsis')
    expect(config.mac?.target).toBe('dmg')
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
  })

  it('gives the deb package a maintainer and a homepage (FpmTarget refuses it otherwise)', () => {
    const authorEmail = typeof pkg.author === 'object' ? pkg.author.email : /<[^>]+@[^>]+>/.test(pkg.author ?? '')
    const maintainer = config.deb?.maintainer ?? config.linux?.maintainer
    expect(Boolean(maintainer ?? authorEmail)).toBe(true)
    expect(maintainer ?? '').toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect(pkg.homepage ?? '').toMatch(/^https:\/\//)
  })

  it('offers a per-machine install on Windows (assisted NSIS installer, /allusers for silent installs)', () => {
    expect(config.nsis?.oneClick).toBe(false)
    expect(config.nsis?.perMachine).toBe(false)
    expect(config.nsis?.allowElevation).not.toBe(false)
  })
})
