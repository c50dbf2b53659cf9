import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  autostartDir,
  autostartEntry,
  quoteExecArg,
  setXdgAutostart,
} from '../../../electron/services/startup/xdg-autostart'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('XDG autostart file', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/config' }, '/home/a')).toBe('/x/config/autostart')
    expect(autostartDir({}, '/home/a')).toBe('/home/a/.config/autostart')
  })

  it('quotes Exec arguments as the Desktop Entry Specification asks', () => {
    expect(quoteExecArg('/opt/CalmDeck/calmdeck')).toBe('/opt/CalmDeck/calmdeck')
    expect(quoteExecArg('/home/a/My Apps/CalmDeck.AppImage')).toBe('"/home/a/My Apps/CalmDeck.AppImage"')
    expect(quoteExecArg('/tmp/$HOME"x`\\')).toBe('"/tmp/\\$HOME\\"x\\`\\\\"')
    expect(quoteExecArg('/opt/100%')).toBe('/opt/100%%')
  })

  it('writes a complete entry, replaces it, and removes it (twice is fine)', () => {
    const { dir, cleanup } = tempDir('calmdeck-autostart-')
    cleanups.push(cleanup)
    const folder = path.join(dir, 'autostart')
    const file = setXdgAutostart(true, ['/opt/Calm Deck/calmdeck'], folder)
    expect(file).toBe(path.join(folder, 'calmdeck.desktop'))
    expect(fs.readFileSync(file, 'utf8')).toBe(autostartEntry(['/opt/Calm Deck/calmdeck']))
    expect(fs.readFileSync(file, 'utf8').split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=CalmDeck',
      'Comment=Starts CalmDeck when you log in (CalmDeck → Settings → Start at login)',
      'Exec="/opt/Calm Deck/calmdeck" --login',
      'Icon=calmdeck',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ])
    setXdgAutostart(true, ['/usr/bin/calmdeck'], folder)
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec=/usr/bin/calmdeck --login\n')
    expect(fs.readdirSync(folder)).toEqual(['calmdeck.desktop'])
    setXdgAutostart(false, [], folder)
    setXdgAutostart(false, [], folder)
    expect(fs.existsSync(file)).toBe(false)
  })

  it('parses as a desktop entry: one key per line, Exec first word is the program', () => {
    const entry = autostartEntry(['/opt/CalmDeck/calmdeck'])
    const keys = entry
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('=')[0])
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain('Exec')
  })
})
