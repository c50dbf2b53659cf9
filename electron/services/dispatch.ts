import { isChannel, type Channel } from '../../shared/channels'
import { contract, type ParsedRequest, type Response } from '../../shared/contract'
import { AppError, formatPath, type Result } from '../../shared/result'

export type Handlers = { [C in Channel]: (request: ParsedRequest<C>) => Response<C> | Promise<Response<C>> }

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>

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
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      return fail(new AppError('unknown-channel', 'This request is not known to CalmDeck.'))
    }
    const parsed = contract[channel].request.safeParse(payload)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
      return fail(new AppError('invalid-request', 'The request was not valid.', issues))
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown
      const value: unknown = await handler(parsed.data)
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
