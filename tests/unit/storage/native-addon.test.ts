import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/services/storage/database'
import { installedAddon } from '../../../electron/services/storage/native-addon'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

describe('installedAddon', () => {
  it("is better-sqlite3's compiled addon, and a database opens with it", () => {
    const addon = installedAddon()
    expect(addon).toBeDefined()
    expect(path.basename(addon ?? '')).toBe('better_sqlite3.node')
    expect(fs.statSync(addon ?? '').isFile()).toBe(true)

    const { dir, cleanup } = tempDir('calmdeck-addon-')
    cleanups.push(cleanup)
    const { db } = openDatabase({ dir, now: Date.now, nativeBinding: addon })
    expect(db.prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: 0 })
    db.close()
  })

  it('is undefined where the install put it somewhere else (the package then finds it itself)', () => {
    const resolve = (id: string): string => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' })
    }
    expect(installedAddon(resolve)).toBeUndefined()
  })
})
