// `export.year_peak_rss_mb`: one export job run as the built hosts run it (the built
// export-worker-runner chunk, which starts the export worker thread), in a fresh Node process of
// its own, so the process's peak resident memory is the export's and nothing else's. Read as
// VmHWM (Linux), not getrusage's maxRSS: that one survives execve, so a child of a large parent
// starts from the parent's size. Started by tests/bench/export.ts with a job file; without one it only loads the runner
// (the floor: a Node process that could run the job). Prints one JSON line.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const chunks = path.resolve(import.meta.dirname, '../../out/main/chunks')
const runner = fs.readdirSync(chunks).find((name) => /^export-worker-runner-.*\.js$/.test(name))
if (!runner) throw new Error('out/main/chunks has no export worker runner: run `npx electron-vite build` first')
const { runExportInWorker } = createRequire(import.meta.url)(path.join(chunks, runner)).export_worker_runner_exports

const jobFile = process.argv[2]
const result = jobFile ? await runExportInWorker(JSON.parse(fs.readFileSync(jobFile, 'utf8'))) : { ok: true }
const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
const maxRssMb = hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024
console.log(JSON.stringify({ ok: result.ok, failure: result.failure, maxRssMb }))
