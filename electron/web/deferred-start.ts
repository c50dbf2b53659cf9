/**
 * Work the first card does not need (backups with their worker and integrity check, retention,
 * the team outbox): run once, `afterPageMs` after the first page connected its bridge, or after
 * `fallbackMs` when no page comes. Keeps the CPU for the first page on a busy machine.
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
