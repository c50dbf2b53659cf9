/** Languages the app ships UI texts for. Decks may carry more. Kept free of zod for the renderer. */
export const APP_LOCALES = ['en', 'nl', 'hr'] as const
export type AppLocale = (typeof APP_LOCALES)[number]
/** The language setting: one of the app's languages, or 'auto' to follow the system. */
export type LocaleSetting = AppLocale | 'auto'

/** Picks the best text for `locale`: exact, then its base language, then the fallback, then any. */
export function pickText(text: Readonly<Record<string, string>>, locale: string, fallback: string): string {
  return text[locale] ?? text[locale.split('-')[0] ?? ''] ?? text[fallback] ?? Object.values(text)[0] ?? ''
}

/**
 * The app language for a system language list, best first: BCP 47 tags such as `navigator.languages`
 * or `app.getPreferredSystemLanguages()`, or POSIX ones such as "nl_NL.UTF-8". The first whose base
 * language the app speaks wins ('nl-BE' → nl); none → English ('sr-Latn' → en).
 */
export function matchLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_.@]/)[0]
    const found = APP_LOCALES.find((locale) => locale === base)
    if (found) return found
  }
  return 'en'
}

/** The one language rule for every side (window, tray, notifications, reports, CLIs): a set language wins, else the system's. */
export function resolveLocale(setting: LocaleSetting, systemLocales: readonly string[]): AppLocale {
  return setting === 'auto' ? matchLocale(systemLocales) : setting
}

/** "a, b or c" in `locale`'s words (Intl's list rules; British English for en, as the reports' dates). */
export function orList(items: readonly string[], locale: AppLocale): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'disjunction' }).format(items)
}
