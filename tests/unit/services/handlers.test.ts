import { describe, expect, it, vi } from 'vitest'
import { createHandlers, type HandlerServices } from '../../../electron/services/handlers'
import type { ExportRunRequest } from '../../../shared/export'
import { defaultSettings } from '../../../shared/settings-defaults'

/** Services that record their calls; any method not given here throws. */
function fakeServices(given: Record<string, Record<string, unknown>>): HandlerServices {
  const strict = (name: string, methods: Record<string, unknown>) =>
    new Proxy(methods, {
      get: (target, key) => {
        if (key in target) return target[key as string]
        throw new Error(`${name}.${String(key)} was not expected`)
      },
    })
  const names = ['settings', 'decks', 'actions', 'calls', 'hotkeys', 'notes', 'recovery', 'exports', 'flushes']
  const services = Object.fromEntries(names.map((name) => [name, strict(name, given[name] ?? {})]))
  return { info: { version: 'test', host: 'web', notices: [] }, ...services } as unknown as HandlerServices
}

const request: ExportRunRequest = {
  range: { from: 0, to: 1000 },
  formats: ['pdf'],
  folder: ' /tmp/reports ',
  remark: '',
  redact: true,
  language: 'nl',
}

describe('handlers are wiring only', () => {
  it('export:run hands the request to the export service and writes no settings itself', async () => {
    const result = { files: [], canReveal: false }
    const run = vi.fn(async () => result)
    const update = vi.fn()
    const get = () => defaultSettings
    const handlers = createHandlers(fakeServices({ exports: { run }, settings: { get, update } }))
    await expect(handlers['export:run'](request, 'window')).resolves.toBe(result)
    expect(run).toHaveBeenCalledWith(request)
    expect(update).not.toHaveBeenCalled()
  })

  it('export:preview passes the window language on; the service picks the fallback', async () => {
    const preview = vi.fn(() => ({ from: 0, to: 1, timeZone: 'UTC', summary: {} }))
    const handlers = createHandlers(fakeServices({ exports: { preview } }))
    await handlers['export:preview']({ language: 'hr' }, 'window')
    expect(preview).toHaveBeenCalledWith(undefined, 'hr')
  })
})
