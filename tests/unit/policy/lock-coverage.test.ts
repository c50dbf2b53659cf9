/**
 * Every setting a policy can lock shows "Set by your organisation" and is disabled where the
 * window offers it: a row names it (`setting="key"` on FieldRow/ToggleRow, which then lock
 * themselves) or asks `host.isLocked('key')`. A new setting without either fails here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../../shared/settings'

const components = path.resolve(__dirname, '../../../renderer/src/components')

function vueFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return vueFiles(file)
    return entry.name.endsWith('.vue') ? [file] : []
  })
}

describe('lock notes', () => {
  it('every setting key has a row that locks it', () => {
    const source = vueFiles(components)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
    const unlocked = Object.keys(settingsSchema.shape).filter(
      (key) => !new RegExp(`\\ssetting="${key}"`).test(source) && !source.includes(`isLocked('${key}')`),
    )
    expect(unlocked).toEqual([])
  })
})
