import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/result'
import { DB_FILE, LATEST_VERSION, NewerDatabaseError, type Db } from '../storage/database'

/**
 * Opens the data folder's database for reading only, e.g. while the app is running and writing
 * it (WAL lets a reader see the last commit without blocking the writer). Never migrates,
 * creates or repairs anything.
 */
export function openReadOnly(dir: string, nativeBinding?: string): Db {
  const file = path.join(dir, DB_FILE)
  if (!fs.existsSync(file)) throw new AppError('not-found', `There is no CalmDeck data in ${dir}.`)
  let db: Db
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new AppError(
      'storage',
      `The CalmDeck data in ${dir} could not be opened (${typeof code === 'string' ? code : 'error'}).`,
    )
  }
  try {
    db.pragma('busy_timeout = 3000')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) throw new NewerDatabaseError(version, LATEST_VERSION)
    if (version < 3) {
      throw new AppError('conflict', 'This CalmDeck data is from an older version: open CalmDeck once to update it.')
    }
    return db
  } catch (error) {
    db.close()
    if (error instanceof AppError || error instanceof NewerDatabaseError) throw error
    const code = (error as { code?: unknown }).code
    throw new AppError('storage', `The CalmDeck data could not be read (${typeof code === 'string' ? code : 'error'}).`)
  }
}
