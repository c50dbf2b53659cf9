import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { translate, translateList, type CompiledTree } from '../../../renderer/src/i18n/translate'
import { compileCatalog, compileMessage } from '../../../scripts/ui-messages-plugin'
import { uiMessages, uiPluralForms } from '../../../shared/i18n/ui-catalog'
import { APP_LOCALES, type AppLocale } from '../../../shared/locales'

const ROOT = path.resolve(__dirname, '../../..')

function pluralRule(locale: string, order: Intl.LDMLPluralRule[]) {
  const rules = new Intl.PluralRules(locale)
  return (count: number, forms: number) => Math.min(Math.max(order.indexOf(rules.select(count)), 0), forms - 1)
}

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as object).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key))
}

/** The catalog as the renderer's build gets it: compiled by the plugin, then imported as a module. */
async function compiled(locale: AppLocale): Promise<CompiledTree> {
  const source = fs.readFileSync(path.join(ROOT, 'shared/i18n', locale, 'ui.ts'), 'utf8')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-ui-messages-'))
  const file = path.join(dir, `${locale}.mjs`)
  fs.writeFileSync(file, compileCatalog(source, file))
  const module = (await import(pathToFileURL(file).href)) as Record<string, CompiledTree>
  fs.rmSync(dir, { recursive: true, force: true })
  const tree = module[locale]
  if (!tree) throw new Error(`no export ${locale}`)
  return tree
}

/** vue-i18n itself, compiling the same catalogs at run time: the reference. */
const reference = createI18n({
  legacy: false,
  locale: 'en',
  messages: uiMessages,
  pluralRules: Object.fromEntries(APP_LOCALES.map((locale) => [locale, pluralRule(locale, uiPluralForms[locale])])),
  missingWarn: false,
  fallbackWarn: false,
})

describe('precompiled window texts', () => {
  it.each(APP_LOCALES)('give what vue-i18n gives for every %s text, with values and plural counts', async (locale) => {
    const tree = await compiled(locale)
    const rule = pluralRule(locale, uiPluralForms[locale])
    reference.global.locale.value = locale
    const texts = leaves(uiMessages[locale])
    expect(texts.length).toBeGreaterThan(100)
    for (const [key, text] of texts) {
      const named = Object.fromEntries([...text.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `‹${m[1]}›`]))
      expect(translate(tree, rule, key, named), key).toBe(reference.global.t(key, named))
      for (const count of [0, 1, 2, 3, 5, 11, 21, 22]) {
        const values = { ...named, n: count }
        expect(translate(tree, rule, key, values, count), `${key} (${count})`).toBe(
          reference.global.t(key, values, count),
        )
      }
    }
  })

  it('picks the Croatian plural form (one, few, other)', async () => {
    const tree = await compiled('hr')
    const rule = pluralRule('hr', uiPluralForms.hr)
    const forms = [1, 3, 5, 21].map((n) => translate(tree, rule, 'settings.phaseCount', { n }, n).replace(/\d+/, '#'))
    // 1 and 21 take the 'one' form, 3 the 'few' form, 5 the 'other' form.
    expect(forms).toEqual(['# faza', '# faze', '# faza', '# faza'])
  })

  it('gives a list in the catalog (the privacy page’s) as its texts, in every language, in order', async () => {
    for (const locale of APP_LOCALES) {
      const source = (uiMessages[locale] as { about: { kept: string[]; never: string[] } }).about
      const tree = await compiled(locale)
      expect(translateList(tree, () => 0, 'about.kept')).toEqual(source.kept)
      expect(translateList(tree, () => 0, 'about.never')).toEqual(source.never)
    }
    expect(translateList(await compiled('en'), () => 0, 'nope.missing')).toEqual([])
    expect(translateList(await compiled('en'), () => 0, 'settings.title')).toEqual([])
  })

  it('answers a missing key with the key, as vue-i18n does', async () => {
    expect(translate(await compiled('en'), () => 0, 'nope.missing')).toBe('nope.missing')
  })

  it('keeps a text without values, links or plural forms a plain string; the others become functions', async () => {
    const source = "export const en = { a: 'Take five minutes', b: 'Step {n}', c: 'one call | {n} calls', d: '@:a' }"
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-ui-messages-'))
    const file = path.join(dir, 'en.mjs')
    fs.writeFileSync(file, compileCatalog(source, file))
    const { en } = (await import(pathToFileURL(file).href)) as { en: CompiledTree }
    fs.rmSync(dir, { recursive: true, force: true })
    expect(en.a).toBe('Take five minutes')
    expect([typeof en.b, typeof en.c, typeof en.d]).toEqual(['function', 'function', 'function'])
    expect(translate(en, () => 0, 'a', {}, 3)).toBe('Take five minutes')
    expect(translate(en, (count) => (count === 1 ? 0 : 1), 'c', { n: 3 }, 3)).toBe('3 calls')
  })

  it('refuses a broken message at build time, naming its place', () => {
    expect(() => compileMessage('Step {n of {total}', 'en.deck.step')).toThrow(/en\.deck\.step/)
  })

  it('refuses a catalog that imports more than types', () => {
    const source = "import { x } from './x'\nexport const en = { a: x }"
    expect(() => compileCatalog(source, 'ui.ts')).toThrow(/types only/)
  })

  it('emits no eval or Function constructor (the window CSP has no unsafe-eval)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'shared/i18n/en/ui.ts'), 'utf8')
    expect(compileCatalog(source, 'ui.ts')).not.toMatch(/\beval\(|new Function|\bFunction\(/)
  })
})
