import { expect, test, type Route } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const env = hostPerTest()

const PHASES = ['calm', 'listen', 'understand', 'empathise', 'apologise', 'solve', 'close', 'document', 'recover']

const teamDeck = {
  format: 'calmdeck.deck',
  version: 1,
  id: 'team-billing',
  name: { en: 'Billing team deck' },
  defaultLocale: 'en',
  cards: [
    {
      id: 'greet',
      kind: 'phase',
      title: { en: 'Greet warmly' },
      prompt: { en: 'Say your name.' },
      phrases: [{ en: 'Good morning, this is billing.' }],
    },
    {
      id: 'verify',
      kind: 'phase',
      title: { en: 'Verify the account' },
      prompt: { en: 'Ask for the invoice number.' },
      phrases: [{ en: 'Could you read me the invoice number?' }],
    },
    {
      id: 'policy',
      kind: 'escalation',
      title: { en: 'Refund policy' },
      prompt: { en: 'Refunds within 30 days.' },
      phrases: [{ en: 'Let me check what is possible.' }],
    },
  ],
}

test('walks the deck forwards and backwards by keyboard', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.expectCard('calm')
  await expect(deck.eyebrow).toHaveText('Step 1 of 9')
  await expect(deck.previous).toBeDisabled()
  await deck.screenshot('01-first-card-light')
  // The first card comes with the window, at once; a card that replaces it enters with a motion.
  await expect(deck.card).toHaveCSS('animation-name', 'none')
  await page.keyboard.press('ArrowRight')
  await deck.expectCard('listen')
  await expect(deck.card).not.toHaveCSS('animation-name', 'none')
  await page.keyboard.press('ArrowLeft')
  await deck.expectCard('calm')

  for (const id of PHASES.slice(1)) {
    await page.keyboard.press('ArrowRight')
    await deck.expectCard(id)
  }
  await expect(deck.eyebrow).toHaveText('Step 9 of 9')
  await expect(deck.next).toBeDisabled()
  await page.keyboard.press('ArrowRight')
  await deck.expectCard('recover')

  for (const id of PHASES.slice(0, -1).reverse()) {
    await page.keyboard.press('ArrowLeft')
    await deck.expectCard(id)
  }
  await page.keyboard.press('ArrowLeft')
  await deck.expectCard('calm')

  await deck.next.click()
  await deck.expectCard('listen')
  await page.getByRole('button', { name: 'Go to Find a solution' }).click()
  await deck.expectCard('solve')
})

test('opens an escalation card at any moment and returns to the same phase', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await deck.expectCard('understand')

  await page.keyboard.press('2')
  await deck.expectCard('boundary')
  await expect(deck.escalation('boundary')).toHaveAttribute('aria-pressed', 'true')
  await expect(deck.eyebrow).toContainText('Escalation')
  await deck.screenshot('02-escalation-boundary')
  await page.keyboard.press('Escape')
  await deck.expectCard('understand')

  await deck.escalation('supervisor').click()
  await deck.expectCard('supervisor')
  await deck.escalation('ideal-solution').click()
  await deck.expectCard('ideal-solution')
  await deck.escalation('ideal-solution').click()
  await deck.expectCard('understand')

  await page.keyboard.press('3')
  await page.keyboard.press('ArrowLeft')
  await deck.expectCard('understand')
})

test('switches the language to Dutch and Croatian, deck and interface alike', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await expect(deck.title).toHaveText('Stay calm')
  await expect(deck.next).toContainText('Next')

  await deck.openSettings()
  await deck.chooseLanguage('nl')
  await expect(page.getByTestId('settings')).toContainText('Instellingen')
  await deck.closeSettings()
  await expect(deck.title).toHaveText('Blijf kalm')
  await expect(deck.next).toContainText('Volgende')
  await expect(deck.eyebrow).toHaveText('Stap 1 van 9')
  await deck.screenshot('03-dutch')

  await deck.openSettings()
  await deck.chooseLanguage('hr')
  await deck.closeSettings()
  await expect(deck.title).toHaveText('Zadrži mir')
  await expect(deck.next).toContainText('Dalje')
  await page.keyboard.press('ArrowRight')
  await expect(deck.title).not.toHaveText('Zadrži mir')
  await deck.screenshot('04-croatian')
})

test('imports a valid deck, refuses an invalid one with its problems, and keeps the deck', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()

  await deck.importDeck('team.json', JSON.stringify(teamDeck))
  await expect(page.getByTestId('deck-message')).toContainText('Billing team deck')
  await expect(page.getByTestId('deck-info')).toContainText('2 phases · 1 escalation card')

  const broken = structuredClone(teamDeck) as unknown as { cards: Record<string, unknown>[] }
  delete broken.cards[1]!.title
  broken.cards[2]!.kind = 'sidebar'
  await deck.importDeck('broken.json', JSON.stringify(broken))
  const message = page.getByTestId('deck-message')
  await expect(message).toContainText('Deck not imported. Your current deck is unchanged.')
  await expect(page.getByTestId('deck-issues')).toContainText('cards[1].title')
  await expect(page.getByTestId('deck-issues')).toContainText('cards[2].kind')
  await deck.screenshot('05-import-error')

  await deck.importDeck('not-json.json', '{ "format": ')
  await expect(message).toContainText('not valid JSON')

  await expect(page.getByTestId('deck-info')).toContainText('Billing team deck')
  await deck.closeSettings()
  await deck.expectCard('greet')
  await expect(deck.eyebrow).toHaveText('Step 1 of 2')
  await page.keyboard.press('1')
  await deck.expectCard('policy')
})

test('exports the current deck as a file', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()
  const download = page.waitForEvent('download')
  await page.getByTestId('deck-export').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('calmdeck-default.calmdeck.json')
  const saved = JSON.parse(fs.readFileSync((await file.path()) ?? '', 'utf8')) as { cards: { id: string }[] }
  expect(saved.cards.map((card) => card.id).slice(0, 3)).toEqual(['calm', 'listen', 'understand'])
})

test('keeps settings and the imported deck across a restart of the host', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await deck.openSettings()
  await deck.chooseLanguage('hr')
  await page.getByTestId('theme-dark').click()
  await deck.importDeck('team.json', JSON.stringify(teamDeck))
  await expect(page.getByTestId('deck-message')).toBeVisible()
  await deck.screenshot('06-settings-dark')

  await env.restart()
  await deck.open(env.host.url)
  await deck.expectCard('greet')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hr')
  await expect(deck.next).toContainText('Dalje')
  await deck.openSettings()
  await expect(page.getByTestId('setting-locale')).toHaveValue('hr')
  await expect(page.getByRole('radio', { name: 'Tamna' })).toHaveAttribute('aria-checked', 'true')
})

test('says so in the window when a damaged database was moved aside', async ({ page }) => {
  await env.restart(() =>
    fs.writeFileSync(path.join(env.dataDir, 'calmdeck.sqlite3'), 'garbage, not a database '.repeat(100)),
  )
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await expect(page.getByTestId('storage-notice')).toContainText('calmdeck.sqlite3.damaged-')
  // The terminal is told too, in the user's language (the host's catalog).
  await expect.poll(() => env.host.output()).toMatch(/calmdeck web: .*calmdeck\.sqlite3\.damaged-/)
  await deck.screenshot('07-database-recovered')
  expect(fs.readdirSync(env.dataDir).some((name) => name.startsWith('calmdeck.sqlite3.damaged-'))).toBe(true)
})

test('says so, not a blank window, when the host cannot be reached for the first answers', async ({ page }) => {
  // The page comes with a token the host refuses (and, served by the route, Chromium keeps it off
  // the loopback host as well): its bridge never opens.
  const refused = async (route: Route) => {
    const response = await route.fetch()
    const body = (await response.text()).replace(/(name="calmdeck-bridge" content=")[^"]*/, '$1refused')
    await route.fulfill({ response, body })
  }
  await page.route(env.host.url, refused)
  await page.goto(env.host.url)
  await expect(page.getByTestId('connection-lost')).toBeVisible()
  await expect(page.getByTestId('card')).toHaveCount(0)

  // The page keeps retrying, and each retry fetches the page for a fresh token through `refused`:
  // wait for a retry in the handler to end. (Unrouted while one was running, its fulfil came after
  // the route had fallen back to the host, "Route is already handled!", and failed the test on a
  // busy machine.)
  await page.unrouteAll({ behavior: 'wait' })
  await page.reload()
  await expect(page.getByTestId('card')).toBeVisible()
  await expect(page.getByTestId('connection-lost')).toHaveCount(0)
})

test('shows the dark theme when the system prefers it', async ({ browser }) => {
  const context = await browser.newContext({
    colorScheme: 'dark',
    viewport: { width: 320, height: 480 },
    deviceScaleFactor: 2,
  })
  const page = await context.newPage()
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.keyboard.press('ArrowRight')
  await deck.screenshot('08-dark-listen')
  await context.close()
})
