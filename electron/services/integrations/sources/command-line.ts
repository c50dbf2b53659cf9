import type { IngestOutcome } from '../../../../shared/call-events'
import { AppError } from '../../../../shared/result'
import type { AppErrorData } from '../../../../shared/result'
import type { Settings } from '../../../../shared/settings'
import { eventFromAppArgv, eventFromLink, linkFromArgv } from '../call-event-args'
import type { CallSource, CallSourceContext, CallSourceStatus } from '../call-source'

/**
 * The app's own command line: `--event …` from a softphone hook (at start, or forwarded by a
 * second start) and `tel:`/`sip:`/`callto:` links. Nothing to start: the host hands it argv.
 */
export class CommandLineSource implements CallSource {
  readonly id = 'command-line'
  readonly origins = ['command-line', 'link'] as const
  readonly offMessage = 'Call events from the command line and the local API are turned off in CalmDeck’s settings.'

  constructor(
    private readonly context: CallSourceContext,
    /** A command line the app could not use: shown in the window. */
    private readonly onRefused?: (error: AppErrorData) => void,
  ) {}

  enabled(settings: Settings): boolean {
    return settings.callEventsLocal
  }

  start(): void {}
  applySettings(): void {}
  stop(): void {}

  status(settings: Settings): CallSourceStatus {
    return { id: this.id, state: this.enabled(settings) ? 'on' : 'off' }
  }

  /** Anything but an event or a link is ignored (null). Never throws; never logs argv. */
  handleArgv(argv: readonly string[]): IngestOutcome | null {
    const parsed = eventFromAppArgv(argv)
    const link = parsed ? undefined : linkFromArgv(argv)
    if (!parsed && !link) return null
    try {
      if (parsed?.kind === 'error') {
        throw new AppError('invalid-request', `The softphone’s command was not understood: ${parsed.message}`)
      }
      if (parsed?.kind === 'event') return this.context.receive(parsed.event, 'command-line')
      const event = link ? eventFromLink(link) : null
      if (!event) throw new AppError('invalid-request', 'The link has no number CalmDeck can use.')
      return this.context.receive(event, 'link')
    } catch (error) {
      const data =
        error instanceof AppError
          ? error.toData()
          : { code: 'internal' as const, message: 'CalmDeck could not record the softphone’s call.' }
      this.context.log(`command line event refused (${data.code})`)
      this.onRefused?.(data)
      return null
    }
  }
}
