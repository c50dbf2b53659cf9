import fs from 'node:fs'
import path from 'node:path'

const FONT = 'DejaVuSans.ttf'

/**
 * The folder with the report fonts: `fonts` in the packaged app's resources, else
 * `resources/fonts` of the source tree, found from this file's folder upwards (sources and build).
 */
export function findFontDir(start: string = __dirname, resourcesPath?: string): string {
  const candidates: string[] = []
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'fonts'))
  let dir = start
  for (let level = 0; level < 5; level++) {
    candidates.push(path.join(dir, 'resources', 'fonts'))
    dir = path.dirname(dir)
  }
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, FONT))) ?? candidates[0] ?? start
}
