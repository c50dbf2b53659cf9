import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
    [['stray'], /positional/],
  ])('refuses %j with a message', (argv, message) => {
    const result = parseWebArgs(argv)
    expect(result).toHaveProperty('error')
    expect((result as { error: string }).error).toMatch(message)
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
