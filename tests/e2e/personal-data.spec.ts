import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { seedYear } from '../bench/export'
import { DeckPage } from './deck-page'
import { NotesPage } from './notes-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

/** A word only the agent's note holds, to look for in every byte left on disk. */
const SECRET = 'Kwispelstaartincident'

let dataDir: string
let host: RunningHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-data-'))
  host = await startHost(dataDir)
})

test.afterEach(async () => {
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function filesHolding(dir: string, needle: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesHolding(full, needle)
    return fs.readFileSync(full).includes(needle) ? [full] : []
  })
}

test('pin a call, export all, delete all with the typed word (nothing left on disk), import it back', async ({
  page,
}) => {
  const deck = new DeckPage(page)
  const notes = new NotesPage(page)
  await deck.open(host.url)
  // Each key waits for its result: three letters within 300 ms are typing, not commands (keys.spec.ts).
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await page.keyboard.press('e')
  await expect(page.getByTestId('call-start')).toBeVisible()
  await notes.openWithKey()
  await notes.whatHappened.fill(`${SECRET} on the line`)
  await notes.expectSaved()
  const pin = page.getByTestId('pin-toggle')
  await expect(pin).toHaveText('Keep this incident')
  await pin.click()
  await expect(pin).toHaveAttribute('aria-pressed', 'true')
  await deck.screenshot('data-10-note-pinned')
  await notes.close()

  await page.keyboard.press('t')
  await expect(page.getByTestId('timeline-pinned')).toHaveText('Kept')
  await page.getByTestId('timeline-call').first().getByRole('button').first().click()
  await expect(page.getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('timeline-close').click()

  await deck.openSettings()
  await page.getByTestId('setting-retention-days').fill('30')
  await page.getByTestId('setting-retention-days').press('Tab')
  await expect(page.getByTestId('data-section')).toContainText('older than 30 days are deleted every day')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()])
  const exported = path.join(dataDir, '..', `${path.basename(dataDir)}-export.json`)
  await download.saveAs(exported)
  try {
    const data = JSON.parse(fs.readFileSync(exported, 'utf8')) as {
      format: string
      calls: { pinned: boolean }[]
      notes: { whatHappened: string }[]
      settings: { retentionDays: number }
    }
    expect(data.format).toBe('calmdeck-personal-data')
    expect(data.calls).toMatchObject([{ pinned: true }])
    expect(data.notes[0]?.whatHappened).toContain(SECRET)
    expect(data.settings.retentionDays).toBe(30)

    // Importing into a CalmDeck that holds data is refused.
    await page.getByTestId('data-import-file').setInputFiles(exported)
    await expect(page.getByTestId('data-message')).toContainText('already holds calls or notes')

    await page.getByTestId('data-delete').click()
    const confirm = page.getByTestId('data-delete-confirm-button')
    await page.getByTestId('data-delete-word').fill('yes')
    await expect(confirm).toBeDisabled()
    await page.getByTestId('data-delete-word').fill('delete')
    await expect(confirm).toBeEnabled()
    await page.getByTestId('data-delete-confirm').scrollIntoViewIfNeeded()
    await deck.screenshot('data-11-delete-confirm')
    await confirm.click()
    await expect(page.getByTestId('data-delete-message')).toHaveText('All your data was deleted.')
    expect(filesHolding(dataDir, SECRET)).toEqual([])
    await expect(page.getByTestId('setting-retention-days')).toHaveValue('0')

    await page.getByTestId('data-import-file').setInputFiles(exported)
    await expect(page.getByTestId('data-message')).toHaveText('Imported. Calls: 1, notes: 1.')
    await expect(page.getByTestId('setting-retention-days')).toHaveValue('30')
    await page.getByTestId('data-section').scrollIntoViewIfNeeded()
    await deck.screenshot('data-12-imported')
    await deck.closeSettings()
    const hits = await notes.search(SECRET.slice(0, 10))
    await expect(hits).toHaveCount(1)
  } finally {
    fs.rmSync(exported, { force: true })
  }
})

test('imports a year of data (tens of MB, more than one bridge message) through the window', async ({ page }) => {
  test.setTimeout(300_000)
  const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-year-'))
  const file = path.join(sourceDir, 'year.json')
  try {
    const source = createAppServices({ dataDir: sourceDir, host: 'web', version: 'e2e' })
    try {
      seedYear(source.db)
      fs.writeFileSync(file, source.personalData.export().text)
    } finally {
      source.close()
    }
    expect(fs.statSync(file).size).toBeGreaterThan(20 * 1024 * 1024)
    const deck = new DeckPage(page)
    await deck.open(host.url)
    await deck.openSettings()
    await page.getByTestId('data-import-file').setInputFiles(file)
    await expect(page.getByTestId('data-message')).toHaveText('Imported. Calls: 15000, notes: 15000.', {
      timeout: 240_000,
    })
    await page.getByTestId('data-section').scrollIntoViewIfNeeded()
    await deck.screenshot('data-13-year-imported')
  } finally {
    fs.rmSync(sourceDir, { recursive: true, force: true })
  }
})
