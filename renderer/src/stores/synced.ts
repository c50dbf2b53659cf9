import type { HostEvent } from '@shared/channels'
import type { HostEventData } from '@shared/contract'
import type { Result } from '@shared/result'
import { watch } from 'vue'
import { api, connection } from '../api'

/** A listener for one host event that is added at most once, however often `start` is called. */
export interface Subscription {
  /** Starts listening, unless already listening. */
  start(): void
  /** Removes the listener; `start` adds it again. */
  stop(): void
}

export function subscription<E extends HostEvent>(event: E, listener: (data: HostEventData<E>) => void): Subscription {
  let unsubscribe: (() => void) | null = null
  return {
    start() {
      unsubscribe ??= api.on(event, listener)
    },
    stop() {
      unsubscribe?.()
      unsubscribe = null
    },
  }
}

/** A store's copy of one piece of host state: fetched once, then kept current by the host's broadcasts. */
export interface SyncedState {
  /** Listens (once), then fetches; resolves when the fetch has been answered. Safe to call again. */
  load(): Promise<void>
  /** Removes the listener (and no longer fetches again after a reconnect). */
  stop(): void
}

/**
 * Subscribes to `event` BEFORE fetching, so no broadcast can fall between the two. Every change
 * is broadcast after it is committed, so a broadcast received while a fetch is in flight is at
 * least as new as the fetch's answer: that answer is then dropped instead of overwriting it.
 * An answer to an older fetch is dropped too once a later one has been applied. When the
 * connection to the host comes back after it was lost, the state is fetched again: what was
 * broadcast meanwhile never arrived (a restarted host, or a dropped WebSocket). Call it in a
 * store's setup: the store's scope ends that watch on the connection.
 */
export function syncedState<E extends HostEvent>(
  event: E,
  fetch: () => Promise<Result<HostEventData<E>>>,
  apply: (value: HostEventData<E>) => void,
): SyncedState {
  let broadcasts = 0
  let asked = 0
  let applied = 0
  /** Loaded and not stopped: only then is a lost connection made up for. */
  let active = false
  let wasLost = false
  const listening = subscription(event, (value) => {
    broadcasts++
    apply(value)
  })

  async function load(): Promise<void> {
    active = true
    listening.start()
    const ticket = ++asked
    const seen = broadcasts
    const result = await fetch()
    if (!result.ok || broadcasts !== seen || ticket < applied) return
    applied = ticket
    apply(result.value)
  }

  watch(connection, (state) => {
    if (state === 'lost') wasLost = true
    else if (state === 'open' && wasLost && active) {
      wasLost = false
      void load()
    }
  })

  function stop(): void {
    active = false
    listening.stop()
  }

  return { load, stop }
}
