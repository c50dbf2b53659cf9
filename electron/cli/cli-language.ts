import { hostTexts, type HostTexts } from '../../shared/i18n/host-catalog'
import { APP_LOCALES, resolveLocale, type AppLocale, type LocaleSetting } from '../../shared/locales'
import { environmentLocales } from '../services/settings/system-locales'

/** A CLI's texts (usage, argument problems, outcomes) in one language, from the host catalog. */
export type CliTexts = HostTexts['cli']

/** The texts a CLI speaks and the language they are in (for lists such as "csv, json, md or pdf"). */
export interface CliSpeech {
  locale: AppLocale
  texts: CliTexts
}

/** English: what code that has no user to speak to (the app's own command line) uses. */
export const ENGLISH: CliSpeech = { locale: 'en', texts: hostTexts.en.cli }

/** `--name value` or `--name=value`, read leniently before the arguments are checked (for the language). */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === `--${name}`) return argv[i + 1]
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3)
  }
  return undefined
}

/**
 * The language a CLI speaks, by the one rule (`resolveLocale`): `--lang` when it names an app
 * language, else CalmDeck's stored language setting (IT's lock included; `stored` reads it and
 * answers undefined when there is none), else the environment's (LC_ALL, LC_MESSAGES, LANG).
 */
export function cliSpeech(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  stored: () => LocaleSetting | undefined,
): CliSpeech {
  const lang = optionValue(argv, 'lang')
  const given = APP_LOCALES.find((locale) => locale === lang)
  const locale = given ?? resolveLocale(stored() ?? 'auto', environmentLocales(env))
  return { locale, texts: hostTexts[locale].cli }
}
