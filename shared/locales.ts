/** Languages the app ships UI texts for. Decks may carry more. Kept free of zod for the renderer. */
export const APP_LOCALES = ['en', 'nl', 'hr'] as const
export type AppLocale = (typeof APP_LOCALES)[number]

/** Picks the best text for `locale`: exact, then its base language, then the fallback, then any. */
export function pickText(text: Readonly<Record<string, string>>, locale: string, fallback: string): string {
  return text[locale] ?? text[locale.split('-')[0] ?? ''] ?? text[fallback] ?? Object.values(text)[0] ?? ''
}

/** The app language for a browser/OS language list such as `navigator.languages`. */
export function matchLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    const found = APP_LOCALES.find((locale) => locale === base)
    if (found) return found
  }
  return 'en'
}
