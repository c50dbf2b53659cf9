import { createI18n } from 'vue-i18n'
import { en, type Messages } from './en'
import { hr } from './hr'
import { nl } from './nl'

/** Maps a count to the index of the plural form in a `a | b | c` message, per the language's rules. */
function pluralRule(locale: string, order: Intl.LDMLPluralRule[]) {
  const rules = new Intl.PluralRules(locale)
  return (count: number, forms: number) => Math.min(Math.max(order.indexOf(rules.select(count)), 0), forms - 1)
}

export const i18n = createI18n<[Messages], 'en' | 'nl' | 'hr', false>({
  legacy: false,
  pluralRules: {
    en: pluralRule('en', ['one', 'other']),
    nl: pluralRule('nl', ['one', 'other']),
    hr: pluralRule('hr', ['one', 'few', 'other']),
  },
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, nl, hr },
})
