import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pageAssets, pageFirst, preloadedLanguage, withPreload } from '../../../electron/web/page-first'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

async function isOpen(gate: { opened: Promise<void> }): Promise<boolean> {
  let open = false
  void gate.opened.then(() => (open = true))
  await vi.advanceTimersByTimeAsync(0)
  return open
}

describe('pageAssets', () => {
  it("names the built files the page's markup loads, once each", () => {
    const html = `<script type="module" crossorigin src="./assets/index-A1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-B2.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C3.css">
      <link rel="icon" href="./favicon.svg"><script src="./assets/index-A1.js"></script>`
    expect(pageAssets(html)).toEqual(['/assets/index-A1.js', '/assets/vendor-B2.js', '/assets/index-C3.css'])
  })
})

describe('pageFirst', () => {
  const WAITS = { noPageMs: 250, pageMs: 1500 }

  it('holds the work back until the page has each of its files', async () => {
    const gate = pageFirst(['/assets/a.js', '/assets/b.css'], WAITS)
    gate.served('/assets/a.js')
    gate.served('/favicon.svg')
    gate.served('/assets/a.js')
    expect(await isOpen(gate)).toBe(false)
    gate.served('/assets/b.css')
    expect(await isOpen(gate)).toBe(true)
  })

  it('lets it run once the page connects its bridge, or when no page comes', async () => {
    const connected = pageFirst(['/assets/a.js'], WAITS)
    connected.open()
    expect(await isOpen(connected)).toBe(true)

    const none = pageFirst(['/assets/a.js'], WAITS)
    await vi.advanceTimersByTimeAsync(249)
    expect(await isOpen(none)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await isOpen(none)).toBe(true)
  })

  it('once a page asked for its markup, waits for its files past the wait for a page, at most pageMs', async () => {
    const gate = pageFirst(['/assets/a.js'], WAITS)
    await vi.advanceTimersByTimeAsync(200)
    gate.page()
    await vi.advanceTimersByTimeAsync(300)
    expect(await isOpen(gate)).toBe(false)
    gate.served('/assets/a.js')
    expect(await isOpen(gate)).toBe(true)

    const gone = pageFirst(['/assets/a.js'], WAITS)
    gone.page()
    await vi.advanceTimersByTimeAsync(1499)
    expect(await isOpen(gone)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await isOpen(gone)).toBe(true)
  })

  it('waits for the language chunk the page was told to preload', async () => {
    const gate = pageFirst(['/assets/a.js'], WAITS)
    gate.page('/assets/ui-nl-X.js')
    gate.served('/assets/a.js')
    expect(await isOpen(gate)).toBe(false)
    gate.served('/assets/ui-nl-X.js')
    expect(await isOpen(gate)).toBe(true)
    // Once open, a later page's files hold nothing back.
    gate.page('/assets/ui-hr-Y.js')
    expect(await isOpen(gate)).toBe(true)
  })

  it('does not wait for a page without files', async () => {
    expect(await isOpen(pageFirst([], WAITS))).toBe(true)
  })
})

describe('preloadedLanguage', () => {
  it("picks the app language the window will pick from the browser's list", () => {
    expect(preloadedLanguage('hr-HR,hr;q=0.9,en-US;q=0.8')).toBe('hr')
    expect(preloadedLanguage('de, nl-BE;q=0.7')).toBe('nl')
    expect(preloadedLanguage('sr-Latn')).toBe('en')
    expect(preloadedLanguage(undefined)).toBe('en')
    expect(preloadedLanguage(',;q=1, ;')).toBe('en')
  })
})

describe('withPreload', () => {
  it("adds one modulepreload at the end of the page's head, or leaves the page as it is", () => {
    const html = '<html><head><title>t</title></head><body></body></html>'
    expect(withPreload(html, '/assets/ui-en-X.js')).toBe(
      '<html><head><title>t</title>  <link rel="modulepreload" crossorigin href="./assets/ui-en-X.js">\n  </head><body></body></html>',
    )
    expect(withPreload(html, undefined)).toBe(html)
  })
})
