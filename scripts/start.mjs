// `npm start`: builds the app, makes sure a better-sqlite3 binary for Electron's ABI exists in a
// cache (node_modules keeps the Node-ABI one, so `npm test` keeps working), then launches Electron
// on this project with CALMDECK_NATIVE_BINDING pointing at the cached binary.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nodeModules = path.join(root, 'node_modules')
const require = createRequire(import.meta.url)

/** npm settings that would make node-gyp or prebuild-install target Node instead of Electron. */
const TARGET_OVERRIDES = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i

function fail(message) {
  console.error(`calmdeck start: ${message}`)
  process.exit(1)
}

/** The Electron executable, or undefined when its download was skipped at install time. */
function electronBinary() {
  try {
    const binary = require('electron') // in plain Node this is the executable's path
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

function versionOf(pkg) {
  return JSON.parse(fs.readFileSync(path.join(nodeModules, pkg, 'package.json'), 'utf8')).version
}

function buildEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !TARGET_OVERRIDES.test(name)))
}

/** Runs a Node script from node_modules in `cwd`; true when it exits 0. */
function runNode(script, args, cwd) {
  try {
    execFileSync(process.execPath, [path.join(nodeModules, script), ...args], {
      cwd,
      stdio: 'inherit',
      env: buildEnv(),
    })
    return true
  } catch {
    return false
  }
}

/**
 * Builds better_sqlite3.node for Electron in a temporary copy of the package: a prebuilt binary
 * if one can be downloaded, else a compile against Electron's headers. Writes it to `target`.
 */
function buildBinding(electronVersion, target) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-sqlite-'))
  try {
    const source = path.join(nodeModules, 'better-sqlite3')
    const copy = path.join(work, 'better-sqlite3')
    fs.cpSync(source, copy, { recursive: true, filter: (file) => file !== path.join(source, 'build') })
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
    const targetArgs = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`]
    const prebuilt = runNode('prebuild-install/bin.js', targetArgs, copy) && fs.existsSync(built)
    if (!prebuilt) {
      console.error('calmdeck start: no prebuilt binary; compiling better-sqlite3 against Electron headers…')
      const gypArgs = ['rebuild', '--release', ...targetArgs, '--dist-url=https://electronjs.org/headers']
      if (!runNode('node-gyp/bin/node-gyp.js', gypArgs, copy) || !fs.existsSync(built)) return false
    }
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(built, `${target}.partial`)
    fs.renameSync(`${target}.partial`, target)
    return true
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** The cached Electron-ABI binding, built on first use for this Electron and better-sqlite3. */
function ensureBinding(electronVersion) {
  const folder = `better-sqlite3-${versionOf('better-sqlite3')}-${process.platform}-${process.arch}`
  const target = path.join(nodeModules, '.cache', 'calmdeck-electron', electronVersion, folder, 'better_sqlite3.node')
  if (fs.existsSync(target)) return target
  console.error(`calmdeck start: building better-sqlite3 for Electron ${electronVersion} (once)…`)
  if (!buildBinding(electronVersion, target)) {
    fail(
      `could not build better-sqlite3 for Electron ${electronVersion}: this needs internet access and a C++ toolchain.`,
    )
  }
  return target
}

function buildApp() {
  if (!runNode('electron-vite/bin/electron-vite.js', ['build'], root)) fail('the build failed (see above).')
}

function launch(binary, binding) {
  const env = { ...process.env, CALMDECK_NATIVE_BINDING: binding }
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const binary = electronBinary()
if (!binary) {
  fail(
    'the Electron runtime is not installed (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD). Run `npm ci` without it on a machine with internet access.',
  )
}
buildApp()
launch(binary, ensureBinding(versionOf('electron')))
