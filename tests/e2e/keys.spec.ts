import { expect, test } from '@playwright/test'
import { teamReceiver } from '../helpers/team-receiver'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'
import { NotesPage } from './notes-page'
import { TeamPage } from './team-page'

/** Keys in the window: Esc goes back from anywhere, a field included; typing is not a string of commands. */
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

test('a sentence typed outside a field starts a note: the call goes on, no break, no help request', async ({
  page,
}) => {
  const receiver = await teamReceiver()
  try {
    const deck = new DeckPage(page)
    const notes = new NotesPage(page)
    const team = new TeamPage(page)
    await deck.open(env.host.url)
    await deck.openSettings()
    await team.setChannel('teams', receiver.url, 'Sanne')
    await deck.closeSettings()
    await page.keyboard.press('c')
    await expect(page.getByTestId('call-elapsed')).toBeVisible()

    // E ends the call, W starts a break, G asks for help: all in this sentence, none a command.
    const sentence = 'Went over the agreed wage, gave him a refund'
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.type(sentence, { delay: 30 })
    await expect(notes.whatHappened).toHaveValue(sentence)
    await expect(notes.whatHappened).toBeFocused()
    await notes.expectSaved()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('call-elapsed')).toBeVisible()
    await expect(page.getByTestId('recovery-view')).toHaveCount(0)

    // A single key is still a command; once it is logged, anything the sentence sent would have been too.
    await page.keyboard.press('a')
    await expect(page.getByTestId('toast')).toContainText('Logged: Anger rising')
    await expect(page.getByTestId('call-elapsed')).toBeVisible()
    await expect(team.status).toHaveCount(0)
    expect(receiver.posts).toHaveLength(0)

    await notes.openWithKey()
    await expect(notes.whatHappened).toHaveValue(sentence)
  } finally {
    await receiver.stop()
  }
})

test('a key acts as it meant when pressed: E then Settings at once still ends the call', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  // E is held a moment to tell it from typing; Settings opens within that moment.
  await page.keyboard.press('e')
  await deck.openSettings()
  await deck.closeSettings()
  await expect(page.getByTestId('call-elapsed')).toHaveCount(0)
})
