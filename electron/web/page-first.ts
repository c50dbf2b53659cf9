/** The built files a page names in its markup (`./assets/…`), as URL paths: what it loads first. */
export function pageAssets(html: string): string[] {
  const paths = [...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"?#]+)"/g)].map((match) => `/${match[1]}`)
  return [...new Set(paths)]
}

/**
 * Holds back work that blocks this thread for a while (building the services) until the first
 * page has the files it loads first: each of `assets` served once, or the page's bridge connected
 * (`open`), or `fallbackMs` passed (no page came). The browser then parses and runs those files
 * while the work runs, instead of waiting for the work to end before it gets them.
 */
export function pageFirst(
  assets: readonly string[],
  fallbackMs: number,
): { served(pathname: string): void; open(): void; opened: Promise<void> } {
  const waiting = new Set(assets)
  let release: () => void = () => {}
  const opened = new Promise<void>((resolve) => (release = resolve))
  const timer = setTimeout(open, fallbackMs)
  function open(): void {
    clearTimeout(timer)
    release()
  }
  if (waiting.size === 0) open()
  return {
    served: (pathname) => {
      if (waiting.delete(pathname) && waiting.size === 0) open()
    },
    open,
    opened,
  }
}
