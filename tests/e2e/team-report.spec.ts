import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { writeTeamFolder } from '../helpers/team-folder'
import { DeckPage } from './deck-page'
import { EndShiftPage } from './end-shift-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB', viewport: { width: 460, height: 900 } })

let dataDir: string
let share: string
let host: RunningHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-'))
  share = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-share-'))
  // Seven agents (one named) on weekdays; on Saturdays only three, one of them named.
  writeTeamFolder(share, { agents: 7, firstDay: '2026-03-02', days: 13, named: 1, saturdayAgents: [0, 3, 4] })
  fs.writeFileSync(path.join(share, 'broken.json'), '{"format":"calmdeck.report"')
  host = await startHost(dataDir)
})

test.afterEach(async () => {
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(share, { recursive: true, force: true })
})

test('the team settings and the "Team report…" panel: weeks, "fewer than 5", skipped files, saved file', async ({
  page,
}) => {
  const deck = new DeckPage(page)
  await page.goto(host.url)
  await deck.openSettings()
  await page.getByTestId('setting-agent-name').fill('Ana')
  await page.getByTestId('setting-agent-name').press('Tab')
  await page.getByTestId('setting-team-folder').fill(share)
  await page.getByTestId('setting-team-folder').press('Tab')
  await page.getByTestId('setting-team-show-name').check()
  await expect(page.getByTestId('setting-team-folder-pdf')).toBeEnabled()
  await page.getByTestId('open-team-report').scrollIntoViewIfNeeded()
  await deck.screenshot('team-01-settings')

  await page.getByTestId('open-team-report').click()
  await expect(page.getByTestId('team-report-folder')).toHaveValue(share)
  await page.getByTestId('team-report-from').fill('2026-03-02')
  await page.getByTestId('team-report-to').fill('2026-03-14')
  await page.getByTestId('team-report-show').click()
  await expect(page.getByTestId('team-report-summary')).toHaveText('76 shifts of 7 agents from 77 files')
  const weeks = page.getByTestId('team-report-weeks')
  await expect(weeks.locator('tbody')).toHaveCount(2)
  // Week 10: six agents who did not opt in, so their figures show.
  const week10 = weeks.locator('tbody[data-week="2026-W10"]')
  await expect(week10.locator('tr[data-group="others"] td.hidden')).toHaveCount(0)
  await expect(week10.locator('tr[data-group="named"]')).toContainText('Agent 0')
  await expect(page.getByTestId('team-report-skipped')).toContainText('broken.json')
  await deck.screenshot('team-02-weeks')

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-out-'))
  try {
    await page.getByTestId('team-report-format').selectOption('md')
    await page.getByTestId('team-report-out').fill(out)
    await page.getByTestId('team-report-save').click()
    await expect(page.getByTestId('team-report-saved')).toContainText(out)
    const [file] = fs.readdirSync(out)
    const markdown = fs.readFileSync(path.join(out, file ?? ''), 'utf8')
    // The Saturdays (two agents who did not opt in) are "fewer than 5" in the file too.
    const saturday = markdown.split('\n').filter((line) => line.startsWith('| 2026-03-07 | Others'))
    expect(saturday).toHaveLength(1)
    expect(saturday[0]).toContain('fewer than 5')
    await page.getByTestId('team-report-save').click()
    await expect(page.getByTestId('team-report-error')).toContainText('already exists')
    await expect(page.getByTestId('team-report-force')).toBeVisible()
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
})

test('End shift also writes the masked JSON into the team folder and says so', async ({ page }) => {
  const deck = new DeckPage(page)
  const endShift = new EndShiftPage(page)
  const team = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-team-'))
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-own-'))
  try {
    await page.goto(host.url)
    await deck.openSettings()
    await page.getByTestId('setting-team-folder').fill(team)
    await page.getByTestId('setting-team-folder').press('Tab')
    await expect(page.getByTestId('setting-team-folder-pdf')).toBeEnabled()
    await deck.closeSettings()
    await endShift.open()
    await endShift.chooseFormats(['md'])
    await endShift.folder.fill(own)
    await endShift.export()
    await expect(page.getByTestId('end-shift-team')).toContainText('calmdeck-shift-')
    const [file] = fs.readdirSync(team)
    expect(file).toMatch(/^calmdeck-shift-.*\.json$/)
    const report = JSON.parse(fs.readFileSync(path.join(team, file ?? ''), 'utf8')) as {
      redacted: boolean
      team: { agent: { name: string | null } }
    }
    expect(report).toMatchObject({ redacted: true, team: { agent: { name: null } } })
    await deck.screenshot('team-03-end-shift')
  } finally {
    fs.rmSync(team, { recursive: true, force: true })
    fs.rmSync(own, { recursive: true, force: true })
  }
})
