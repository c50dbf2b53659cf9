import { createI18n } from 'vue-i18n'
import { en, type Messages } from './en'
import { hr } from './hr'
import { nl } from './nl'

export const i18n = createI18n<[Messages], 'en' | 'nl' | 'hr', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, nl, hr },
})
