import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { uiMessages } from '../../shared/i18n/ui-catalog'
import { DeckPage, SCREENSHOTS } from './deck-page'
import { EndShiftPage } from './end-shift-page'

/**
 * EN 301 549 / WCAG 2.1 AA: every view passes an axe-core audit with no serious or critical
 * violation, in the light and dark themes and in every language.
 */
const THEMES = ['light', 'dark'] as const
const LANGUAGES = ['en', 'nl', 'hr'] as const
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let dataDir: string
let host: WebHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-a11y-'))
  host = await startWebHost({
    // In-process, from the TypeScript source: the services without a bundler.
    createServices: createAppServices,
    port: 0,
    apiPort: 0,
    dataDir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    version: 'test',
  })
})

test.afterEach(async () => {
  await host.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** The serious and critical violations on the page as it is now, one line each. */
async function audit(page: Page, view: string): Promise<string[]> {
  // Colours are measured as shown: let fades and slides finish first (a half-faded text is not a finding).
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))),
  )
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${view}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.any[0]?.message ?? ''}`).join(', ')}`,
    )
}

test('closing a note you typed in returns to the deck with its call strip and controls', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('c')
  await page.keyboard.press('n')
  await page.getByTestId('note-whatHappened').fill('Late delivery')
  await page.getByTestId('note-close').click()
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await expect(deck.next).toBeVisible()
  await expect.poll(() => host.services.notes.forCall(1)?.whatHappened).toBe('Late delivery')
})

for (const theme of THEMES) {
  for (const language of LANGUAGES) {
    test(`every view passes axe in ${theme} / ${language}`, async ({ page }) => {
      test.setTimeout(120_000)
      host.services.settings.update({ theme, locale: language })
      const deck = new DeckPage(page)
      const problems: string[] = []
      const check = async (view: string) => {
        problems.push(...(await audit(page, view)))
        if (language === 'en' || process.env.A11Y_SHOTS) await deck.screenshot(`a11y-${theme}-${view}`)
      }
      await deck.open(host.url)
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      await check('deck')

      await deck.openSettings()
      await expect(page.getByTestId('about-version')).toHaveText('test')
      await check('settings')
      const about = page.getByTestId('about-section')
      await expect(page.getByTestId('privacy-kept').locator('li')).toHaveCount(uiMessages[language].about.kept.length)
      await expect(page.getByTestId('privacy-sent').locator('li')).toHaveCount(uiMessages[language].about.sent.length)
      await about.screenshot({ path: path.join(SCREENSHOTS, `a11y-${theme}-${language}-about.png`) })
      await deck.closeSettings()

      await page.keyboard.press('c')
      await expect(page.getByTestId('call-elapsed')).toBeVisible()
      await check('call-strip')

      await page.keyboard.press('1')
      // The escalation card itself (a key acts 300 ms after it is pressed; the phase card has an eyebrow too).
      await expect(page.locator('[data-testid="card"].escalation')).toBeVisible()
      await check('escalation')
      await page.keyboard.press('Escape')

      await page.keyboard.press('l')
      await expect(page.getByTestId('log-palette')).toBeVisible()
      await check('log-palette')
      await page.keyboard.press('Escape')

      await page.keyboard.press('n')
      await expect(page.getByTestId('note-editor')).toBeVisible()
      await page.getByTestId('note-whatHappened').fill('Late delivery')
      await check('note-editor')
      await page.getByTestId('note-close').click()
      await expect(page.getByTestId('note-editor')).toBeHidden()

      await expect(page.getByTestId('call-elapsed')).toBeVisible()
      await page.keyboard.press('b')
      await expect(page.getByTestId('call-hard')).toBeVisible()
      await page.keyboard.press('e')
      await expect(page.getByTestId('recovery-offer')).toBeVisible()
      await check('recovery-offer')
      await page.getByTestId('recovery-accept').click()
      await expect(page.getByTestId('recovery-view')).toBeVisible()
      await check('recovery')
      await page.getByTestId('recovery-end').click()

      await page.keyboard.press('t')
      await expect(page.getByTestId('timeline-call').first()).toBeVisible()
      await page.getByTestId('timeline-call').first().locator('button').first().click()
      await check('timeline')
      await page.getByTestId('timeline-close').click()

      await page.keyboard.press('k')
      await expect(page.getByTestId('notes-view')).toBeVisible()
      await check('notes-list')
      await page.keyboard.press('Escape')

      await new EndShiftPage(page).open()
      await check('end-shift')

      expect(problems).toEqual([])
    })
  }
}
