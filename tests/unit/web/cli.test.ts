import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostTexts } from '../../../shared/i18n/host-catalog'
import { tempDir } from '../../helpers/temp-dir'
import { defaultDataDir } from '../../../electron/services/storage/data-dir'
import { DEFAULT_PORT, parseWebArgs } from '../../../electron/web/cli'

describe('parseWebArgs', () => {
  it('reads --port and --data-dir', () => {
    expect(parseWebArgs(['--port', '5000', '--data-dir', 'some/dir'])).toEqual({
      port: 5000,
      dataDir: path.resolve('some/dir'),
    })
  })

  it('defaults to the desktop app data folder and a fixed port', () => {
    expect(parseWebArgs([])).toEqual({ port: DEFAULT_PORT, dataDir: defaultDataDir() })
  })

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--verbose'], /Unknown option/],
    [['stray'], /no plain arguments/],
  ])('refuses %j with a message', (argv, message) => {
    const result = parseWebArgs(argv)
    expect(result).toHaveProperty('error')
    expect((result as { error: string }).error).toMatch(message)
  })
})

/** Runs the built web host (out/main/web.js) on a system that speaks `lang`, with no CalmDeck settings. */
function webHost(args: string[], lang: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const entry = path.resolve(__dirname, '../../../out/main/web.js')
  const config = tempDir('calmdeck-web-cli-')
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', XDG_CONFIG_HOME: config.dir }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      config.cleanup()
      resolve({ code, stdout, stderr })
    })
  })
}

describe("the web host's command line in the user's language", () => {
  it('names a problem in Croatian', () => {
    const result = parseWebArgs(['--port', 'abc'], { locale: 'hr', texts: hostTexts.hr.cli })
    expect(result).toEqual({ error: '--port nije valjan' })
  })

  it('prints its usage and a wrong argument in Dutch (LANG), exit 2, and a port in use', async () => {
    const wrong = await webHost(['--port', 'abc'], 'nl_NL.UTF-8')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('calmdeck web: --port is niet geldig')
    expect(wrong.stderr).toContain('Gebruik: npm run web')
    const help = await webHost(['--help'], 'nl_NL.UTF-8')
    expect(help.stdout).toContain('Biedt CalmDeck aan in de browser')

    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const data = tempDir('calmdeck-web-cli-data-')
    try {
      const port = (taken.address() as net.AddressInfo).port
      const busy = await webHost(['--port', String(port), '--data-dir', data.dir], 'nl_NL.UTF-8')
      expect(busy.code).toBe(1)
      expect(busy.stderr).toContain(`calmdeck web: poort ${port} is al in gebruik. Kies een andere met --port.`)
    } finally {
      data.cleanup()
      await new Promise<void>((resolve) => taken.close(() => resolve()))
    }
  })
})

describe('defaultDataDir', () => {
  it('matches where Electron keeps userData on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/CalmDeck')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ana')).toBe('/x/CalmDeck')
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/CalmDeck')
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\CalmDeck',
    )
  })
})
