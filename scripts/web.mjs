// `npm run web -- [--port <p>] [--data-dir <dir>]`: builds when the sources are newer than the
// build, then starts the web host (out/main/web.js) in this process.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = path.join(root, 'out/main/web.js')
const sources = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json']

function newestMtime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)))
  return newest
}

const built = ['out/main/web.js', 'out/renderer/index.html'].map((file) => path.join(root, file))
const stale =
  !built.every((file) => fs.existsSync(file)) ||
  Math.max(...sources.map((source) => newestMtime(path.join(root, source)))) >
    Math.min(...built.map((file) => fs.statSync(file).mtimeMs))

if (stale) {
  console.error('calmdeck web: building…')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

const require = createRequire(import.meta.url)
process.argv = [process.argv[0], entry, ...process.argv.slice(2)]
require(entry).main()
