import { expect, test } from '@playwright/test'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'
import { NotesPage } from './notes-page'

/** Keys in the window: Esc goes back from anywhere, a field included. */
test.use({ colorScheme: 'light', locale: 'en-GB' })

const env = hostPerTest()

test('Esc goes back from Settings after ticking a checkbox, and the tick is kept', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()
  const toggle = page.getByTestId('setting-recovery-sound')
  const ticked = !(await toggle.isChecked())
  await toggle.setChecked(ticked)
  await expect(toggle).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('settings')).toBeHidden()
  await expect(deck.card).toBeVisible()

  await deck.openSettings()
  await expect(page.getByTestId('setting-recovery-sound')).toBeChecked({ checked: ticked })
})

test('Esc goes back from a settings text field, which saves what was typed', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()
  const name = page.getByTestId('setting-agent-name')
  await name.fill('Sanne')
  await name.press('Escape')
  await expect(deck.card).toBeVisible()
  await deck.openSettings()
  await expect(page.getByTestId('setting-agent-name')).toHaveValue('Sanne')
})

test('Esc goes back from the note editor while typing; the note is saved, not a word lost', async ({ page }) => {
  const deck = new DeckPage(page)
  const notes = new NotesPage(page)
  await deck.open(env.host.url)
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await notes.openWithKey()
  await notes.whatHappened.click()
  await page.keyboard.type('Wants a refund by Friday')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('note-editor')).toBeHidden()
  await expect(deck.card).toBeVisible()

  await notes.openWithKey()
  await expect(notes.whatHappened).toHaveValue('Wants a refund by Friday')
  await notes.expectSaved()
  // A fresh page reads the note from the host: it was committed.
  await page.reload()
  await expect(deck.card).toBeVisible()
  await notes.openWithKey()
  await expect(notes.whatHappened).toHaveValue('Wants a refund by Friday')
})
