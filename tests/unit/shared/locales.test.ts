import { describe, expect, it } from 'vitest'
import { matchLocale, pickText, resolveLocale } from '../../../shared/locales'

describe('matchLocale', () => {
  it('takes the first supported language from the preference list', () => {
    expect(matchLocale(['de-DE', 'nl-BE', 'en'])).toBe('nl')
    expect(matchLocale(['hr-HR'])).toBe('hr')
    expect(matchLocale(['fr', 'de'])).toBe('en')
    expect(matchLocale([])).toBe('en')
  })
})

describe('resolveLocale', () => {
  it('follows the system for "auto": the first language the app speaks, by its base language', () => {
    expect(resolveLocale('auto', ['nl-BE'])).toBe('nl')
    expect(resolveLocale('auto', ['hr-HR'])).toBe('hr')
    expect(resolveLocale('auto', ['de-DE', 'hr-HR', 'nl-NL'])).toBe('hr')
    expect(resolveLocale('auto', ['sr-Latn'])).toBe('en')
    expect(resolveLocale('auto', ['sr-Latn-RS', 'nl'])).toBe('nl')
    expect(resolveLocale('auto', [])).toBe('en')
  })

  it('reads POSIX tags as the environment spells them', () => {
    expect(resolveLocale('auto', ['nl_NL.UTF-8'])).toBe('nl')
    expect(resolveLocale('auto', ['hr_HR@euro'])).toBe('hr')
    expect(resolveLocale('auto', ['C.UTF-8', 'NL_be'])).toBe('nl')
    expect(resolveLocale('auto', ['C', 'POSIX'])).toBe('en')
  })

  it('lets a set language override the system', () => {
    expect(resolveLocale('hr', ['nl-NL'])).toBe('hr')
    expect(resolveLocale('en', ['nl-NL', 'hr'])).toBe('en')
    expect(resolveLocale('nl', [])).toBe('nl')
  })
})

describe('pickText', () => {
  const text = { en: 'Listen', nl: 'Luister' }
  it('prefers the exact language, then the base language, then the deck default, then any', () => {
    expect(pickText(text, 'nl', 'en')).toBe('Luister')
    expect(pickText(text, 'nl-BE', 'en')).toBe('Luister')
    expect(pickText(text, 'hr', 'nl')).toBe('Luister')
    expect(pickText({ de: 'Zuhören' }, 'hr', 'en')).toBe('Zuhören')
  })
})
