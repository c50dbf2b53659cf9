import { APP_LOCALES, type AppLocale } from '@shared/locales'
import { uiMessages, uiPluralForms, type Messages } from '@shared/i18n/ui-catalog'
import { createI18n, type PluralizationRule } from 'vue-i18n'

/** Maps a count to the index of the plural form in a `a | b | c` message, per the language's rules. */
function pluralRule(locale: string, order: Intl.LDMLPluralRule[]): PluralizationRule {
  const rules = new Intl.PluralRules(locale)
  return (count: number, forms: number) => Math.min(Math.max(order.indexOf(rules.select(count)), 0), forms - 1)
}

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  pluralRules: Object.fromEntries(APP_LOCALES.map((locale) => [locale, pluralRule(locale, uiPluralForms[locale])])),
  locale: 'en',
  fallbackLocale: 'en',
  messages: uiMessages,
})
