import type { Database } from 'better-sqlite3'
import { migration001 } from './001-initial'
import { migration002 } from './002-calls-events'
import { migration003 } from './003-notes'
import { migration004 } from './004-recovery'
import { migration005 } from './005-outbox'
import { migration006 } from './006-pin'
import { migration007 } from './007-cues'

export interface Migration {
  version: number
  name: string
  up(db: Database): void
}

/** Every schema change, in order. Version N brings a database from `user_version` N-1 to N. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
]

export const LATEST_VERSION = migrations.length
