import type { MicUse } from './monitor'

/**
 * Parsers for `pactl` text output (run with LC_ALL=C; the text form exists in every pactl, while
 * `-f json` needs pactl 16+).
 */

/** `pactl list short sources`: index → source name (`mic`, `nul.monitor`). */
export function parseShortSources(text: string): Map<number, string> {
  const sources = new Map<number, string>()
  for (const line of text.split('\n')) {
    const [index, name] = line.split('\t')
    if (index === undefined || name === undefined || !/^\d+$/.test(index.trim())) continue
    sources.set(Number(index), name.trim())
  }
  return sources
}

/** A monitor source replays what a sink plays (a screen or call recorder): not a microphone. */
export function isMonitorSource(name: string | undefined): boolean {
  return name === undefined || name.endsWith('.monitor')
}

export interface SourceOutput {
  source: number | null
  props: Map<string, string>
}

/** `pactl list source-outputs`: every capture stream with its source index and properties. */
export function parseSourceOutputs(text: string): SourceOutput[] {
  const outputs: SourceOutput[] = []
  let current: SourceOutput | null = null
  for (const line of text.split('\n')) {
    if (/^Source Output #\d+/.test(line)) {
      current = { source: null, props: new Map() }
      outputs.push(current)
      continue
    }
    if (!current) continue
    const source = /^\tSource: (\d+)\s*$/.exec(line)
    if (source?.[1] !== undefined) current.source = Number(source[1])
    const prop = /^\t\t([\w.-]+) = "(.*)"\s*$/.exec(line)
    if (prop?.[1] !== undefined && prop[2] !== undefined) current.props.set(prop[1], prop[2].replace(/\\(.)/g, '$1'))
  }
  return outputs
}

/**
 * The apps recording from a real input (not a monitor): executable name, else the client's
 * application name; the pid if given.
 */
export function pulseMicUses(sourcesText: string, outputsText: string): MicUse[] {
  const sources = parseShortSources(sourcesText)
  const uses: MicUse[] = []
  for (const output of parseSourceOutputs(outputsText)) {
    const name = output.source === null ? undefined : sources.get(output.source)
    if (isMonitorSource(name)) continue
    const app = output.props.get('application.process.binary') ?? output.props.get('application.name')
    if (!app) continue
    const pid = Number(output.props.get('application.process.id'))
    uses.push({ app, pid: Number.isInteger(pid) && pid > 0 ? pid : null })
  }
  return uses
}

/**
 * Whether a `pactl subscribe` line can change who records from which input (worth a new look): a
 * capture stream coming, going or moving, or an input device coming or going. Not `'change' on
 * source`: a source changes with every volume step (an app's automatic gain control makes many
 * a second during a call) and on every suspend after a stream ends, and never changes who holds it.
 */
export function isCaptureEvent(line: string): boolean {
  return /^Event '(?:(?:new|remove|change)' on source-output|(?:new|remove)' on source) #\d+/.test(line)
}
