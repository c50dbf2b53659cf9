import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostTexts } from '../../../shared/i18n/host-catalog'
import { uiMessages, uiPluralForms } from '../../../shared/i18n/ui-catalog'
import { APP_LOCALES } from '../../../shared/locales'

/** Every leaf of a nested text object, as "a.b.c" → value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>()
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(leaf, text)
    }
  } else {
    found.set(prefix, value)
  }
  return found
}

/** The {placeholders} a text names, sorted, e.g. "{n}" and "{title}". */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort()
}

const catalogs = [
  ['host', hostTexts],
  ['ui', uiMessages],
] as const

describe.each(catalogs)('the %s text catalog', (_name, catalog) => {
  const english = leaves(catalog.en)

  it('has many texts in English', () => {
    expect(english.size).toBeGreaterThan(10)
  })

  it.each(APP_LOCALES)('has every key in %s, no extra ones, and no empty text', (locale) => {
    const texts = leaves(catalog[locale])
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [key, text] of texts) {
      const kind = typeof english.get(key)
      expect(typeof text, key).toBe(kind)
      if (typeof text === 'string') expect(text.trim(), key).not.toBe('')
      if (typeof text === 'function')
        expect(String((text as (...args: number[]) => unknown)(2, 3)).trim(), key).not.toBe('')
    }
  })

  it.each(APP_LOCALES)('uses the same {placeholders} in %s as in English', (locale) => {
    for (const [key, text] of leaves(catalog[locale])) {
      const source = english.get(key)
      if (typeof text === 'string' && typeof source === 'string') {
        expect(placeholders(text), key).toEqual(placeholders(source))
      }
    }
  })
})

describe('the languages', () => {
  it('each have one folder with ui.ts and host.ts, and nothing else is a language folder', () => {
    const root = path.resolve(__dirname, '../../../shared/i18n')
    const folders = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(folders.sort()).toEqual([...APP_LOCALES].sort())
    for (const locale of APP_LOCALES) {
      expect(fs.readdirSync(path.join(root, locale)).sort()).toEqual(['host.ts', 'ui.ts'])
    }
  })

  it('each know their plural forms, ending with "other"', () => {
    for (const locale of APP_LOCALES) expect(uiPluralForms[locale].at(-1)).toBe('other')
  })
})
