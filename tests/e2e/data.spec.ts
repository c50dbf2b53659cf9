import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const env = hostPerTest()

test('the host backs up at start; "Back up now" adds one; a failed backup is shown until one succeeds', async ({
  page,
}) => {
  const deck = new DeckPage(page)
  await page.goto(env.host.url)
  await deck.openSettings()
  const items = page.getByTestId('backup-item')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('daily')

  await page.getByTestId('backup-now').click()
  // One backup a day is kept (and always the newest): the one just taken replaces the morning's.
  await expect(items.first()).toContainText('by you')
  const backups = path.join(env.dataDir, 'backups')
  expect(fs.readdirSync(backups).filter((name) => name.endsWith('-manual.sqlite3'))).toHaveLength(1)
  await page.getByTestId('data-section').scrollIntoViewIfNeeded()
  await deck.screenshot('data-01-backups')

  fs.renameSync(backups, `${backups}.away`)
  fs.writeFileSync(backups, 'in the way')
  await page.getByTestId('backup-now').click()
  await expect(page.getByTestId('backup-error')).toContainText('backup failed')
  await expect(page.getByTestId('backup-failed')).toContainText('Retrying')

  fs.rmSync(backups)
  fs.renameSync(`${backups}.away`, backups)
  await page.getByTestId('backup-now').click()
  await expect(page.getByTestId('backup-error')).toHaveCount(0)
  await expect(page.getByTestId('backup-failed')).toHaveCount(0)
})

test('"Restore this backup" brings the backed-up state back into the window without a restart', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  const strip = page.getByTestId('call-strip')
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()

  await deck.openSettings()
  // The start's backup first (taken in the background once the page is up), so "Back up now" is
  // the newest of the day and is not replaced by it.
  await expect(page.getByTestId('backup-item').first()).toContainText('daily')
  await page.getByTestId('backup-now').click()
  await expect(page.getByTestId('backup-item').first()).toContainText('by you')
  await page.getByTestId('settings-done').click()

  await page.keyboard.press('e')
  await expect(page.getByTestId('call-start')).toBeVisible()
  await expect(strip).toContainText('No call')

  await deck.openSettings()
  await page.getByTestId('backup-restore').first().click()
  await expect(page.getByTestId('restore-confirm')).toContainText('kept aside')
  await deck.screenshot('data-02-restore-confirm')
  await page.getByTestId('restore-yes').click()
  // The window starts over from the restored data: the call that was open at the backup is open again.
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  expect(fs.readdirSync(env.dataDir).filter((name) => name.includes('.before-restore-'))).toHaveLength(1)
})
