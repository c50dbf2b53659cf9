import fs from 'node:fs'
import path from 'node:path'

/**
 * A file shipped in `resources/` (electron-builder's extraResources): under the packaged app's
 * resources folder, else in the source tree's `resources/`, found from `start` upwards.
 */
export function findResource(relative: string, start: string = __dirname, resourcesPath?: string): string | null {
  const candidates: string[] = []
  if (resourcesPath) candidates.push(path.join(resourcesPath, relative))
  let dir = start
  for (let level = 0; level < 6; level++) {
    candidates.push(path.join(dir, 'resources', relative))
    dir = path.dirname(dir)
  }
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null
}
