import { expect, type Locator, type Page } from '@playwright/test'
import path from 'node:path'

export const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots')

/** The compact deck window, as an agent sees it. */
export class DeckPage {
  readonly card: Locator
  readonly title: Locator
  readonly eyebrow: Locator
  readonly next: Locator
  readonly previous: Locator

  constructor(readonly page: Page) {
    this.card = page.getByTestId('card')
    this.title = page.getByTestId('card-title')
    this.eyebrow = page.getByTestId('card-eyebrow')
    this.next = page.getByTestId('next')
    this.previous = page.getByTestId('previous')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.card).toBeVisible()
  }

  async expectCard(id: string): Promise<void> {
    await expect(this.card).toHaveAttribute('data-card-id', id)
  }

  escalation(id: string): Locator {
    return this.page.getByTestId(`escalation-${id}`)
  }

  async openSettings(): Promise<void> {
    await this.page.getByTestId('settings-toggle').click()
    await expect(this.page.getByTestId('settings')).toBeVisible()
  }

  async closeSettings(): Promise<void> {
    await this.page.getByTestId('settings-done').click()
    await expect(this.card).toBeVisible()
  }

  async chooseLanguage(code: 'auto' | 'en' | 'nl' | 'hr'): Promise<void> {
    await this.page.getByTestId('setting-locale').selectOption(code)
  }

  async importDeck(name: string, text: string): Promise<void> {
    await this.page
      .getByTestId('deck-file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
  }
}
