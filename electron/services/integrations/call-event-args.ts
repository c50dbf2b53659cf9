import { parseArgs } from 'node:util'
import { z } from 'zod'
import { externalCallEventSchema, plainNumber, type ExternalCallEvent } from '../../../shared/call-events'
import { optionProblem, parseArgsProblem } from '../../cli/cli-args'
import { ENGLISH, type CliSpeech } from '../../cli/cli-language'

/** Command-line event names and what they mean. */
export const cliEventTypes = {
  'call-incoming': 'incoming',
  'call-start': 'answered',
  'call-end': 'ended',
  'call-failed': 'failed',
} as const satisfies Record<string, ExternalCallEvent['type']>
export type CliEventName = keyof typeof cliEventTypes
const cliEventNames = Object.keys(cliEventTypes) as [CliEventName, ...CliEventName[]]

/** The arguments' shape; problems are named in the caller's language (`optionProblem`). */
const valuesSchema = z.strictObject({
  event: z.enum(cliEventNames),
  number: z.string().optional(),
  direction: z.enum(['in', 'out']).optional(),
  id: z.string().optional(),
  'data-dir': z.string().min(1).optional(),
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
export function parseEventArgs(argv: readonly string[], speech: CliSpeech = ENGLISH): EventArgs {
  let parsed: ReturnType<typeof readArgs>
  try {
    parsed = readArgs(argv)
  } catch (error) {
    return { kind: 'error', message: parseArgsProblem(error, speech) }
  }
  if (parsed.values.help) return { kind: 'help' }
  const { help: _help, ...values } = parsed.values
  return fromValues(values, parsed.positionals, speech)
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

function fromValues(
  values: Record<string, unknown>,
  positionals: readonly string[],
  speech: CliSpeech = ENGLISH,
): EventArgs {
  const { texts } = speech
  const rest = [...positionals]
  const input: Record<string, unknown> = { ...values }
  if (input.event === undefined && rest[0] !== undefined && rest[0] in cliEventTypes) input.event = rest.shift()
  if (input.event === undefined) return { kind: 'error', message: texts.event.whichEvent }
  if (rest.length > 1 || (rest.length === 1 && input.number !== undefined)) {
    // The argument is not echoed: it may be a caller's number.
    return { kind: 'error', message: texts.event.onePlainArgument }
  }
  if (rest[0] !== undefined) input.number = rest[0]
  const checked = valuesSchema.safeParse(input)
  if (!checked.success) return { kind: 'error', message: optionProblem(checked.error, input, speech) }
  const { event, number, direction, id, 'data-dir': dataDir } = checked.data
  const external = externalCallEventSchema.safeParse({
    type: cliEventTypes[event],
    number: number?.trim() ? number.trim() : undefined,
    direction: direction === 'in' ? 'inbound' : direction === 'out' ? 'outbound' : undefined,
    externalId: id?.trim() ? id.trim() : undefined,
  })
  if (!external.success) {
    return {
      kind: 'error',
      message: optionProblem(external.error, { ...input, externalId: input.id }, speech, { externalId: 'id' }),
    }
  }
  return dataDir === undefined
    ? { kind: 'event', event: external.data }
    : { kind: 'event', event: external.data, dataDir }
}

/** Whether a command line carries a call event or link (rather than being a plain start). */
export function hasCallEvent(argv: readonly string[]): boolean {
  return eventFromAppArgv(argv) !== null || linkFromArgv(argv) !== undefined
}
