/** `host:port`, `[ipv6]:port`: a TCP address as typed in Settings. Kept free of zod for the renderer. */
export interface HostPort {
  host: string
  port: number
}

export function parseHostPort(text: string): HostPort | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]{1,253})):(\d{1,5})$/.exec(text.trim())
  if (!match) return null
  const port = Number(match[3])
  if (port < 1 || port > 65535) return null
  return { host: match[1] ?? match[2] ?? '', port }
}
