import { expect, type Locator, type Page } from '@playwright/test'

/** The note editor and the notes list. */
export class NotesPage {
  readonly status: Locator
  readonly problem: Locator
  readonly whatHappened: Locator
  readonly freeText: Locator

  constructor(readonly page: Page) {
    this.status = page.getByTestId('note-status')
    this.problem = page.getByTestId('note-problem')
    this.whatHappened = page.getByTestId('note-whatHappened')
    this.freeText = page.getByTestId('note-freeText')
  }

  /** Opens the note with its one key ("n"): the open call's, the last call's, or a walk-in note. */
  async openWithKey(): Promise<void> {
    await this.page.keyboard.press('n')
    await expect(this.page.getByTestId('note-editor')).toBeVisible()
  }

  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'saved')
  }

  async close(): Promise<void> {
    await this.page.getByTestId('note-close').click()
    await expect(this.page.getByTestId('note-editor')).toBeHidden()
  }

  async search(query: string): Promise<Locator> {
    await this.page.keyboard.press('k')
    await this.page.getByTestId('notes-search').fill(query)
    return this.page.getByTestId('note-hit')
  }
}
