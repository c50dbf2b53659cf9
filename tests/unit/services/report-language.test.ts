import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../electron/services/app-services'
import { tempDir } from '../../helpers/temp-dir'

const opened: { services: AppServices; cleanup: () => void }[] = []
afterEach(() => {
  for (const { services, cleanup } of opened.splice(0)) {
    services.close()
    cleanup()
  }
})

/** Services whose "system" speaks the given languages. */
function servicesSpeaking(systemLocales: string[]) {
  const { dir, cleanup } = tempDir('calmdeck-lang-')
  const services = createAppServices({ dataDir: dir, host: 'web', version: 'test', systemLocales: () => systemLocales })
  opened.push({ services, cleanup })
  return { services, dir }
}

/** Runs an export without naming a language (as a caller other than the window may) and reads its language. */
async function reportLanguage(services: AppServices, folder: string): Promise<string> {
  const request = { range: { from: 0, to: 1000 }, formats: ['json'], folder, remark: '', redact: false, force: true }
  const result = (await services.dispatch('export:run', request)) as {
    ok: boolean
    value?: { files: { path: string }[] }
  }
  expect(result.ok).toBe(true)
  const file = result.value?.files[0]?.path ?? path.join(folder, 'missing.json')
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { language: string }).language
}

describe('the report language when the request names none', () => {
  it("follows the system's language when the setting is 'auto'", async () => {
    const { services, dir } = servicesSpeaking(['de-DE', 'nl-NL'])
    expect(services.settings.get().locale).toBe('auto')
    expect(await reportLanguage(services, dir)).toBe('nl')
  })

  it('follows the language setting over the system', async () => {
    const { services, dir } = servicesSpeaking(['nl-NL'])
    services.settings.update({ locale: 'hr' })
    expect(await reportLanguage(services, dir)).toBe('hr')
  })
})
