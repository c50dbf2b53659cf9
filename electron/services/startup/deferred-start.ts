/**
 * When both hosts (Electron main, the web host) start what the first card does not need: shortly
 * after the first page is up, or a while after the start if no page comes.
 */
export const BACKGROUND_START = { afterPageMs: 500, fallbackMs: 1500 }

/**
 * Work the first card does not need (backups with their worker and integrity check, retention,
 * the team outbox): run once, `afterPageMs` after the first page is up (its bridge connected, the
 * window's page loaded), or after `fallbackMs` when no page comes. Keeps the CPU for the first
 * page on a busy machine.
 */
export function deferredStart(
  work: () => void,
  { afterPageMs, fallbackMs }: { afterPageMs: number; fallbackMs: number },
): { pageConnected(): void; cancel(): void } {
  let done = false
  let timer: NodeJS.Timeout | undefined = setTimeout(runNow, fallbackMs)
  function runNow(): void {
    clearTimeout(timer)
    if (done) return
    done = true
    work()
  }
  return {
    pageConnected: () => {
      if (done) return
      clearTimeout(timer)
      timer = setTimeout(runNow, afterPageMs)
    },
    cancel: () => {
      done = true
      clearTimeout(timer)
    },
  }
}
