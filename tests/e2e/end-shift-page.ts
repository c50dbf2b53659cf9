import { expect, type Locator, type Page } from '@playwright/test'

/** The "End shift" panel: summary, closing remark, formats, folder, export. */
export class EndShiftPage {
  readonly panel: Locator
  readonly summary: Locator
  readonly folder: Locator
  readonly error: Locator
  readonly files: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('end-shift')
    this.summary = page.getByTestId('end-shift-summary')
    this.folder = page.getByTestId('end-shift-folder')
    this.error = page.getByTestId('end-shift-error')
    this.files = page.getByTestId('end-shift-file')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('end-shift-toggle').click()
    await expect(this.panel).toBeVisible()
    await expect(this.summary).toBeVisible()
  }

  tile(key: string): Locator {
    return this.summary.locator(`li[data-key="${key}"] strong`)
  }

  /** Ticks exactly these formats. */
  async chooseFormats(formats: readonly string[]): Promise<void> {
    for (const format of ['pdf', 'csv', 'md', 'json']) {
      await this.page.getByTestId(`end-shift-format-${format}`).setChecked(formats.includes(format))
    }
  }

  async export(): Promise<void> {
    await this.page.getByTestId('end-shift-export').click()
  }
}
