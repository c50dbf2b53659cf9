import fs from 'node:fs'
import path from 'node:path'
import type { ManagedPolicy } from './managed-policy'

export interface PolicyWatch {
  close(): void
}

/**
 * Re-reads IT's policy file while CalmDeck runs: watches its folder (a file that is replaced, as
 * editors and deployment tools do, or created later, keeps being seen; watching the file itself
 * would lose it), waits `debounceMs` after the last change (a write comes in several events),
 * then loads it again and hands the result to `apply`, problems and all. The deck file the
 * policy names is watched too when it sits in the same folder. A folder that does not exist
 * (no policy on this machine) is not watched: `log` says so once.
 */
export function watchPolicyFile(
  file: string,
  options: {
    load: () => ManagedPolicy
    apply: (policy: ManagedPolicy) => void
    /** The policy in force, to know which deck file to watch. */
    current: () => ManagedPolicy
    debounceMs?: number
    log?: (line: string) => void
  },
): PolicyWatch {
  const folder = path.dirname(file)
  const debounceMs = options.debounceMs ?? 300
  let timer: NodeJS.Timeout | null = null
  const watched = (name: string | null): boolean => {
    if (name === null) return true
    if (name === path.basename(file)) return true
    const deck = options.current().values.deck
    return typeof deck === 'string' && path.resolve(folder, deck) === path.join(folder, name)
  }
  const reload = () => {
    timer = null
    try {
      options.apply(options.load())
    } catch (error) {
      options.log?.(`policy: not re-read (${error instanceof Error ? error.name : 'error'})`)
    }
  }
  let watcher: fs.FSWatcher
  try {
    watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
      if (!watched(name === null ? null : String(name))) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(reload, debounceMs)
    })
  } catch (error) {
    options.log?.(`policy: ${folder} not watched (${String((error as { code?: unknown }).code ?? 'error')})`)
    return { close: () => {} }
  }
  watcher.on('error', (error) => {
    options.log?.(`policy: stopped watching ${folder} (${String((error as { code?: unknown }).code ?? 'error')})`)
    watcher.close()
  })
  return {
    close: () => {
      if (timer) clearTimeout(timer)
      watcher.close()
    },
  }
}
