/**
 * Holds back work that blocks this thread for a while (building the services) until the first
 * page has been served, or `fallbackMs` passed (no page came). The browser spends the next tens of
 * milliseconds on that page before it asks for its scripts, so the work then overlaps the page's
 * load instead of delaying the page itself.
 */
export function pageFirst(fallbackMs: number): { served(): void; opened: Promise<void> } {
  let release: () => void = () => {}
  const opened = new Promise<void>((resolve) => (release = resolve))
  const timer = setTimeout(served, fallbackMs)
  function served(): void {
    clearTimeout(timer)
    release()
  }
  return { served, opened }
}
