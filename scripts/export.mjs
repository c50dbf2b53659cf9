// `npm run export -- --from … --to … --format … --out …`: builds when the sources are newer than
// the build, then runs the export command (out/main/export.js) in this process.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = path.join(root, 'out/main/export.js')
const sources = ['electron', 'shared', 'electron.vite.config.ts', 'package-lock.json']

function newestMtime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)))
  return newest
}

const stale =
  !fs.existsSync(entry) ||
  Math.max(...sources.map((source) => newestMtime(path.join(root, source)))) > fs.statSync(entry).mtimeMs

if (stale) {
  console.error('calmdeck export: building…')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

const require = createRequire(import.meta.url)
require(entry).main(process.argv.slice(2))
