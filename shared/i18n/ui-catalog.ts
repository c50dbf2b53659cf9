import type { AppLocale } from '../locales'
import { en, type Messages } from './en/ui'
import { hr } from './hr/ui'
import { nl } from './nl/ui'

export type { Messages }

/**
 * The window's texts (vue-i18n messages) in every app language, one folder per language
 * (`shared/i18n/<lang>/ui.ts`). Free of host texts and zod: the renderer bundles this.
 */
export const uiMessages: Record<AppLocale, Messages> = { en, nl, hr }

/** The plural forms of each language, in the order its `a | b | c` messages list them. */
export const uiPluralForms: Record<AppLocale, Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  nl: ['one', 'other'],
  hr: ['one', 'few', 'other'],
}
