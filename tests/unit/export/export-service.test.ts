import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/settings-defaults'
import { buildExportFixture, SHIFT_FROM, SHIFT_TO } from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let out: ReturnType<typeof tempDir>
beforeAll(() => {
  services = buildExportFixture().services
  out = tempDir('calmdeck-export-service-')
})
afterAll(() => {
  services.dispose()
  out.cleanup()
})

const run = (folder: string, force = false) =>
  services.dispatch('export:run', {
    range: { from: SHIFT_FROM, to: SHIFT_TO },
    formats: ['md', 'json'],
    folder: ` ${folder} `,
    remark: '',
    redact: true,
    force,
  })

describe('ExportService.run', () => {
  it('remembers the folder, formats and masking of a run that wrote its files', async () => {
    const folder = path.join(out.dir, 'first')
    fs.mkdirSync(folder)
    expect(services.settings.get()).toMatchObject({
      exportFolder: defaultSettings.exportFolder,
      exportRedact: defaultSettings.exportRedact,
    })
    const result = await run(folder)
    expect(result.ok).toBe(true)
    expect(services.settings.get()).toMatchObject({
      exportFolder: folder,
      exportFormats: ['md', 'json'],
      exportRedact: true,
    })
  })

  it('remembers nothing when the run is refused', async () => {
    const folder = path.join(out.dir, 'second')
    fs.mkdirSync(folder)
    expect((await run(folder)).ok).toBe(true)
    services.settings.update({ exportFolder: '/elsewhere', exportRedact: false })
    expect(await run(folder)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await run('relative/folder')).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(services.settings.get()).toMatchObject({ exportFolder: '/elsewhere', exportRedact: false })
  })

  it("takes the window's language, else the setting, else English", () => {
    services.settings.update({ locale: 'auto' })
    expect(services.exports.reportLanguage()).toBe('en')
    services.settings.update({ locale: 'nl' })
    expect(services.exports.reportLanguage()).toBe('nl')
    expect(services.exports.reportLanguage('hr')).toBe('hr')
  })
})
