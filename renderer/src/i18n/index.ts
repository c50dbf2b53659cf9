import { APP_LOCALES, type AppLocale } from '@shared/locales'
import { uiPluralForms } from '@shared/i18n/plural-forms'
import { ref, shallowReactive } from 'vue'
import { translate, translateList, type CompiledTree, type Named, type PluralRule } from './translate'

/**
 * The window's texts. Components call `useI18n()` as with vue-i18n; the renderer build resolves
 * `vue-i18n` to this module (electron.vite.config.ts; tsconfig.web.json maps it for type checking
 * too, so calling anything else is a type error), which keeps only what the window uses
 * (`t` with named values and a plural count) and so ships neither vue-i18n's runtime nor its
 * message compiler. Each language is its own chunk, precompiled at build time
 * (scripts/ui-messages-plugin.ts), and loaded when it is first shown.
 */

/**
 * Maps a count to the index of the plural form in a `a | b | c` message, per the language's rules.
 * The rules are made on the first count: the page's first `Intl.PluralRules` loads the browser's
 * plural data (~6 ms of a cold start), which the first card, with no count on it, need not wait for.
 */
function pluralRule(locale: string, order: Intl.LDMLPluralRule[]): PluralRule {
  let rules: Intl.PluralRules | undefined
  return (count, forms) => {
    rules ??= new Intl.PluralRules(locale)
    return Math.min(Math.max(order.indexOf(rules.select(count)), 0), forms - 1)
  }
}

const rules = Object.fromEntries(
  APP_LOCALES.map((locale) => [locale, pluralRule(locale, uiPluralForms[locale])]),
) as Record<AppLocale, PluralRule>

/** Every `shared/i18n/<lang>/ui.ts`, each a lazily loaded chunk. */
const catalogs = import.meta.glob<Record<string, CompiledTree>>('../../../shared/i18n/*/ui.ts')

const locale = ref<AppLocale>('en')
const loaded = shallowReactive(new Map<AppLocale, CompiledTree>())
const loading = new Map<AppLocale, Promise<void>>()

/** Loads a language's texts once (later calls share the first load). */
export function loadLocale(next: AppLocale): Promise<void> {
  let load = loading.get(next)
  if (!load) {
    const catalog = catalogs[`../../../shared/i18n/${next}/ui.ts`]
    load = catalog
      ? catalog().then((module) => {
          const tree = module[next]
          if (!tree) throw new Error(`no texts for ${next}`)
          loaded.set(next, tree)
        })
      : Promise.reject(new Error(`no texts for ${next}`))
    loading.set(next, load)
  }
  return load
}

let wanted: AppLocale | null = null

/** Loads the language, then shows it; of overlapping calls the last one wins. */
export async function useLocale(next: AppLocale): Promise<void> {
  wanted = next
  await loadLocale(next)
  if (wanted === next) locale.value = next
}

/** `t(key)`, `t(key, named)`, `t(key, named, count)` in the shown language (reactive). */
function t(key: string, named?: Named | number, count?: number): string {
  const current = locale.value
  const values = typeof named === 'object' ? named : {}
  const plural = typeof named === 'number' ? named : count
  return translate(loaded.get(current), rules[current], key, values, plural)
}

/** The texts of a list in the catalog (an array there), in the shown language (reactive). */
function tl(key: string): string[] {
  const current = locale.value
  return translateList(loaded.get(current), rules[current], key)
}

export function useI18n() {
  return { t, tl, locale }
}
