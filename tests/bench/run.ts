// `npm run bench`: prints one JSON object per line: {"name":…,"value":…,"unit":…}.
import { benchEventLog } from './event-log'
import { benchFirstCard } from './first-card'
import { benchInitialJs } from './renderer'
import { benchStorage } from './storage'

async function main(): Promise<void> {
  benchInitialJs()
  const { rawP99 } = benchStorage()
  await benchFirstCard()
  await benchEventLog(rawP99)
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
