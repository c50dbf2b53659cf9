import path from 'node:path'
import { enableCompileCache } from '../services/startup/compile-cache'

// First, before the rest of the host is loaded: its modules (and their packages) then come from
// the compile cache. `out/main` is two folders below the app's, where node_modules is too.
enableCompileCache(path.resolve(__dirname, '../..'))

/** The web host's command line (cli.ts), loaded once the compile cache is on. */
export async function main(): Promise<void> {
  const cli = await import('./cli')
  await cli.main(__dirname)
}

if (require.main === module) void main()
