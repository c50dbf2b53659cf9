/**
 * Channel names, kept free of schemas so the renderer and the sandboxed preload can import them
 * without pulling zod into their bundles. `contract.ts` maps each one to its schemas.
 */
export const channels = [
  'app:info',
  'settings:get',
  'settings:update',
  'deck:get',
  'deck:import',
  'deck:export',
  'deck:reset',
  'actions:perform',
  'calls:current',
  'calls:list',
  'calls:timeline',
  'events:undo',
  'hotkeys:status',
  'notes:get',
  'notes:for-call',
  'notes:save',
  'notes:search',
  'app:flushed',
  'export:preview',
  'export:run',
  'export:choose-folder',
  'export:reveal',
  'recovery:current',
  'recovery:start',
  'recovery:decline',
  'recovery:pause',
  'recovery:resume',
  'recovery:extend',
  'recovery:end',
  'day:summary',
  'backups:state',
  'backups:create',
  'backups:restore',
  'calls:pin',
  'data:export',
  'data:import',
  'data:delete-all',
  'team:state',
  'team:set-endpoint',
  'team:help',
  'team:test',
  'team:retry',
  'team:drop',
  'mic:state',
  'mic:answer',
  'about:get',
  'about:open-data-dir',
  'diagnostics:export',
  'team-report:preview',
  'team-report:write',
  'cues:caller-raised',
  'cues:save',
  'cues:for-call',
] as const
export type Channel = (typeof channels)[number]

/** Messages the host pushes to every open window. */
export const hostEvents = [
  'settings:changed',
  'deck:changed',
  'calls:changed',
  'ui:action',
  'hotkeys:changed',
  'actions:performed',
  'app:flush',
  'recovery:changed',
  'backups:changed',
  'app:restored',
  'team:changed',
  'mic:changed',
  'policy:changed',
] as const
export type HostEvent = (typeof hostEvents)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value)
}
