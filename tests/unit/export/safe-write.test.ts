import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFileSafely } from '../../../electron/services/export/safe-write'
import { tempDir } from '../../helpers/temp-dir'

let work: ReturnType<typeof tempDir>
beforeEach(() => (work = tempDir('calmdeck-write-')))
afterEach(() => {
  vi.restoreAllMocks()
  work.cleanup()
})

const leftovers = () => fs.readdirSync(work.dir).filter((name) => name.endsWith('.tmp'))

describe('writeFileSafely', () => {
  it('writes the file and leaves no temporary file', () => {
    const target = path.join(work.dir, 'report.csv')
    writeFileSafely(target, 'a,b\r\n')
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\r\n')
    expect(leftovers()).toEqual([])
  })

  it('refuses to overwrite without force, and replaces with force', () => {
    const target = path.join(work.dir, 'report.md')
    writeFileSafely(target, 'first')
    expect(() => writeFileSafely(target, 'second')).toThrow(/already exists/)
    expect(fs.readFileSync(target, 'utf8')).toBe('first')
    writeFileSafely(target, 'second', { force: true })
    expect(fs.readFileSync(target, 'utf8')).toBe('second')
    expect(leftovers()).toEqual([])
  })

  it('says so when the folder does not exist', () => {
    expect(() => writeFileSafely(path.join(work.dir, 'missing', 'r.pdf'), 'x')).toThrow(/does not exist/)
  })

  it('a failure before publishing leaves neither the file nor a temporary file', () => {
    const target = path.join(work.dir, 'report.json')
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('I/O'), { code: 'EIO' })
    })
    expect(() => writeFileSafely(target, '{}')).toThrow(/could not be written \(EIO\)/)
    expect(fs.existsSync(target)).toBe(false)
    expect(leftovers()).toEqual([])
  })

  it('a process killed while writing leaves the old file or the whole new one, never a part', async () => {
    const target = path.join(work.dir, 'big.txt')
    const module = path.resolve(__dirname, '../../../electron/services/export/safe-write.ts')
    // A child rewrites a 4 MB file over and over, each version one repeated letter; we kill it mid-way.
    const script = `
      const { writeFileSafely } = require(${JSON.stringify(module)});
      let i = 0;
      for (;;) {
        writeFileSafely(${JSON.stringify(target)}, String.fromCharCode(65 + (i++ % 26)).repeat(4 * 1024 * 1024), { force: true });
        if (i === 2) process.stdout.write('going\\n');
      }`
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      const content = fs.readFileSync(target, 'utf8')
      expect(content.length).toBe(4 * 1024 * 1024)
      expect(new Set(content).size).toBe(1)
    }
  })
})
