import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { DeckPage } from './deck-page'
import { NotesPage } from './notes-page'

/** Screen readers hear what is logged, saved and when a break ends; every control is reachable by Tab with a visible focus. */
test.use({ colorScheme: 'light', locale: 'en-GB' })

const MIN = 60_000
let clock = Date.now()
let dataDir: string
let host: WebHost

test.beforeEach(async () => {
  clock = Date.now()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-keys-'))
  host = await startWebHost({
    // In-process, from the TypeScript source: the services without a bundler.
    createServices: createAppServices,
    port: 0,
    apiPort: 0,
    dataDir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    version: 'test',
    now: () => clock,
  })
})

test.afterEach(async () => {
  await host.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('live regions announce "Logged: …", "Saved" and the end of a break', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  const feedback = page.getByTestId('live-feedback')
  // The regions are in the page before anything happens, so a screen reader is listening.
  await expect(feedback).toHaveAttribute('role', 'status')
  await expect(page.getByTestId('live-break')).toHaveAttribute('role', 'status')
  await page.keyboard.press('c')
  await page.keyboard.press('b')
  await expect(feedback).toHaveText('Logged: Boundary warning given')

  const notes = new NotesPage(page)
  await notes.openWithKey()
  await notes.whatHappened.fill('Late delivery')
  await expect(notes.status).toHaveAttribute('role', 'status')
  await notes.expectSaved()
  await expect(notes.status).toHaveText('Saved')
  await notes.close()

  await page.keyboard.press('e')
  await page.getByTestId('recovery-accept').click()
  await expect(page.getByTestId('recovery-view')).toBeVisible()
  clock += 5 * MIN + 1000
  await expect(page.getByTestId('recovery-view')).toBeHidden()
  await expect(page.getByTestId('live-break')).toHaveText('Your recovery break is over. Welcome back.')
})

/** Tabs through the page; every visible, enabled control must get the focus, each with a visible outline. */
async function tabThrough(page: Page): Promise<{ missed: string[]; unmarked: string[] }> {
  const controls = await page.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, [tabindex="0"], summary',
    )
    return [...all]
      .filter((element) => element.offsetParent !== null && !(element as HTMLButtonElement).disabled)
      .filter((element) => element.tabIndex >= 0)
      .map((element, index) => {
        element.dataset.tabProbe = String(index)
        return String(index)
      })
  })
  const reached = new Set<string>()
  const unmarked: string[] = []
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  for (let step = 0; step < controls.length + 3; step++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const style = getComputedStyle(element)
      const marked =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none'
      return { probe: element.dataset.tabProbe ?? '', marked, name: element.outerHTML.slice(0, 80) }
    })
    if (!focused) continue
    reached.add(focused.probe)
    if (!focused.marked) unmarked.push(focused.name)
  }
  // Controls that went away meanwhile (a toast that timed out) need not be reached.
  const missed = await page.evaluate(
    (ids) =>
      ids.flatMap((id) => {
        const element = document.querySelector<HTMLElement>(`[data-tab-probe="${id}"]`)
        return element && element.offsetParent !== null ? [element.outerHTML.slice(0, 80)] : []
      }),
    controls.filter((id) => !reached.has(id)),
  )
  return { missed, unmarked }
}

test('every control of the deck and of Settings is reachable by Tab, with a visible focus', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('c')
  expect(await tabThrough(page)).toEqual({ missed: [], unmarked: [] })
  await deck.openSettings()
  expect(await tabThrough(page)).toEqual({ missed: [], unmarked: [] })
})
