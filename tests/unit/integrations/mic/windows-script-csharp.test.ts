/**
 * The Windows microphone script's inline C# (Core Audio COM declarations) compiles: built here
 * with Mono's C# compiler as PowerShell's Add-Type would build it. It cannot run here (no Core
 * Audio); this catches typing and syntax mistakes in a file that has never run on Windows.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../helpers/temp-dir'

const script = fs.readFileSync(path.resolve(__dirname, '../../../../resources/mic/capture-sessions.ps1'), 'utf8')
const { dir, cleanup } = tempDir()
afterAll(cleanup)

/** The here-string handed to Add-Type (between `@'` and `'@`). */
function inlineCSharp(text: string): string {
  const match = /Add-Type -Language CSharp -TypeDefinition @'\r?\n([\s\S]*?)\r?\n'@/.exec(text)
  if (!match?.[1]) throw new Error('no Add-Type here-string in the script')
  return match[1]
}

describe('the Windows Core Audio script', () => {
  it('has C# that compiles, with the class the script calls', () => {
    const source = path.join(dir, 'capture.cs')
    fs.writeFileSync(source, inlineCSharp(script))
    const built = spawnSync('mcs', ['-target:library', `-out:${path.join(dir, 'capture.dll')}`, source], {
      encoding: 'utf8',
    })
    expect(built.error).toBeUndefined()
    expect(built.stdout + built.stderr).not.toMatch(/error CS/)
    expect(built.status).toBe(0)
    expect(fs.statSync(path.join(dir, 'capture.dll')).size).toBeGreaterThan(0)
    expect(script).toContain('[CalmDeck.Capture]::ActivePids()')
    expect(inlineCSharp(script)).toMatch(/public static uint\[\] ActivePids\(\)/)
  })

  it('finds a compile error (the check can fail)', () => {
    const source = path.join(dir, 'broken.cs')
    fs.writeFileSync(source, inlineCSharp(script).replace('uint count;', 'uint count'))
    const built = spawnSync('mcs', ['-target:library', `-out:${path.join(dir, 'broken.dll')}`, source], {
      encoding: 'utf8',
    })
    expect(built.status).not.toBe(0)
    expect(built.stdout + built.stderr).toMatch(/error CS/)
  })
})
