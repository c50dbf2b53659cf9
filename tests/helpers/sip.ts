import { spawnSync } from 'node:child_process'
import dgram from 'node:dgram'
import net from 'node:net'

/** The path of a program the softphone tests need; without it they fail (they never skip). */
export function requireTool(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  if (!found) {
    throw new Error(
      `${name} is not installed: this integration test needs real baresip and sipp ` +
        '(Debian: apt-get install baresip-core sip-tester; .ci/run installs them).',
    )
  }
  return found
}

/** A port free for both TCP and UDP on 127.0.0.1 (SIP listens on both). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer()
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = dgram.createSocket('udp4')
      socket.once('error', () => resolve(false))
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)))
    })
    if (udpFree) return port
  }
  throw new Error('no free port found')
}
