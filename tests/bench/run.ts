// `npm run bench`: prints one JSON object per line: {"name":…,"value":…,"unit":…}.
// `npm run bench -- --only export` (or a comma-separated list) runs just those groups.
// Each group runs in a fresh Node process of its own, so none measures what an earlier one left
// (a large heap being collected, code still being optimised): mic.idle_cpu_pct once read 1.75 % of
// a core at the end of a full run, 0.05–0.9 % in runs of its own.
import { spawn } from 'node:child_process'
import { benchBackup } from './backup'
import { benchBridge } from './bridge'
import { benchCues } from './cues'
import { benchCuePipeline } from './cue-pipeline'
import { benchExport } from './export'
import { benchFirstCard } from './first-card'
import { benchHooks } from './hook'
import { benchIdleCpu } from './idle-cpu'
import { benchNoteSearch } from './note-search'
import { benchMic } from './mic'
import { benchMemory } from './memory'
import { benchInitialJs } from './renderer'
import { benchRetention } from './retention'
import { benchStorage } from './storage'
import { benchTeam } from './team'
import { benchTeamReport } from './team-report'

/** The groups in the order a full run takes them. `bridge` needs the raw-insert floor. */
const groups: Record<string, (floor: { rawP99: number }) => unknown> = {
  renderer: () => benchInitialJs(),
  storage: () => benchStorage(),
  'first-card': () => benchFirstCard(),
  bridge: ({ rawP99 }) => benchBridge(rawP99),
  'note-search': () => benchNoteSearch(),
  export: () => benchExport(),
  backup: () => benchBackup(),
  hook: () => benchHooks(),
  idle: () => benchIdleCpu(),
  retention: () => benchRetention(),
  team: () => benchTeam(),
  mic: () => benchMic(),
  'cue-pipeline': () => benchCuePipeline(),
  cues: () => benchCues(),
  'team-report': () => benchTeamReport(),
  memory: () => benchMemory(),
}

function selected(argv: readonly string[]): string[] {
  const index = argv.indexOf('--only')
  if (index < 0) return Object.keys(groups)
  const names = (argv[index + 1] ?? '').split(',').filter(Boolean)
  const unknown = names.filter((name) => !(name in groups))
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes one or more of: ${Object.keys(groups).join(', ')}`)
  }
  // In the full run's order, whatever order they were named in (the bridge after its floor).
  return Object.keys(groups).filter((name) => names.includes(name))
}

/** The flag a group's own process gets: it runs that one group here, with the raw insert's p99 if given. */
const GROUP_FLAG = '--group'
const RAW_P99_FLAG = '--raw-p99'

/** Runs one group in a fresh process (this file), passing its lines through; resolves with its output. */
function runGroup(name: string, rawP99: number | null): Promise<string> {
  const args = ['--import', 'tsx', __filename, GROUP_FLAG, name]
  if (rawP99 !== null) args.push(RAW_P99_FLAG, String(rawP99))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      process.stdout.write(chunk)
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`the ${name} group failed`))))
  })
}

/** The raw insert's p99 from the storage group's lines. */
function rawP99From(output: string): number {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue
    const figure = JSON.parse(line) as { name?: unknown; value?: unknown }
    if (figure.name === 'sqlite.raw_write_p99_ms' && typeof figure.value === 'number') return figure.value
  }
  throw new Error('the storage group gave no sqlite.raw_write_p99_ms')
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const group = argv.indexOf(GROUP_FLAG)
  if (group >= 0) {
    const name = argv[group + 1] ?? ''
    const run = groups[name]
    if (!run) throw new Error(`no bench group named ${name}`)
    const raw = argv.indexOf(RAW_P99_FLAG)
    await run({ rawP99: raw >= 0 ? Number(argv[raw + 1]) : 0 })
    return
  }
  const names = selected(argv)
  // The bridge budget is stated against the raw insert: measure it whenever the bridge runs.
  if (names.includes('bridge') && !names.includes('storage')) names.unshift('storage')
  let rawP99: number | null = null
  for (const name of names) {
    const output = await runGroup(name, name === 'bridge' ? rawP99 : null)
    if (name === 'storage') rawP99 = rawP99From(output)
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
