import { afterEach, describe, expect, it, vi } from 'vitest'
import { testServices } from '../../helpers/services'

afterEach(() => vi.restoreAllMocks())

/** What the window asks for before it shows the first card (renderer/src/components/App.vue). */
const FIRST_CARD_CHANNELS = [
  'app:info',
  'settings:get',
  'deck:get',
  'hotkeys:status',
  'calls:current',
  'recovery:current',
] as const

describe('the start up to the first card', () => {
  it('makes no Intl.DateTimeFormat: loading the time zone data (~15 ms) waits until a clock is needed', async () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    const services = testServices(undefined, undefined, { systemLocales: () => ['en-GB'] })
    try {
      for (const channel of FIRST_CARD_CHANNELS) {
        expect(await services.dispatch(channel, {}), channel).toMatchObject({ ok: true })
      }
      expect(made).not.toHaveBeenCalled()
    } finally {
      services.dispose()
    }
  })
})
