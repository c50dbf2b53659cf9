import { expect, test, type Locator } from '@playwright/test'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'

test.use({ colorScheme: 'light', locale: 'en-GB', viewport: { width: 360, height: 640 } })

const env = hostPerTest()

/** The box of `locator` as laid out now (it must be shown). */
async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  const rect = await locator.boundingBox()
  if (!rect) throw new Error('not shown')
  return { top: rect.y, bottom: rect.y + rect.height }
}

test('a toast never covers the end of the list views or the note: it sits below them', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  const toast = page.getByTestId('toast')
  await page.keyboard.press('c')
  await expect(toast).toContainText('Call started')

  // Over the deck it floats above the controls, as before.
  const controls = await box(page.locator('footer.controls'))
  expect((await box(toast)).bottom).toBeLessThanOrEqual(controls.top)

  const ends: [key: string, view: string, end: string][] = [
    ['k', 'notes-view', 'notes-close'],
    ['t', 'timeline', 'timeline-close'],
    ['n', 'note-editor', 'note-editor'],
  ]
  for (const [key, view, end] of ends) {
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('card')).toBeVisible()
    await page.keyboard.press(key)
    await expect(page.getByTestId(view)).toBeVisible()
    await expect(toast).toBeVisible()
    const last = await box(page.getByTestId(end))
    expect({ view, bottom: last.bottom }).toEqual({ view, bottom: Math.min(last.bottom, (await box(toast)).top) })
  }
  await page.screenshot({ path: '/tmp/calmdeck-toast-note.png' })
})
