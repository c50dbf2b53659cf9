import type { AppLocale } from '../locales'
import { en, type HostTexts } from './en/host'
import { hr } from './hr/host'
import { nl } from './nl/host'

export type { HostTexts }

/**
 * The host's texts (tray, notifications, reports) in every app language, one folder per language
 * (`shared/i18n/<lang>/host.ts`). Host side only: the renderer imports `ui-catalog.ts`, never this.
 */
export const hostTexts: Record<AppLocale, HostTexts> = { en, nl, hr }
