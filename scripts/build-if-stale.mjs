// Shared by `npm run web` and `npm run export`: runs `electron-vite build` when any source is newer
// than the built files (or they are missing), then loads the built entry.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sources = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json']

function newestMtime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)))
  return newest
}

/** Builds if `outputs` (paths relative to the project) are missing or older than the sources; returns `require` of `entry`. */
export function loadBuilt(entry, outputs, label) {
  const built = [entry, ...outputs].map((file) => path.join(root, file))
  const stale =
    !built.every((file) => fs.existsSync(file)) ||
    Math.max(...sources.map((source) => newestMtime(path.join(root, source)))) >
      Math.min(...built.map((file) => fs.statSync(file).mtimeMs))
  if (stale) {
    console.error(`${label}: building…`)
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  }
  return createRequire(import.meta.url)(path.join(root, entry))
}
