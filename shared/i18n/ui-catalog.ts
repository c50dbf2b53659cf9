import type { AppLocale } from '../locales'
import { en, type Messages } from './en/ui'
import { hr } from './hr/ui'
import { nl } from './nl/ui'

export type { Messages }

/**
 * The window's texts (vue-i18n messages) in every app language, one folder per language
 * (`shared/i18n/<lang>/ui.ts`). Free of host texts and zod. The renderer loads each language on its
 * own (renderer/src/i18n), precompiled at build time.
 */
export const uiMessages: Record<AppLocale, Messages> = { en, nl, hr }

/** The plural forms of each language (shared/i18n/plural-forms.ts). */
export { uiPluralForms } from './plural-forms'
