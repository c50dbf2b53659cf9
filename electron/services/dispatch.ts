import { isChannel, type Channel } from '../../shared/channels'
import { contract, type ParsedRequest, type Response } from '../../shared/contract'
import { AppError, formatPath, type Result } from '../../shared/result'

/** Who sent a request: one window's connection. Requests that hold state between them (an import in pieces) keep it per caller. */
export type CallerId = string

/** The caller of a request that did not say (tests, a host with one window). */
export const DEFAULT_CALLER: CallerId = 'window'

export type Handlers = {
  [C in Channel]: (request: ParsedRequest<C>, caller: CallerId) => Response<C> | Promise<Response<C>>
}

export type Dispatch = (channel: unknown, payload: unknown, caller?: CallerId) => Promise<Result<unknown>>

export interface DispatchOptions {
  /** Told about unexpected failures. Receives the channel and error name only, never payloads. */
  onInternalError?: (channel: Channel, error: unknown) => void
}

/**
 * The one entry point both hosts use: checks that the channel exists, parses the payload with the
 * channel's schema, runs the handler and wraps the outcome in a `Result`. A bad request never
 * reaches a service; an unexpected failure becomes a generic `internal` error without details.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, payload, caller = DEFAULT_CALLER) => {
    if (!isChannel(channel)) {
      return fail(new AppError('unknown-channel', 'This request is not known to CalmDeck.'))
    }
    const parsed = contract[channel].request.safeParse(payload)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
      return fail(new AppError('invalid-request', 'The request was not valid.', issues))
    }
    try {
      const handler = handlers[channel] as (request: unknown, caller: CallerId) => unknown
      const value: unknown = await handler(parsed.data, caller)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return fail(error)
      options.onInternalError?.(channel, error)
      return fail(new AppError(storageCode(error), messageFor(error)))
    }
  }
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toData() }
}

function storageCode(error: unknown): 'storage' | 'internal' {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? 'storage' : 'internal'
}

function messageFor(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_FULL') return 'The disk is full: the change was not saved.'
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
    return 'The database is busy: the change was not saved. Try again.'
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return 'The change could not be saved to the database.'
  return 'Something went wrong inside CalmDeck. Nothing was changed.'
}

export type { Response }
