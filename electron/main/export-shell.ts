import type { App, BrowserWindow, Dialog, Shell } from 'electron'
import type { ExportShell } from '../services/export/export-service'
import { runExportCli } from '../cli/export'

/** The folder picker and "show in folder" for exports. Paths only: never `openExternal`. */
export function electronExportShell(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  shell: Pick<Shell, 'showItemInFolder'>,
  window: () => BrowserWindow | undefined,
): ExportShell {
  return {
    async chooseFolder(current) {
      const options = {
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        ...(current ? { defaultPath: current } : {}),
      }
      const parent = window()
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    reveal: (file) => shell.showItemInFolder(file),
  }
}

/** The arguments after `--export` (the packaged app's export command), or null for a normal start. */
export function exportArgs(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--export')
  return index === -1 ? null : argv.slice(index + 1)
}

/**
 * `CalmDeck --export --from … --to … --format … --out …`: writes the report and quits, without a
 * window and without the single-instance lock, so it also works while CalmDeck is running.
 */
export function runExportAndQuit(app: Pick<App, 'exit'>, args: readonly string[], fontDir: string): void {
  void runExportCli(args, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    fontDir,
  })
    .catch(() => 1)
    .then((code) => app.exit(code))
}
