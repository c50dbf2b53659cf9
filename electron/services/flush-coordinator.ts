/**
 * Before the host stops (quit, sleep, log-off, SIGTERM) it asks every window to save what the
 * agent typed and waits, bounded, for their answers. The windows answer with `app:flushed`.
 */
export class FlushCoordinator {
  private nextId = 1
  private readonly waiting = new Map<number, { remaining: number; done: () => void }>()

  constructor(private readonly ask: (requestId: number) => void) {}

  /** Asks `windows` windows to flush; resolves when all answered or after `timeoutMs`. */
  flush(windows: number, timeoutMs: number): Promise<'flushed' | 'timeout'> {
    if (windows <= 0) return Promise.resolve('flushed')
    const requestId = this.nextId++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId)
        resolve('timeout')
      }, timeoutMs)
      this.waiting.set(requestId, {
        remaining: windows,
        done: () => {
          clearTimeout(timer)
          resolve('flushed')
        },
      })
      this.ask(requestId)
    })
  }

  /** A window saved what it had; answers the window with nothing (null). */
  acknowledge(requestId: number): null {
    const entry = this.waiting.get(requestId)
    if (!entry) return null
    entry.remaining -= 1
    if (entry.remaining <= 0) {
      this.waiting.delete(requestId)
      entry.done()
    }
    return null
  }
}
