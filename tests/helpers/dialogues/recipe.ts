import { z } from 'zod'

/**
 * A test dialogue as data: who says what, when, how loud, and what the line does to the sound
 * (phone band, μ-law, noise, the speaker echo). `build.ts` makes the two streams from it with
 * espeak-ng and sox; `truth.ts` derives the true speech timeline and the expected cues from what
 * was actually synthesised.
 */

export const sides = ['caller', 'agent'] as const
export type Side = (typeof sides)[number]

/** One voice: an espeak-ng voice (language + variant), its pitch (0–99) and speed (words/min). */
export const voiceSchema = z.object({ voice: z.string(), pitch: z.number().int(), speed: z.number().int() })
export type Voice = z.infer<typeof voiceSchema>

export const utteranceSchema = z.object({
  side: z.enum(sides),
  text: z.string().min(1),
  /** Start in ms from the dialogue's start… */
  at: z.number().optional(),
  /** …or this many ms after every line so far has ended (taking turns; the default, 600 ms)… */
  gap: z.number().optional(),
  /** …or this many ms after the other side's latest line started (an overlap or a backchannel). */
  into: z.number().optional(),
  /** Level relative to this person's usual level, in dB (a raised voice: +8…+14). */
  gainDb: z.number().default(0),
  /** A short "mm", "ja", "da": never an interruption. */
  backchannel: z.boolean().default(false),
})
export type Utterance = z.input<typeof utteranceSchema>

export const recipeSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  /** What the dialogue is for, in a line. */
  about: z.string(),
  durationMs: z.number().int().positive(),
  voices: z.object({ caller: voiceSchema, agent: voiceSchema }),
  /** Each person's usual level of active speech, dBFS. */
  levels: z.object({ caller: z.number(), agent: z.number() }).default({ caller: -24, agent: -22 }),
  /** The caller's line: phone band (300–3400 Hz) and a μ-law round trip at 8 kHz. */
  phone: z.boolean().default(true),
  /** Noise on each stream at this SNR (dB below the person's usual level); null: none. */
  snrDb: z.number().nullable().default(18),
  /** The loopback carries nothing at all (digitally silent). */
  callerSilent: z.boolean().default(false),
  /** Speakers, no headset: the caller reaches the microphone this much lower, this much later. */
  echo: z.object({ db: z.number(), delayMs: z.number() }).nullable().default(null),
  /** Seed of the noise. */
  seed: z.number().int().default(1),
  lines: z.array(utteranceSchema),
})
export type Recipe = z.input<typeof recipeSchema>
export type ParsedRecipe = z.output<typeof recipeSchema>
