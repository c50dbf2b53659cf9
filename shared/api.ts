import type { Channel, HostEvent } from './channels'
import type { HostEventData, Request, Response } from './contract'
import type { Result } from './result'

/**
 * What the renderer sees of its host. Derived from the contract: adding a channel there adds it
 * here. The Electron preload and the web host's WebSocket client both implement it.
 */
export interface HostApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Result<Response<C>>>
  on<E extends HostEvent>(event: E, listener: (data: HostEventData<E>) => void): () => void
}

/** The name under which the preload exposes the api on `window`. */
export const API_GLOBAL = 'calmdeck'
