import type { App } from 'electron'
import path from 'node:path'

export const CALL_LINK_SCHEMES = ['tel', 'sip', 'callto'] as const

/**
 * Registers (or unregisters) CalmDeck as the OS handler for tel:, sip: and callto: links, as the
 * setting says. Off by default: the handler opens a call record in CalmDeck instead of dialling,
 * so an agent whose softphone handles these links would lose that. Where the OS decides itself
 * (e.g. a desktop that asks the user), the call only asks.
 */
export function applyCallLinks(
  app: Pick<App, 'setAsDefaultProtocolClient' | 'removeAsDefaultProtocolClient' | 'isPackaged'>,
  on: boolean,
): void {
  // An unpackaged app runs as `electron <app path>`: the OS must start it with that path.
  const args = app.isPackaged || !process.argv[1] ? [] : [path.resolve(process.argv[1])]
  for (const scheme of CALL_LINK_SCHEMES) {
    if (on) app.setAsDefaultProtocolClient(scheme, process.execPath, args)
    else app.removeAsDefaultProtocolClient(scheme, process.execPath, args)
  }
}
