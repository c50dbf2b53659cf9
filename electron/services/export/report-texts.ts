import { hostTexts, type HostTexts } from '../../../shared/i18n/host-catalog'
import { APP_LOCALES, type AppLocale } from '../../../shared/locales'

/** Every text a rendered report uses (Markdown, PDF, CSV labels), in the report's language. */
export type ReportTexts = HostTexts['report']

/** The report section of the host catalog (`shared/i18n/<lang>/host.ts`), per language. */
export const reportTexts = Object.fromEntries(
  APP_LOCALES.map((locale) => [locale, hostTexts[locale].report]),
) as Record<AppLocale, ReportTexts>
