import { parseArgs } from 'node:util'
import { z } from 'zod'
import { externalCallEventSchema, plainNumber, type ExternalCallEvent } from '../../../shared/call-events'

/** Command-line event names and what they mean. */
export const cliEventTypes = {
  'call-incoming': 'incoming',
  'call-start': 'answered',
  'call-end': 'ended',
  'call-failed': 'failed',
} as const satisfies Record<string, ExternalCallEvent['type']>
export type CliEventName = keyof typeof cliEventTypes
const cliEventNames = Object.keys(cliEventTypes) as [CliEventName, ...CliEventName[]]

export const EVENT_USAGE = `Usage: calmdeck-event <call-incoming|call-start|call-end|call-failed> [number] [options]
   or: calmdeck-event --event <name> [--number <n>] [--direction in|out] [--id <call id>]

Tells the running CalmDeck about a softphone call.
  call-incoming  the phone rings (nothing is recorded until the call is answered)
  call-start     the call is connected: CalmDeck opens a call
  call-end       the call has ended: CalmDeck closes it
  call-failed    the call never connected (busy, rejected, not answered)
Options:
  --number     the other party's number or SIP address (may also be given as a plain argument)
  --direction  in or out
  --id         the softphone's id for the call, so repeated reports are recognised
  --data-dir   CalmDeck's data folder (default: the app's own)
Exit status: 0 done, 1 CalmDeck not running or refused the event, 2 wrong arguments.`

const valuesSchema = z.strictObject({
  event: z.enum(cliEventNames, { error: `must be one of ${cliEventNames.join(', ')}` }),
  number: z.string().optional(),
  direction: z.enum(['in', 'out'], { error: 'must be "in" or "out"' }).optional(),
  id: z.string().optional(),
  'data-dir': z.string().min(1, 'must name a folder').optional(),
})

export type EventArgs =
  { kind: 'event'; event: ExternalCallEvent; dataDir?: string } | { kind: 'help' } | { kind: 'error'; message: string }

const options = {
  event: { type: 'string' },
  number: { type: 'string' },
  direction: { type: 'string' },
  id: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/**
 * Parses `calmdeck-event`'s arguments strictly. The event may be named first (`call-start 0612…`)
 * or with `--event`; a plain argument is the number (MicroSIP appends it). Never throws.
 */
export function parseEventArgs(argv: readonly string[]): EventArgs {
  let parsed: ReturnType<typeof readArgs>
  try {
    parsed = readArgs(argv)
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? firstLine(error.message) : 'unreadable arguments' }
  }
  if (parsed.values.help) return { kind: 'help' }
  const { help: _help, ...values } = parsed.values
  return fromValues(values, parsed.positionals)
}

function readArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true })
}

/**
 * Finds a call event in the app's own command line (`CalmDeck --event call-start --number …`),
 * leniently: the executable, the app path and switches Chromium adds are skipped. Null when the
 * command line holds no event; a link (`tel:…`) is handled by `eventFromLink`.
 */
export function eventFromAppArgv(argv: readonly string[]): EventArgs | null {
  const start = argv.findIndex((arg) => arg === '--event' || arg.startsWith('--event='))
  if (start < 0) return null
  const values: Record<string, string> = {}
  const positionals: string[] = []
  for (let i = start; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const inline = /^--(event|number|direction|id)=(.*)$/s.exec(arg)
    const option = /^--(event|number|direction|id)$/.exec(arg)
    if (inline?.[1]) values[inline[1]] = inline[2] ?? ''
    else if (option?.[1]) values[option[1]] = argv[++i] ?? ''
    else if (!arg.startsWith('-')) positionals.push(arg)
  }
  return fromValues(values, positionals)
}

/** `tel:`, `sip:`, `sips:` or `callto:` link → an outgoing call being placed. Null for anything else. */
export function eventFromLink(url: string): ExternalCallEvent | null {
  if (!/^(tel|sips?|callto):/i.test(url.trim())) return null
  const parsed = externalCallEventSchema.safeParse({
    type: 'answered',
    direction: 'outbound',
    number: plainNumber(url.slice(0, 300)),
  })
  return parsed.success && parsed.data.number ? parsed.data : null
}

/** The first argument that is a call link, if any. */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => /^(tel|sips?|callto):/i.test(arg))
}

function fromValues(values: Record<string, unknown>, positionals: readonly string[]): EventArgs {
  const rest = [...positionals]
  const input: Record<string, unknown> = { ...values }
  if (input.event === undefined && rest[0] !== undefined && rest[0] in cliEventTypes) input.event = rest.shift()
  if (input.event === undefined) return { kind: 'error', message: 'which event? e.g. call-start or --event call-start' }
  if (rest.length > 1 || (rest.length === 1 && input.number !== undefined)) {
    // The argument is not echoed: it may be a caller's number.
    return { kind: 'error', message: 'one plain argument (the number) at most' }
  }
  if (rest[0] !== undefined) input.number = rest[0]
  const checked = valuesSchema.safeParse(input)
  if (!checked.success) return { kind: 'error', message: describe(checked.error) }
  const { event, number, direction, id, 'data-dir': dataDir } = checked.data
  const external = externalCallEventSchema.safeParse({
    type: cliEventTypes[event],
    number: number?.trim() ? number.trim() : undefined,
    direction: direction === 'in' ? 'inbound' : direction === 'out' ? 'outbound' : undefined,
    externalId: id?.trim() ? id.trim() : undefined,
  })
  if (!external.success) {
    return { kind: 'error', message: describe(external.error, { externalId: 'id' }) }
  }
  return dataDir === undefined
    ? { kind: 'event', event: external.data }
    : { kind: 'event', event: external.data, dataDir }
}

function describe(error: z.ZodError, rename: Record<string, string> = {}): string {
  const issue = error.issues[0]
  const key = String(issue?.path[0] ?? 'argument')
  return `--${rename[key] ?? key}: ${issue?.message ?? 'invalid'}`
}

/** Node's message without its advice on positionals, which does not apply here. */
function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text
  return line.split('. To specify a positional')[0] ?? line
}

/** Whether a command line carries a call event or link (rather than being a plain start). */
export function hasCallEvent(argv: readonly string[]): boolean {
  return eventFromAppArgv(argv) !== null || linkFromArgv(argv) !== undefined
}
