import fs from 'node:fs'
import path from 'node:path'
import { APP_LOCALES, matchLocale, type AppLocale } from '../../shared/locales'

/** The built files a page names in its markup (`./assets/…`), as URL paths: what it loads first. */
export function pageAssets(html: string): string[] {
  const paths = [...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"?#]+)"/g)].map((match) => `/${match[1]}`)
  return [...new Set(paths)]
}

/**
 * Holds back work that blocks this thread for a while (building the services) until the first
 * page has the files it loads first: each of `assets` served once, or the page's bridge connected
 * (`open`). The browser then parses and runs those files while the work runs, instead of waiting
 * for the work to end before it gets them. With no page asking for its markup within `noPageMs`,
 * the work runs anyway; once one has (`page`), it waits for that page's files, at most `pageMs`
 * more (a browser takes a while between the markup and its files: on a busy 2-core machine
 * ~300 ms, more than a fixed wait from the start allowed for).
 */
export function pageFirst(
  assets: readonly string[],
  { noPageMs, pageMs }: { noPageMs: number; pageMs: number },
): { page(languageChunk?: string): void; served(pathname: string): void; open(): void; opened: Promise<void> } {
  const waiting = new Set(assets)
  let isOpen = false
  let release: () => void = () => {}
  const opened = new Promise<void>((resolve) => (release = resolve))
  let timer = setTimeout(open, noPageMs)
  function open(): void {
    clearTimeout(timer)
    isOpen = true
    release()
  }
  if (waiting.size === 0) open()
  return {
    /** A page asked for its markup, told to preload `languageChunk` (a URL path): it loads that too. */
    page: (languageChunk) => {
      if (isOpen) return
      if (languageChunk) waiting.add(languageChunk)
      clearTimeout(timer)
      timer = setTimeout(open, pageMs)
    },
    served: (pathname) => {
      if (waiting.delete(pathname) && waiting.size === 0) open()
    },
    open,
    opened,
  }
}

/**
 * The built language chunks (`assets/ui-<lang>-<hash>.js`, named so by the renderer build), as
 * URL paths by language.
 */
export function languageChunks(rendererDir: string): Partial<Record<AppLocale, string>> {
  let files: string[]
  try {
    files = fs.readdirSync(path.join(rendererDir, 'assets'))
  } catch {
    return {}
  }
  const chunks: Partial<Record<AppLocale, string>> = {}
  for (const locale of APP_LOCALES) {
    const file = files.find((name) => name.startsWith(`ui-${locale}-`) && name.endsWith('.js'))
    if (file) chunks[locale] = `/assets/${file}`
  }
  return chunks
}

/**
 * The language the window will pick on its own (`navigator.languages`, which the browser also
 * sends as Accept-Language): the chunk to preload with the page, so its texts do not wait for
 * the page's script to run first. The window still decides; a wrong guess costs one fetch.
 */
export function preloadedLanguage(acceptLanguage: string | undefined): AppLocale {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter(Boolean)
  return matchLocale(tags)
}

/** The page with a modulepreload for `chunk` (a URL path) at the end of its head. */
export function withPreload(html: string, chunk: string | undefined): string {
  if (!chunk) return html
  return html.replace('</head>', `  <link rel="modulepreload" crossorigin href=".${chunk}">\n  </head>`)
}
