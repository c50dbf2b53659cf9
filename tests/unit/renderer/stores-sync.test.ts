import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel, HostEvent } from '../../../shared/channels'
import type { HostEventData } from '../../../shared/contract'
import { defaultDeck } from '../../../shared/default-deck'
import { defaultSettings } from '../../../shared/settings-defaults'
import { useCallStore } from '../../../renderer/src/stores/calls'
import { useDeckStore } from '../../../renderer/src/stores/deck'
import { useHotkeyStore } from '../../../renderer/src/stores/hotkeys'
import { useRecoveryStore } from '../../../renderer/src/stores/recovery'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { fakeHost } from './fake-host'

vi.mock('../../../renderer/src/api', async () => (await import('./fake-host')).fakeApiModule)

interface SyncedStore {
  load(): Promise<void>
  unsubscribe(): void
}

/** One store that mirrors host state: where it fetches it, which broadcast updates it, two states. */
interface StoreCase<E extends HostEvent> {
  name: string
  use: () => SyncedStore
  read: () => unknown
  fetch: Channel
  event: E
  older: HostEventData<E>
  newer: HostEventData<E>
}

const storeCase = <E extends HostEvent>(item: StoreCase<E>) => item as unknown as StoreCase<HostEvent>

const cases = [
  storeCase({
    name: 'settings',
    use: useSettingsStore,
    read: () => useSettingsStore().settings,
    fetch: 'settings:get',
    event: 'settings:changed',
    older: { ...defaultSettings, theme: 'light' },
    newer: { ...defaultSettings, theme: 'dark' },
  }),
  storeCase({
    name: 'deck',
    use: useDeckStore,
    read: () => useDeckStore().state,
    fetch: 'deck:get',
    event: 'deck:changed',
    older: { deck: defaultDeck, source: 'default', importedAt: null },
    newer: { deck: { ...defaultDeck, id: 'team' }, source: 'imported', importedAt: 1_000 },
  }),
  storeCase({
    name: 'hotkeys',
    use: useHotkeyStore,
    read: () => useHotkeyStore().status,
    fetch: 'hotkeys:status',
    event: 'hotkeys:changed',
    older: { available: true, bindings: [] },
    newer: { available: true, bindings: [{ action: 'call-start', accelerator: 'Ctrl+Alt+C', registered: false }] },
  }),
  storeCase({
    name: 'recovery',
    use: useRecoveryStore,
    read: () => useRecoveryStore().state,
    fetch: 'recovery:current',
    event: 'recovery:changed',
    older: null,
    newer: {
      id: 3,
      status: 'offered',
      callId: 7,
      durationMs: 300_000,
      remainingMs: 300_000,
      startedAt: null,
      endsAt: null,
    },
  }),
  storeCase({
    name: 'calls',
    use: useCallStore,
    read: () => useCallStore().state,
    fetch: 'calls:current',
    event: 'calls:changed',
    older: { call: null, recent: [] },
    newer: {
      call: {
        id: 7,
        startedAt: 1_000,
        endedAt: null,
        caller: null,
        direction: null,
        hard: false,
        source: 'window',
        pinned: false,
      },
      recent: [],
    },
  }),
]

beforeEach(() => {
  fakeHost.reset()
  // The settings store reads the system languages; vitest runs in Node, without a browser.
  vi.stubGlobal('navigator', { languages: ['en-GB'], language: 'en-GB' })
  setActivePinia(createPinia())
})
// Ends each store's watch on the connection, so stores of an earlier test do not fetch in a later one.
afterEach(() => {
  for (const use of [useCallStore, useRecoveryStore, useHotkeyStore, useDeckStore, useSettingsStore]) use().$dispose()
})

describe.each(cases)('the $name store', (item) => {
  it('keeps a broadcast that arrives while its first fetch is being answered', async () => {
    const loading = item.use().load()
    fakeHost.broadcast(item.event, item.newer)
    fakeHost.answer(item.fetch, item.older as never)
    await loading
    expect(item.read()).toEqual(item.newer)
  })

  it('applies the fetched state, then the broadcasts after it', async () => {
    const loading = item.use().load()
    fakeHost.answer(item.fetch, item.newer as never)
    await loading
    expect(item.read()).toEqual(item.newer)
    fakeHost.broadcast(item.event, item.older)
    expect(item.read()).toEqual(item.older)
  })

  it('catches up after the connection to the host was lost and came back', async () => {
    const loading = item.use().load()
    fakeHost.answer(item.fetch, item.older as never)
    await loading
    fakeHost.connection.value = 'lost'
    await nextTick()
    // Broadcast while the connection is down: it never arrives.
    fakeHost.connection.value = 'open'
    await nextTick()
    expect(fakeHost.waiting(item.fetch)).toBe(1)
    fakeHost.answer(item.fetch, item.newer as never)
    await vi.waitFor(() => expect(item.read()).toEqual(item.newer))
  })

  it('listens once when loaded twice, and not at all after unsubscribe', async () => {
    const store = item.use()
    const loads = [store.load(), store.load()]
    while (fakeHost.waiting(item.fetch) > 0) fakeHost.answer(item.fetch, item.older as never)
    await Promise.all(loads)
    expect(fakeHost.listenerCount(item.event)).toBe(1)
    store.unsubscribe()
    expect(fakeHost.listenerCount(item.event)).toBe(0)
  })
})

describe('the calls store', () => {
  it('confirms actions done outside the window with one listener, removed on unsubscribe', async () => {
    const calls = useCallStore()
    const loads = [calls.load(), calls.load()]
    while (fakeHost.waiting('calls:current') > 0) fakeHost.answer('calls:current', { call: null, recent: [] })
    await Promise.all(loads)
    expect(fakeHost.listenerCount('actions:performed')).toBe(1)
    fakeHost.broadcast('actions:performed', {
      source: 'hotkey',
      action: 'call-start',
      error: { code: 'conflict', message: 'A call is already open.' },
    })
    expect(calls.feedback).toMatchObject({ kind: 'error', error: { code: 'conflict' } })
    calls.unsubscribe()
    expect(fakeHost.listenerCount('actions:performed')).toBe(0)
  })
})

describe('the settings store', () => {
  it('is settled only once every change sent is answered (a call right after a choice uses it)', async () => {
    const settings = useSettingsStore()
    let settled = false
    void settings.update({ cuesCaller: 'callerin' })
    const waiting = settings.settled().then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    fakeHost.answer('settings:update', { ...defaultSettings, cuesCaller: 'callerin' })
    await waiting
    expect(settings.settings.cuesCaller).toBe('callerin')
    // Nothing sent: settled at once.
    await settings.settled()
  })
})
