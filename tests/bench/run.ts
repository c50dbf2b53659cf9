// `npm run bench`: prints one JSON object per line: {"name":…,"value":…,"unit":…}.
import { benchBridge } from './bridge'
import { benchExport } from './export'
import { benchFirstCard } from './first-card'
import { benchHooks } from './hook'
import { benchIdleCpu } from './idle-cpu'
import { benchNoteSearch } from './note-search'
import { benchInitialJs } from './renderer'
import { benchStorage } from './storage'

async function main(): Promise<void> {
  benchInitialJs()
  const { rawP99 } = benchStorage()
  await benchFirstCard()
  await benchBridge(rawP99)
  benchNoteSearch()
  await benchExport()
  await benchHooks()
  await benchIdleCpu()
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
