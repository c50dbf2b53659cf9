import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { median, nowMs, report } from './stats'

const NOTES = 20_000
const WORDS = [
  'refund',
  'invoice',
  'delivery',
  'late',
  'angry',
  'supervisor',
  'boundary',
  'warning',
  'promise',
  'callback',
  'factuur',
  'levering',
  'boos',
  'terugbellen',
  'račun',
  'dostava',
  'vrijeđao',
  'obećanje',
  'password',
  'contract',
  'cancel',
  'upgrade',
  'router',
  'outage',
  'billing',
  'discount',
  'complaint',
  'manager',
  'address',
  'parcel',
]
const QUERIES = ['refund', 'vrijedao', 'late delivery', 'supervisor warning', 'terugbel', 'parcel address', 'xyzzy']

/** Full-text search over 20,000 notes of ~40 words each: median of several queries, each run 5 times. */
export function benchNoteSearch(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-notes-'))
  const services = createAppServices({ dataDir: dir, host: 'web', version: 'bench' })
  try {
    let seed = 7
    const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length] ?? 'call'
    const sentence = (count: number) => Array.from({ length: count }, word).join(' ')
    services.db.transaction(() => {
      for (let i = 0; i < NOTES; i++) {
        services.notes.save({
          callId: null,
          whatHappened: sentence(20),
          callerWants: sentence(6),
          resolved: sentence(6),
          freeText: sentence(8),
          items: [],
        })
      }
    })()
    const times: number[] = []
    for (let run = 0; run < 5; run++) {
      for (const query of QUERIES) {
        const start = nowMs()
        services.notes.search(query)
        times.push(nowMs() - start)
      }
    }
    report('note.search_ms', median(times), 'ms', { notes: NOTES, queries: times.length, budget_ms: 50 })
  } finally {
    services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
