import { expect, test, type Page } from '@playwright/test'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const env = hostPerTest()

/** Saves settings from a second client of the bridge (another window), as the host would broadcast them. */
async function saveElsewhere(page: Page, patch: Record<string, unknown>): Promise<void> {
  const answer = await page.evaluate(async (body) => {
    const token = document.querySelector('meta[name="calmdeck-bridge"]')!.getAttribute('content')
    const ws = new WebSocket(`ws://${location.host}/bridge?token=${token}`)
    await new Promise((resolve) => ws.addEventListener('open', resolve))
    const reply = new Promise<string>((resolve) =>
      ws.addEventListener('message', (event) => {
        const text = String(event.data)
        if ((JSON.parse(text) as { id?: number }).id === 1) resolve(text)
      }),
    )
    ws.send(JSON.stringify({ id: 1, channel: 'settings:update', payload: body }))
    const text = await reply
    ws.close()
    return text
  }, patch)
  expect(answer).toContain('"ok":true')
}

test('text typed into a setting survives another setting saved meanwhile, and is saved on change', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()
  await saveElsewhere(page, { shiftMode: 'hours', callEventsBaresip: true })

  const name = page.getByTestId('setting-agent-name')
  const address = page.getByTestId('setting-baresip-address')
  const start = page.getByTestId('setting-shift-start')
  await expect(address).toBeVisible()
  await expect(start).toBeVisible()
  await name.fill('Sam from team B')
  await address.fill('127.0.0.1:5555')
  // Not yet changed (no blur, no Enter): another window saves the theme; the panel re-renders.
  await saveElsewhere(page, { theme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(name).toHaveValue('Sam from team B')
  await expect(address).toHaveValue('127.0.0.1:5555')

  await name.press('Enter')
  await address.press('Enter')
  await start.fill('07:30')
  await start.press('Tab')
  const saved = await page.evaluate(async () => {
    const token = document.querySelector('meta[name="calmdeck-bridge"]')!.getAttribute('content')
    const ws = new WebSocket(`ws://${location.host}/bridge?token=${token}`)
    await new Promise((resolve) => ws.addEventListener('open', resolve))
    const reply = new Promise<string>((resolve) =>
      ws.addEventListener('message', (event) => resolve(String(event.data))),
    )
    ws.send(JSON.stringify({ id: 1, channel: 'settings:get', payload: {} }))
    const text = await reply
    ws.close()
    return text
  })
  expect(JSON.parse(saved)).toMatchObject({
    result: {
      ok: true,
      value: { agentName: 'Sam from team B', baresipAddress: '127.0.0.1:5555', shiftStart: '07:30' },
    },
  })

  // A value stored elsewhere still reaches the field.
  await saveElsewhere(page, { agentName: 'Sam' })
  await expect(name).toHaveValue('Sam')
})
