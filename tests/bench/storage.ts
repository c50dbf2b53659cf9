import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { configure } from '../../electron/services/storage/database'
import { median, nowMs, percentile, report } from './stats'

const ROUNDS = 5
const WRITES = 400

/**
 * p99 of a one-row durable write, through our storage layer (a settings update: validation,
 * upsert, change event) and with raw better-sqlite3 under the same pragmas, interleaved round by
 * round on the same disk so the two face the same conditions. Reports the median of the rounds.
 */
export function benchStorage(): { rawP99: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-'))
  try {
    const services = createAppServices({ dataDir: path.join(dir, 'app'), host: 'web', version: 'bench' })
    const raw = new Database(path.join(dir, 'raw.sqlite3'))
    configure(raw)
    raw.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT')
    const rawUpsert = raw.prepare(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    const ours: number[] = []
    const floor: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const oursRound: number[] = []
      const rawRound: number[] = []
      for (let i = 0; i < WRITES; i++) {
        const opacity = 0.4 + (i % 60) / 100
        let start = nowMs()
        services.settings.update({ opacity })
        oursRound.push(nowMs() - start)
        start = nowMs()
        rawUpsert.run('user', JSON.stringify({ locale: 'auto', theme: 'system', opacity, alwaysOnTop: true }))
        rawRound.push(nowMs() - start)
      }
      ours.push(percentile(oursRound, 99))
      floor.push(percentile(rawRound, 99))
    }
    services.close()
    raw.close()
    const rawP99 = median(floor)
    report('sqlite.raw_write_p99_ms', rawP99, 'ms', { rounds: ROUNDS, writes: WRITES })
    report('db.write_p99_ms', median(ours), 'ms', {
      rounds: ROUNDS,
      writes: WRITES,
      ratio_to_raw: median(ours) / rawP99,
    })
    return { rawP99 }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
