import type { App } from 'electron'
import { runTeamReportCli } from '../cli/team-report'

/** The arguments after `--team-report` (the packaged app's team report command), or null. */
export function teamReportArgs(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--team-report')
  return index === -1 ? null : argv.slice(index + 1)
}

/** `CalmDeck --team-report --in … --from … --to … --format … --out …`: writes it and quits. */
export function runTeamReportAndQuit(app: Pick<App, 'exit'>, args: readonly string[], fontDir: string): void {
  void runTeamReportCli(args, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    fontDir,
  })
    .catch(() => 1)
    .then((code) => app.exit(code))
}
