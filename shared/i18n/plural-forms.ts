import type { AppLocale } from '../locales'

/**
 * The plural forms of each language, in the order its `a | b | c` messages list them. Apart from
 * the catalogs so the renderer can set up vue-i18n before it loads the one language it shows.
 */
export const uiPluralForms: Record<AppLocale, Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  nl: ['one', 'other'],
  hr: ['one', 'few', 'other'],
}
