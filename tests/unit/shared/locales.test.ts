import { describe, expect, it } from 'vitest'
import { matchLocale, pickText } from '../../../shared/locales'

describe('matchLocale', () => {
  it('takes the first supported language from the preference list', () => {
    expect(matchLocale(['de-DE', 'nl-BE', 'en'])).toBe('nl')
    expect(matchLocale(['hr-HR'])).toBe('hr')
    expect(matchLocale(['fr', 'de'])).toBe('en')
    expect(matchLocale([])).toBe('en')
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
