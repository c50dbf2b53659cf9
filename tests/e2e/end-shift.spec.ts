import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DeckPage } from './deck-page'
import { EndShiftPage } from './end-shift-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

let dataDir: string
let outDir: string
let host: RunningHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-shift-'))
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-reports-'))
  host = await startHost(dataDir)
})

test.afterEach(async () => {
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(outDir, { recursive: true, force: true })
})

test('"End shift" shows the summary and exports the chosen formats to a folder', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  // A hard call with a boundary warning, then an ordinary one.
  await page.getByTestId('call-start').click()
  await page.getByTestId('open-log').click()
  await page.getByTestId('log-boundary-warning').click()
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.getByTestId('call-end').click()
  await page.getByTestId('call-start').click()
  await page.getByTestId('call-end').click()
  await expect(page.getByTestId('call-strip')).toContainText('No call')

  const shift = new EndShiftPage(page)
  await shift.open()
  await expect(shift.tile('calls')).toHaveText('2')
  await expect(shift.tile('hardCalls')).toHaveText('1')
  await expect(shift.tile('boundaryWarnings')).toHaveText('1')
  await deck.screenshot('40-end-shift')

  await page
    .getByTestId('end-shift-remark')
    .fill('Quiet afternoon; one caller crossed the line. Call back 06-12345678.')
  await shift.chooseFormats(['pdf', 'csv', 'md', 'json'])
  await page.getByTestId('end-shift-redact').check()
  // No folder yet: Export waits, and the window says what for (tied to the field for screen readers).
  const needed = page.getByTestId('end-shift-folder-needed')
  await expect(page.getByTestId('end-shift-export')).toBeDisabled()
  await expect(needed).toHaveText('Type the folder the report goes in; then Export can start.')
  await expect(shift.folder).toHaveAttribute('aria-describedby', 'end-shift-folder-needed')
  await shift.folder.fill(outDir)
  await expect(needed).toBeHidden()
  await shift.export()
  await expect(page.getByTestId('end-shift-done')).toContainText('Exported 4 files')
  await expect(shift.files).toHaveCount(4)
  await deck.screenshot('41-end-shift-exported')

  const written = fs.readdirSync(outDir).sort()
  expect(written).toHaveLength(4)
  expect(written.map((name) => path.extname(name)).sort()).toEqual(['.csv', '.json', '.md', '.pdf'])
  const stem = written[0]?.replace(/\.\w+$/, '') ?? ''
  const md = fs.readFileSync(path.join(outDir, `${stem}.md`), 'utf8')
  expect(md).toContain('Quiet afternoon; one caller crossed the line. Call back \\[phone\\].')
  expect(md).toContain('Boundary warning given')
  const json = JSON.parse(fs.readFileSync(path.join(outDir, `${stem}.json`), 'utf8')) as { summary: { calls: number } }
  expect(json.summary.calls).toBe(2)
  expect(
    fs
      .readFileSync(path.join(outDir, `${stem}.pdf`))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')

  // A second export of the same shift refuses to overwrite until the agent says so.
  await shift.export()
  await expect(shift.error).toContainText('Nothing was overwritten')
  await page.getByTestId('end-shift-force').check()
  await shift.export()
  await expect(page.getByTestId('end-shift-done')).toBeVisible()

  // The folder and formats are remembered.
  await page.getByTestId('end-shift-close').click()
  await shift.open()
  await expect(shift.folder).toHaveValue(outDir)
  await expect(page.getByTestId('end-shift-format-json')).toBeChecked()
})
