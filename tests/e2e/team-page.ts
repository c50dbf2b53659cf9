import { expect, type Locator, type Page } from '@playwright/test'

/** The team parts of the window: Settings → Team channel, and asking for help in the call strip. */
export class TeamPage {
  readonly section: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.section = page.getByTestId('team-section')
    this.status = page.getByTestId('help-status')
  }

  /** In Settings: saves the agent's one name for the team, chooses the channel and saves its URL. */
  async setChannel(kind: 'teams' | 'slack' | 'webhook', url: string, name: string): Promise<void> {
    await this.page.getByTestId('setting-agent-name').fill(name)
    await this.page.getByTestId('setting-agent-name').press('Tab')
    await this.page.getByTestId('team-kind').selectOption(kind)
    await this.page.getByTestId('team-url').fill(url)
    await this.page.getByTestId('team-save').click()
    await expect(this.page.getByTestId('team-saved')).toBeVisible()
  }

  /** The form: a line of text, sent with Enter. */
  async askWithText(text: string): Promise<void> {
    await this.page.getByTestId('help-open').click()
    await expect(this.page.getByTestId('help-text')).toBeFocused()
    await this.page.getByTestId('help-text').fill(text)
    await this.page.getByTestId('help-text').press('Enter')
    await expect(this.page.getByTestId('help-form')).toHaveCount(0)
  }
}
