import { effectScope, nextTick, type EffectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '../../../shared/settings-defaults'
import type { Settings } from '../../../shared/settings'
import { syncedState } from '../../../renderer/src/stores/synced'
import { fakeHost } from './fake-host'

vi.mock('../../../renderer/src/api', async () => (await import('./fake-host')).fakeApiModule)

const light: Settings = { ...defaultSettings, theme: 'light' }
const dark: Settings = { ...defaultSettings, theme: 'dark' }

let shown: Settings[]
/** Stands in for a store's setup, whose scope ends the helper's watch on the connection. */
let scope: EffectScope

function synced() {
  const state = scope.run(() =>
    syncedState(
      'settings:changed',
      () => fakeHost.api.invoke('settings:get', {}),
      (value) => shown.push(value),
    ),
  )
  if (!state) throw new Error('scope is stopped')
  return state
}

beforeEach(() => {
  fakeHost.reset()
  shown = []
  scope = effectScope()
})
afterEach(() => scope.stop())

describe('syncedState', () => {
  it('listens before it fetches, and applies the answer when nothing was broadcast meanwhile', async () => {
    const state = synced()
    const loading = state.load()
    expect(fakeHost.listenerCount('settings:changed')).toBe(1)
    fakeHost.answer('settings:get', dark)
    await loading
    expect(shown).toEqual([dark])
  })

  it('drops an answer that arrives after a broadcast: the broadcast is newer', async () => {
    const state = synced()
    const loading = state.load()
    fakeHost.broadcast('settings:changed', dark)
    fakeHost.answer('settings:get', light)
    await loading
    expect(shown).toEqual([dark])
  })

  it('applies broadcasts that come after the answer', async () => {
    const state = synced()
    const loading = state.load()
    fakeHost.answer('settings:get', light)
    await loading
    fakeHost.broadcast('settings:changed', dark)
    expect(shown).toEqual([light, dark])
  })

  it('keeps the later of two fetches when their answers come back in the other order', async () => {
    const state = synced()
    const first = state.load()
    const second = state.load()
    expect(fakeHost.waiting('settings:get')).toBe(2)
    // Answer the second request first: the first request's (older) answer must not win.
    fakeHost.answer('settings:get', dark, 'newest')
    fakeHost.answer('settings:get', light)
    await Promise.all([first, second])
    expect(shown).toEqual([dark])
  })

  it('applies nothing when the fetch fails', async () => {
    const state = synced()
    const loading = state.load()
    fakeHost.fail('settings:get')
    await loading
    expect(shown).toEqual([])
  })

  it('listens once however often it loads, and stops listening on stop', async () => {
    const state = synced()
    const loads = [state.load(), state.load(), state.load()]
    for (const _ of loads) fakeHost.answer('settings:get', light)
    await Promise.all(loads)
    expect(fakeHost.listenerCount('settings:changed')).toBe(1)
    state.stop()
    expect(fakeHost.listenerCount('settings:changed')).toBe(0)
    fakeHost.broadcast('settings:changed', dark)
    expect(shown).not.toContainEqual(dark)
    const again = state.load()
    expect(fakeHost.listenerCount('settings:changed')).toBe(1)
    fakeHost.answer('settings:get', dark)
    await again
    expect(shown.at(-1)).toEqual(dark)
  })

  it('fetches again when the connection comes back after it was lost, but not on the first connect', async () => {
    const state = synced()
    fakeHost.connection.value = 'connecting'
    const loading = state.load()
    fakeHost.connection.value = 'open'
    await nextTick()
    expect(fakeHost.waiting('settings:get')).toBe(1)
    fakeHost.answer('settings:get', light)
    await loading

    fakeHost.connection.value = 'lost'
    await nextTick()
    fakeHost.connection.value = 'connecting'
    await nextTick()
    expect(fakeHost.waiting('settings:get')).toBe(0)
    fakeHost.connection.value = 'open'
    await nextTick()
    expect(fakeHost.waiting('settings:get')).toBe(1)
    fakeHost.answer('settings:get', dark)
    await vi.waitFor(() => expect(shown).toEqual([light, dark]))
    expect(fakeHost.listenerCount('settings:changed')).toBe(1)
  })

  it('does not fetch again after a reconnect once stopped, nor before it was loaded', async () => {
    const state = synced()
    fakeHost.connection.value = 'lost'
    await nextTick()
    fakeHost.connection.value = 'open'
    await nextTick()
    expect(fakeHost.waiting('settings:get')).toBe(0)

    const loading = state.load()
    fakeHost.answer('settings:get', light)
    await loading
    state.stop()
    fakeHost.connection.value = 'lost'
    await nextTick()
    fakeHost.connection.value = 'open'
    await nextTick()
    expect(fakeHost.waiting('settings:get')).toBe(0)
    expect(fakeHost.listenerCount('settings:changed')).toBe(0)
  })
})
