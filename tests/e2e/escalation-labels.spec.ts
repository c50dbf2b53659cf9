import { expect, test } from '@playwright/test'
import { DeckPage } from './deck-page'
import { hostPerTest } from './host-per-test'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const env = hostPerTest()

const LANGUAGES = ['en', 'nl', 'hr'] as const
const WIDTHS = [320, 360] as const

/** Every escalation button's label fits its button (no text cut off or hidden), and the call strip's buttons their strip. */
test('every escalation label is readable at 320 and 360 px in English, Dutch and Croatian', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(env.host.url)
  const labels = page.locator('[data-testid^="escalation-"] .label')
  const cut: string[] = []
  for (const language of LANGUAGES) {
    await deck.openSettings()
    await deck.chooseLanguage(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    await deck.closeSettings()
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 480 })
      await expect(labels).toHaveCount(3)
      await page.screenshot({ path: `/tmp/calmdeck-escalations-${language}-${width}.png` })
      // Widths and heights in whole pixels as the layout has them now (read in one go, after the resize).
      const measured = await labels.evaluateAll((elements) =>
        elements.map((element) => ({
          text: element.textContent ?? '',
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
          scrollHeight: element.scrollHeight,
          clientHeight: element.clientHeight,
        })),
      )
      expect(measured.every((label) => label.clientWidth > 0)).toBe(true)
      // The call strip's buttons above them ("Gesprek starten") stay inside the strip too.
      const outside = await page
        .getByTestId('call-strip')
        .evaluate((strip) =>
          [...strip.querySelectorAll('button')]
            .filter((button) => button.getBoundingClientRect().right > strip.getBoundingClientRect().right)
            .map((button) => button.textContent?.trim() ?? ''),
        )
      for (const text of outside) cut.push(`${language} ${width}px: call strip "${text}"`)
      for (const label of measured)
        if (label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight)
          cut.push(`${language} ${width}px: "${label.text}" ${JSON.stringify(label)}`)
    }
  }
  expect(cut).toEqual([])
})
