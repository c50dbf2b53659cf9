import { z } from 'zod'
import type { Channel, HostEvent } from './channels'
import { deckSchema } from './deck'
import { settingsPatchSchema, settingsSchema } from './settings'

const empty = z.strictObject({})

/** Something the user must be told about storage, e.g. a damaged database that was moved aside. */
export const storageNoticeSchema = z.strictObject({
  kind: z.enum(['database-recovered']),
  /** File name (not a full path) the damaged database was moved to. */
  movedTo: z.string(),
  at: z.number().int(),
})

export const appInfoSchema = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  notices: z.array(storageNoticeSchema),
})

export const deckStateSchema = z.strictObject({
  deck: deckSchema,
  source: z.enum(['default', 'imported']),
  importedAt: z.number().int().nullable(),
})

/** Deck files larger than this are refused before parsing. */
export const MAX_DECK_FILE_CHARS = 512 * 1024

/**
 * The one contract between the renderer and a host (Electron IPC or the web host's WebSocket):
 * a request and a response schema for every channel.
 */
export const contract = {
  'app:info': { request: empty, response: appInfoSchema },
  'settings:get': { request: empty, response: settingsSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsSchema },
  'deck:get': { request: empty, response: deckStateSchema },
  'deck:import': {
    request: z.strictObject({
      text: z.string().max(MAX_DECK_FILE_CHARS, `a deck file may be at most ${MAX_DECK_FILE_CHARS / 1024} KB`),
    }),
    response: deckStateSchema,
  },
  'deck:export': {
    request: empty,
    response: z.strictObject({ fileName: z.string(), text: z.string() }),
  },
  'deck:reset': { request: empty, response: deckStateSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>

export const hostEventSchemas = {
  'settings:changed': settingsSchema,
  'deck:changed': deckStateSchema,
} as const satisfies Record<HostEvent, z.ZodType>

export type Contract = typeof contract
export type Request<C extends Channel> = z.input<Contract[C]['request']>
export type Response<C extends Channel> = z.output<Contract[C]['response']>
export type HostEventData<E extends HostEvent> = z.output<(typeof hostEventSchemas)[E]>
export type AppInfo = z.infer<typeof appInfoSchema>
export type DeckState = z.infer<typeof deckStateSchema>
export type StorageNotice = z.infer<typeof storageNoticeSchema>
