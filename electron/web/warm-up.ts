import fs from 'node:fs'
import { createRequire } from 'node:module'
import { z } from 'zod'

const warmListSchema = z.array(z.string().min(1))

/**
 * Loads the services' modules while the host waits for its first page, one per turn of the event
 * loop, so a request that comes meanwhile waits for one module (the largest ~20–40 ms), not for all
 * of them (~80–170 ms, which the page's first answers waited for once its files had loaded).
 * `listFile` is the build's `warm-services.json` (scripts/warm-list-plugin.ts): each module after
 * what it requires itself; `addon` (better-sqlite3's compiled addon, a path) comes last.
 * Without the list (the TypeScript run in-process) or on any failure it stops quietly: building the
 * services loads whatever is left and reports what cannot load.
 */
export async function warmUp(listFile: string, addon?: string): Promise<number> {
  let list: string[]
  try {
    list = warmListSchema.parse(JSON.parse(fs.readFileSync(listFile, 'utf8')))
  } catch {
    return 0
  }
  if (addon !== undefined) list.push(addon)
  const load = createRequire(listFile)
  let loaded = 0
  for (const id of list) {
    await nextTurn()
    try {
      load(id.startsWith('chunks/') ? `./${id}` : id)
    } catch {
      return loaded
    }
    loaded++
  }
  return loaded
}

/** After the I/O that is waiting (a page's request) has had its turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
