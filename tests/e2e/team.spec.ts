import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { teamReceiver, type TeamReceiver } from '../helpers/team-receiver'
import { DeckPage } from './deck-page'
import { TeamPage } from './team-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

let dataDir: string
let host: RunningHost
let receiver: TeamReceiver

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-'))
  host = await startHost(dataDir)
  receiver = await teamReceiver()
})

test.afterEach(async () => {
  await receiver.stop()
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('ask for help by key: "sent ✓"; the URL is shown masked; offline shows "retrying" until delivered', async ({
  page,
}) => {
  const deck = new DeckPage(page)
  const team = new TeamPage(page)
  await deck.open(host.url)
  await deck.openSettings()
  await team.setChannel('teams', receiver.url, 'Sanne')
  const port = new URL(receiver.url).port
  await expect(page.getByTestId('team-url-masked')).toHaveText(`http://127.0.0.1:${port}/…`)
  await expect(page.getByTestId('team-url')).toHaveValue('')
  expect(await page.content()).not.toContain('secret-path')
  await team.section.scrollIntoViewIfNeeded()
  await deck.screenshot('team-01-settings')
  await deck.closeSettings()

  // Each key waits for its result: three letters within 300 ms are typing, not commands (keys.spec.ts).
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await page.keyboard.press('b')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.keyboard.press('g')
  await expect(team.status).toContainText(/Help requested \d\d:\d\d · sent ✓/)
  expect(receiver.posts).toHaveLength(1)
  const card = JSON.parse(receiver.posts[0]!.body).attachments[0].content
  expect(card.body[0].text).toBe('Sanne asks for help')
  await deck.screenshot('team-02-sent')

  // The Help button does what G does: one click sends at once, no form in the way.
  await page.getByTestId('help-now').click()
  await expect.poll(() => receiver.posts.length).toBe(2)
  await expect(page.getByTestId('help-form')).toHaveCount(0)
  const second = JSON.parse(receiver.posts[1]!.body).attachments[0].content
  expect(second.body[0].text).toBe('Sanne asks for help')
  expect(receiver.posts[1]!.body).not.toContain('he is shouting')
  await expect(team.status).toContainText(/Help requested \d\d:\d\d · sent ✓/)

  // "Add a line…" is the way to the form.
  await page.getByTestId('help-open').click()
  await page.getByTestId('help-text').fill('Please listen in, he is shouting')
  await deck.screenshot('team-03-form')
  await page.getByTestId('help-text').press('Escape')
  await expect(page.getByTestId('help-form')).toHaveCount(0)
  await team.askWithText('Please listen in, he is shouting')
  await expect.poll(() => receiver.posts.length).toBe(3)
  expect(receiver.posts[2]!.body).toContain('Please listen in, he is shouting')

  await receiver.stop()
  await page.keyboard.press('g')
  await expect(team.status).toContainText('Not sent yet — retrying')
  await deck.screenshot('team-04-retrying')
  await receiver.start()
  await expect(team.status).toContainText('sent ✓')
  expect(receiver.posts).toHaveLength(4)
})
