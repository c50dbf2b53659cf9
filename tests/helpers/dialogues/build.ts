import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CUE_FRAME_MS, CUE_FRAME_SAMPLES, CUE_SAMPLE_RATE } from '../../../shared/cues/frames'
import { recipeSchema, sides, type ParsedRecipe, type Recipe, type Side, type Voice } from './recipe'
import { expectedCues, frameOf, truthSchema, voicedString, type Segment, type Truth } from './truth'
import { seededRandom as random } from '../seeded-random'

/**
 * Builds a dialogue's two streams — the caller as the loopback hears them, the agent as the
 * microphone hears them — as mono 16 kHz s16le, equally long, with their truth. Voices come from
 * espeak-ng, the phone line from sox (band 300–3400 Hz, μ-law at 8 kHz and back), the rest (levels,
 * noise, echo, mixing) is done here. Everything is cached under a hash of the recipe, so only the
 * first run pays (needs the Debian packages espeak-ng and sox; without them it throws).
 */

/** Bump when the way dialogues are made changes: every cached dialogue is made again. */
const GENERATOR_VERSION = 1
/** A frame of the clean voice counts as speech when within this of the line's loudest frame. */
const VOICED_RANGE_DB = 30

export interface Dialogue {
  name: string
  about: string
  /** The loopback (caller) and the microphone (agent): mono 16 kHz s16le files of equal length. */
  files: Record<Side, string>
  samples: Record<Side, Int16Array>
  truth: Truth
}

export function dialogueCacheDir(): string {
  return (
    process.env.CALMDECK_DIALOGUE_CACHE ??
    path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'calmdeck-dialogues')
  )
}

function run(tool: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync(tool, args, { input, maxBuffer: 256 * 1024 * 1024 })
  if (result.error) throw new Error(`${tool} failed to run (Debian: apt-get install espeak-ng sox): ${result.error}`)
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return result.stdout
}

const RAW16 = ['-t', 'raw', '-r', String(CUE_SAMPLE_RATE), '-e', 'signed', '-b', '16', '-c', '1']

/** s16le bytes as samples (copied: a Buffer's offset need not be aligned). */
export function int16Of(buffer: Buffer): Int16Array {
  const aligned = new Uint8Array(buffer.byteLength - (buffer.byteLength % 2))
  aligned.set(buffer.subarray(0, aligned.length))
  return new Int16Array(aligned.buffer)
}

function toFloat(buffer: Buffer): Float64Array {
  return Float64Array.from(int16Of(buffer), (s) => s / 32768)
}

function toInt16(samples: Float64Array): Int16Array {
  return Int16Array.from(samples, (s) => Math.max(-32768, Math.min(32767, Math.round(s * 32768))))
}

function bytes(samples: Int16Array): Buffer {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)
}

/** One line in one voice at 16 kHz (cached: espeak-ng is the slow part). */
function speak(cache: string, voice: Voice, text: string): Float64Array {
  const key = createHash('sha256')
    .update(JSON.stringify([voice, text]))
    .digest('hex')
    .slice(0, 16)
  const file = path.join(cache, 'lines', `${key}.raw`)
  if (!fs.existsSync(file)) {
    const wav = run('espeak-ng', [
      '-v',
      voice.voice,
      '-p',
      String(voice.pitch),
      '-s',
      String(voice.speed),
      '--stdout',
      text,
    ])
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(`${file}.tmp`, run('sox', ['-t', 'wav', '-', ...RAW16, '-'], wav))
    fs.renameSync(`${file}.tmp`, file)
  }
  return toFloat(fs.readFileSync(file))
}

/** Per 20 ms frame of a clean line, its RMS in dB. */
function frameLevels(samples: Float64Array): number[] {
  const levels: number[] = []
  for (let i = 0; i + CUE_FRAME_SAMPLES <= samples.length; i += CUE_FRAME_SAMPLES) {
    let sum = 0
    for (let j = i; j < i + CUE_FRAME_SAMPLES; j++) sum += (samples[j] ?? 0) ** 2
    levels.push(sum > 0 ? 10 * Math.log10(sum / CUE_FRAME_SAMPLES) : -200)
  }
  return levels
}

/** Pink noise (Paul Kellet's filter) at `db` dBFS RMS. */
function pinkNoise(length: number, db: number, seed: number): Float64Array {
  const next = random(seed)
  const out = new Float64Array(length)
  let b0 = 0
  let b1 = 0
  let b2 = 0
  let sum = 0
  for (let i = 0; i < length; i++) {
    const white = next() * 2 - 1
    b0 = 0.99765 * b0 + white * 0.099046
    b1 = 0.963 * b1 + white * 0.2965164
    b2 = 0.57 * b2 + white * 1.0526913
    const value = b0 + b1 + b2 + white * 0.1848
    out[i] = value
    sum += value * value
  }
  const scale = 10 ** (db / 20) / Math.sqrt(sum / length)
  for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) * scale
  return out
}

/** The telephone line: band 300–3400 Hz, μ-law at 8 kHz, back to 16 kHz; same length as the input. */
function phoneLine(samples: Float64Array): Float64Array {
  const ulaw = run(
    'sox',
    [...RAW16, '-', '-t', 'raw', '-r', '8000', '-e', 'mu-law', '-c', '1', '-', 'sinc', '300-3400'],
    bytes(toInt16(samples)),
  )
  const back = toFloat(run('sox', ['-t', 'raw', '-r', '8000', '-e', 'mu-law', '-c', '1', '-', ...RAW16, '-'], ulaw))
  const out = new Float64Array(samples.length)
  out.set(back.subarray(0, samples.length))
  return out
}

interface Placed {
  side: Side
  start: number
  samples: Float64Array
  gainDb: number
  backchannel: boolean
}

/** The pause between turns when a line gives no placement. */
const DEFAULT_GAP_MS = 600

/** Places every line (resolving `gap` and `into`) and returns the clean lines at their levels. */
function place(recipe: ParsedRecipe, cache: string): Placed[] {
  let lastEnd = 0
  const lastStart: Record<Side, number> = { caller: 0, agent: 0 }
  const placed: Placed[] = []
  for (const line of recipe.lines) {
    const other: Side = line.side === 'caller' ? 'agent' : 'caller'
    const start =
      line.at ?? (line.into !== undefined ? lastStart[other] + line.into : lastEnd + (line.gap ?? DEFAULT_GAP_MS))
    const clean = speak(cache, recipe.voices[line.side], line.text)
    // Scale the line so its active speech sits at the person's level plus its step.
    const levels = frameLevels(clean)
    const peak = Math.max(...levels)
    const active = levels.filter((l) => l >= peak - VOICED_RANGE_DB)
    const activeDb = 10 * Math.log10(active.reduce((s, l) => s + 10 ** (l / 10), 0) / active.length)
    const gain = 10 ** ((recipe.levels[line.side] + line.gainDb - activeDb) / 20)
    const samples = clean.map((s) => s * gain)
    const startMs = Math.round(start / CUE_FRAME_MS) * CUE_FRAME_MS
    placed.push({ side: line.side, start: startMs, samples, gainDb: line.gainDb, backchannel: line.backchannel })
    lastStart[line.side] = startMs
    lastEnd = Math.max(lastEnd, startMs + (samples.length * 1000) / CUE_SAMPLE_RATE)
  }
  return placed
}

/** Truth from the placed clean lines: each line's voiced frames and the expected cues. */
function truthOf(recipe: ParsedRecipe, placed: readonly Placed[]): Truth {
  const frames = frameOf(recipe.durationMs)
  const voiced: Record<Side, Uint8Array> = { caller: new Uint8Array(frames), agent: new Uint8Array(frames) }
  const segments: Record<Side, Segment[]> = { caller: [], agent: [] }
  for (const line of placed) {
    if (line.side === 'caller' && recipe.callerSilent) continue
    const levels = frameLevels(line.samples)
    const peak = Math.max(...levels)
    const first = frameOf(line.start)
    let start = -1
    let end = -1
    let count = 0
    levels.forEach((level, i) => {
      if (level < peak - VOICED_RANGE_DB || first + i >= frames) return
      voiced[line.side][first + i] = 1
      if (start < 0) start = i
      end = i
      count++
    })
    if (start < 0) continue
    segments[line.side].push({
      start: line.start + start * CUE_FRAME_MS,
      end: line.start + (end + 1) * CUE_FRAME_MS,
      gainDb: line.gainDb,
      backchannel: line.backchannel,
      voicedMs: count * CUE_FRAME_MS,
    })
  }
  for (const side of sides) segments[side].sort((a, b) => a.start - b.start)
  return {
    durationMs: recipe.durationMs,
    segments,
    voiced: { caller: voicedString(voiced.caller), agent: voicedString(voiced.agent) },
    cues: expectedCues(segments.caller, segments.agent),
  }
}

function mix(length: number, placed: readonly Placed[], side: Side): Float64Array {
  const track = new Float64Array(length)
  for (const line of placed) {
    if (line.side !== side) continue
    const offset = (line.start * CUE_SAMPLE_RATE) / 1000
    for (let i = 0; i < line.samples.length && offset + i < length; i++) {
      track[offset + i] = (track[offset + i] ?? 0) + (line.samples[i] ?? 0)
    }
  }
  return track
}

function addInto(track: Float64Array, other: Float64Array, gainDb = 0, delaySamples = 0): void {
  const gain = 10 ** (gainDb / 20)
  for (let i = delaySamples; i < track.length; i++) track[i] = (track[i] ?? 0) + gain * (other[i - delaySamples] ?? 0)
}

function generate(recipe: ParsedRecipe, cache: string): { caller: Int16Array; agent: Int16Array; truth: Truth } {
  const length = (recipe.durationMs * CUE_SAMPLE_RATE) / 1000
  const placed = place(recipe, cache)
  let caller: Float64Array = new Float64Array(length)
  if (!recipe.callerSilent) {
    caller = mix(length, placed, 'caller')
    if (recipe.snrDb !== null) addInto(caller, pinkNoise(length, recipe.levels.caller - recipe.snrDb, recipe.seed))
    if (recipe.phone) caller = phoneLine(caller)
  }
  const agent = mix(length, placed, 'agent')
  if (recipe.echo) addInto(agent, caller, recipe.echo.db, Math.round((recipe.echo.delayMs * CUE_SAMPLE_RATE) / 1000))
  if (recipe.snrDb !== null) addInto(agent, pinkNoise(length, recipe.levels.agent - recipe.snrDb, recipe.seed + 1))
  return { caller: toInt16(caller), agent: toInt16(agent), truth: truthOf(recipe, placed) }
}

/** Builds (or reads from the cache) one dialogue. */
export function buildDialogue(input: Recipe): Dialogue {
  const recipe = recipeSchema.parse(input)
  const cache = dialogueCacheDir()
  const key = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, recipe]))
    .digest('hex')
    .slice(0, 16)
  const base = path.join(cache, `${recipe.name}-${key}`)
  const files = { caller: `${base}.caller.raw`, agent: `${base}.agent.raw` }
  const truthFile = `${base}.truth.json`
  if (!fs.existsSync(truthFile)) {
    const made = generate(recipe, cache)
    fs.mkdirSync(cache, { recursive: true })
    fs.writeFileSync(files.caller, bytes(made.caller))
    fs.writeFileSync(files.agent, bytes(made.agent))
    // The truth last: its presence says the dialogue is complete.
    fs.writeFileSync(`${truthFile}.tmp`, JSON.stringify(made.truth))
    fs.renameSync(`${truthFile}.tmp`, truthFile)
  }
  const truth = truthSchema.parse(JSON.parse(fs.readFileSync(truthFile, 'utf8')))
  const read = (file: string) => int16Of(fs.readFileSync(file))
  return {
    name: recipe.name,
    about: recipe.about,
    files,
    samples: { caller: read(files.caller), agent: read(files.agent) },
    truth,
  }
}
