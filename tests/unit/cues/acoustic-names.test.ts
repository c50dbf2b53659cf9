import { describe, expect, it } from 'vitest'
import { builtInEventKinds, CALLER_VOICE_RAISED } from '../../../shared/event-kinds'
import { hostTexts } from '../../../shared/i18n/host-catalog'
import { uiMessages } from '../../../shared/i18n/ui-catalog'
import { APP_LOCALES, type AppLocale } from '../../../shared/locales'

/**
 * The cues measure sound levels and name them acoustically ("louder than their usual voice"),
 * never as an emotion: inferring an employee's emotions at work is prohibited in the EU (AI Act,
 * Art. 5(1)(f)). Every text of the cues, in the window and in the reports, in every language.
 */
const EMOTION_WORDS: Record<AppLocale, readonly string[]> = {
  en: ['angry', 'anger', 'upset', 'stress', 'frustrat', 'emotion', 'mood', 'aggressive'],
  nl: ['boos', 'woede', 'gestrest', 'stress', 'emotie', 'gefrustreerd', 'agressief'],
  hr: ['ljut', 'bijes', 'stres', 'emocij', 'uzrujan', 'agresiv'],
}

/** The report's texts about the figures from sound levels (shared/i18n/<lang>/host.ts, report). */
const REPORT_CUE_KEYS = [
  'cueCalls',
  'callerRaisedTotal',
  'soundLevels',
  'soundLevelsNote',
  'talkOversNote',
  'talkShare',
  'shareYou',
  'shareCaller',
  'shareSilence',
  'talkOvers',
  'callerLongest',
  'callerRaised',
  'youRaised',
  'seconds',
  'percent',
] as const

/** Every string in a catalog section; a text with arguments is called with a sample. */
function texts(value: unknown, where: string): [string, string][] {
  if (typeof value === 'string') return [[where, value]]
  if (typeof value === 'function') return [[where, String((value as (n: number) => unknown)(3))]]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${where}.${key}`))
  }
  return []
}

function cueTexts(locale: AppLocale): [string, string][] {
  const report = hostTexts[locale].report
  const kind = builtInEventKinds.find((item) => item.id === CALLER_VOICE_RAISED)
  return [
    ...texts(uiMessages[locale].cues, 'ui.cues'),
    ...texts(uiMessages[locale].team.figures.callerRaisedCalls, 'ui.team.figures.callerRaisedCalls'),
    ...REPORT_CUE_KEYS.flatMap((key) => texts(report[key], `host.report.${key}`)),
    ...texts(hostTexts[locale].teamReport.figures.callerRaisedCalls, 'host.teamReport.figures.callerRaisedCalls'),
    ...texts(kind?.label[locale], `event kind ${CALLER_VOICE_RAISED}`),
  ]
}

describe('cue texts name sounds, never emotions', () => {
  for (const locale of APP_LOCALES) {
    it(`in ${locale}`, () => {
      const found = cueTexts(locale)
      // The window's cue texts, the report's, the team count and the event kind are all there.
      expect(found.length).toBeGreaterThan(30)
      expect(found.some(([where]) => where.startsWith('event kind'))).toBe(true)
      const words = new Set([...EMOTION_WORDS[locale], ...EMOTION_WORDS.en])
      const named = found.flatMap(([where, text]) =>
        [...words]
          .filter((word) => text.toLowerCase().includes(word))
          .map((word) => `${where}: "${word}" in "${text}"`),
      )
      expect(named).toEqual([])
    })
  }

  it('would notice an emotion word (the check itself can fail)', () => {
    const text = 'Beller klinkt boos'
    expect(EMOTION_WORDS.nl.some((word) => text.toLowerCase().includes(word))).toBe(true)
  })
})
