// `npm run bench`: prints one JSON object per line: {"name":…,"value":…,"unit":…}.
// `npm run bench -- --only export` (or a comma-separated list) runs just those groups.
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

async function main(): Promise<void> {
  const names = selected(process.argv.slice(2))
  const floor = { rawP99: 0 }
  // The bridge budget is stated against the raw insert: measure it whenever the bridge runs.
  if (names.includes('bridge') && !names.includes('storage')) names.unshift('storage')
  for (const name of names) {
    const result = await groups[name]?.(floor)
    if (name === 'storage') floor.rawP99 = (result as { rawP99: number }).rawP99
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
