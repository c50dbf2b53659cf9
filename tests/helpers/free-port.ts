import dgram from 'node:dgram'
import fs from 'node:fs'
import net from 'node:net'

/** Lowest port the kernel hands out for outgoing connections and `listen(0)` (Linux: 32768). */
function ephemeralFloor(): number {
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)
    const port = Number(low)
    return Number.isInteger(port) && port > 12_000 ? port : 32_768
  } catch {
    return 32_768
  }
}

/** Whether `port` on 127.0.0.1 can be bound now, for TCP and for UDP (SIP listens on both). */
async function bindable(port: number): Promise<boolean> {
  const tcp = await new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
  if (!tcp) return false
  return new Promise<boolean>((resolve) => {
    const socket = dgram.createSocket('udp4')
    socket.once('error', () => resolve(false))
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)))
  })
}

/**
 * `span` consecutive ports on 127.0.0.1, free now for TCP and UDP; returns the first. They are
 * chosen below the kernel's ephemeral range, so no connection made meanwhile by another test can
 * take one of them between this check and the bind of the server it is for (in that range any
 * client socket can, and did: baresip then exits with "Address already in use"). A server started
 * on it later also comes back where its clients reconnect. Programs that bind more than the port
 * they are given need a span: baresip's SIP over TLS takes the SIP port + 1.
 */
export async function freePort(span = 1): Promise<number> {
  const high = ephemeralFloor() - span
  const low = 10_000
  for (let attempt = 0; attempt < 200; attempt++) {
    const first = low + Math.floor(Math.random() * (high - low))
    let free = true
    for (let port = first; free && port < first + span; port++) free = await bindable(port)
    if (free) return first
  }
  throw new Error(`no ${span} free consecutive ports found on 127.0.0.1 between ${low} and ${high + span}`)
}
