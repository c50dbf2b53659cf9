import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultDeck } from '../../shared/default-deck'
import { teamReceiver, type TeamReceiver } from '../helpers/team-receiver'
import { DeckPage } from './deck-page'
import { EndShiftPage } from './end-shift-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

let dataDir: string
let host: RunningHost
let receiver: TeamReceiver
let policyFile: string

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-'))
  receiver = await teamReceiver()
  policyFile = path.join(dataDir, 'policy.json')
  // The team's deck, named relative to the policy file.
  const teamDeck = {
    ...defaultDeck,
    id: 'team-deck',
    name: { en: 'Team deck' },
    cards: defaultDeck.cards.filter((card) => card.id !== 'calm'),
  }
  fs.writeFileSync(path.join(dataDir, 'team.calmdeck.json'), JSON.stringify(teamDeck))
  fs.writeFileSync(
    policyFile,
    JSON.stringify({
      defaults: { recoveryMinutes: 7 },
      locked: {
        theme: 'dark',
        opacity: 'solid',
        hotkeys: {},
        backupKeepDaily: 3,
        callerNumber: 'off',
        callEventsLocal: true,
        recoverySound: false,
        shiftMode: 'hours',
        teamHelpOnSupervisor: true,
        agentName: 'Sanne',
        exportRedact: true,
      },
      deck: 'team.calmdeck.json',
      retentionDays: 90,
      teamFolder: path.join(dataDir, 'team'),
      teamChannelKind: 'webhook',
      teamChannelUrl: receiver.url,
      teamChannelSecret: 'it-secret-42',
    }),
  )
  host = await startHost(dataDir, { args: ['--policy', policyFile] })
})

test.afterEach(async () => {
  await receiver.stop()
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a policy presets, locks and sets the team channel; a locked change is refused over the WebSocket', async ({
  page,
}) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await deck.openSettings()

  // The malformed entry is reported with its path, in the window and the log; the rest applies.
  await expect(page.getByTestId('policy-issues')).toContainText('locked.opacity')
  expect(host.output()).toContain('policy: locked.opacity')

  const retention = page.getByTestId('setting-retention-days')
  await expect(retention).toHaveValue('90')
  await expect(retention).toBeDisabled()
  await expect(page.getByTestId('setting-team-folder')).toBeDisabled()
  await expect(page.getByTestId('locked-note').first()).toHaveText('Set by your organisation')
  await expect(page.getByTestId('backup-locked')).toHaveText('Set by your organisation')
  await expect(page.getByTestId('backup-summary')).toContainText('3 days')
  await expect(page.getByTestId('hotkeys-locked')).toHaveText('Set by your organisation')
  await expect(page.getByTestId('hotkey-help-request')).toBeDisabled()
  await retention.scrollIntoViewIfNeeded()
  await deck.screenshot('policy-02-data')

  const managed = page.getByTestId('team-managed')
  const port = new URL(receiver.url).port
  await expect(managed).toContainText('Set by your organisation')
  await expect(page.getByTestId('team-url-masked')).toHaveText(`http://127.0.0.1:${port}/…`)
  await expect(page.getByTestId('team-save')).toHaveCount(0)
  await expect(page.getByTestId('team-url')).toHaveCount(0)
  const html = await page.content()
  expect(html).not.toContain('secret-path')
  expect(html).not.toContain('it-secret-42')
  await managed.scrollIntoViewIfNeeded()
  await deck.screenshot('policy-01-team')

  // The host itself refuses: a raw request over the bridge, as any client could send it.
  const answers = await page.evaluate(async () => {
    const token = document.querySelector('meta[name="calmdeck-bridge"]')!.getAttribute('content')
    const ws = new WebSocket(`ws://${location.host}/bridge?token=${token}`)
    await new Promise((resolve) => ws.addEventListener('open', resolve))
    const ask = (id: number, channel: string, payload: unknown) =>
      new Promise<string>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const text = String(event.data)
          if ((JSON.parse(text) as { id?: number }).id !== id) return
          ws.removeEventListener('message', onMessage)
          resolve(text)
        }
        ws.addEventListener('message', onMessage)
        ws.send(JSON.stringify({ id, channel, payload }))
      })
    const retention = await ask(9001, 'settings:update', { retentionDays: 0 })
    const endpoint = await ask(9002, 'team:set-endpoint', { kind: null })
    const settings = await ask(9003, 'settings:get', {})
    ws.close()
    return { retention, endpoint, settings }
  })
  expect(answers.retention).toContain('"code":"locked"')
  expect(answers.endpoint).toContain('"code":"locked"')
  expect(JSON.parse(answers.settings)).toMatchObject({
    result: { ok: true, value: { retentionDays: 90, theme: 'dark', recoveryMinutes: 7 } },
  })

  await page.getByTestId('team-test').click()
  const [post] = await receiver.waitFor(1)
  expect(post!.path).toBe('/hooks/secret-path-abc123')
})

test("every row a policy locks says so and is disabled; the deck is the policy's", async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  // The policy's deck starts with its own first card, and cannot be replaced.
  await expect(deck.card).toHaveAttribute('data-card-id', 'listen')
  await deck.openSettings()
  await expect(page.getByTestId('deck-info')).toContainText('Team deck')
  await expect(page.getByTestId('deck-locked')).toHaveText('Set by your organisation')
  await expect(page.getByTestId('deck-import')).toHaveCount(0)

  for (const id of [
    'theme-light',
    'setting-caller-number',
    'setting-call-events-local',
    'setting-recovery-sound',
    'setting-shift-mode',
    'setting-team-supervisor',
    'setting-agent-name',
  ]) {
    const control = page.getByTestId(id)
    await expect(control, id).toBeDisabled()
    // The note sits in the same row as the control.
    await expect(page.locator('.row', { has: control }).getByTestId('locked-note'), id).toHaveText(
      'Set by your organisation',
    )
  }
  // Rows no policy entry names stay free.
  await expect(page.getByTestId('setting-recovery-minutes')).toBeEnabled()
  await expect(page.getByTestId('setting-always-on-top')).toBeEnabled()
  await page.getByTestId('setting-caller-number').scrollIntoViewIfNeeded()
  await deck.screenshot('policy-03-calls')
  await deck.closeSettings()

  // Forced masking in End shift: ticked, disabled, and said so.
  const shift = new EndShiftPage(page)
  await shift.open()
  await expect(page.getByTestId('end-shift-redact')).toBeChecked()
  await expect(page.getByTestId('end-shift-redact')).toBeDisabled()
  await expect(page.getByTestId('end-shift-redact-locked')).toHaveText('Set by your organisation')

  // IT changes the file while CalmDeck runs: the open window follows without a reload.
  fs.writeFileSync(policyFile, JSON.stringify({ locked: { recoverySound: false } }))
  await expect(page.getByTestId('end-shift-redact')).toBeEnabled()
  await expect(page.getByTestId('end-shift-redact-locked')).toHaveCount(0)
  await page.getByTestId('end-shift-close').click()
  await deck.expectCard('calm')
  await deck.openSettings()
  await expect(page.getByTestId('setting-caller-number')).toBeEnabled()
  await expect(page.getByTestId('setting-recovery-sound')).toBeDisabled()
  await expect(page.getByTestId('deck-import')).toBeVisible()
})
