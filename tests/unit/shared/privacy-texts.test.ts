import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { privateCueFigures } from '../../../shared/cues/figures'
import { APP_LOCALES } from '../../../shared/locales'
import { teamMessageSchema } from '../../../shared/team'
import { uiMessages } from '../../../shared/i18n/ui-catalog'

const PRIVACY_MD = fs.readFileSync(path.resolve(__dirname, '../../../docs/privacy.md'), 'utf8')

/** Every field name any team message can carry (the union's options). */
const teamMessageFields = [...new Set(teamMessageSchema.options.flatMap((option) => Object.keys(option.shape)))]

describe("the privacy texts ('What CalmDeck keeps and sends', docs/privacy.md)", () => {
  it('docs/privacy.md lists every field a team message can carry, and no placeholders', () => {
    expect(teamMessageFields.length).toBeGreaterThan(10)
    for (const field of teamMessageFields) expect(PRIVACY_MD, field).toContain(`\`${field}\``)
    expect(PRIVACY_MD).not.toMatch(/to be listed|placeholder/i)
    for (const topic of ['team.endpoint', 'retentionDays', 'microphoneApps', 'teamFolder', 'outbox'])
      expect(PRIVACY_MD, topic).toContain(topic)
  })

  it("docs/privacy.md names the cues' table, their policy lock and every figure that stays on the computer", () => {
    for (const topic of ['call_cues', '`cuesEnabled`', 'own-voice-privacy.test.ts'])
      expect(PRIVACY_MD, topic).toContain(topic)
    const ownFigures = PRIVACY_MD.slice(PRIVACY_MD.indexOf("**The agent's own figures stay on this computer**"))
    for (const key of privateCueFigures) expect(ownFigures, key).toContain(`\`${key}\``)
  })

  it('says the same in every language: the lists line up, and none points to the README instead', () => {
    const en = uiMessages.en.about
    for (const locale of APP_LOCALES) {
      const about = uiMessages[locale].about
      for (const list of ['kept', 'sent', 'never'] as const) {
        expect(about[list], `${locale} about.${list}`).toHaveLength(en[list].length)
        for (const line of about[list]) expect(line, `${locale} about.${list}`).not.toContain('README')
      }
    }
  })
})
