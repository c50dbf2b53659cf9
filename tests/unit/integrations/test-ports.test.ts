/**
 * The ports the softphone tests hand to baresip and sipp. A port from the kernel's ephemeral range
 * can be taken by any test's outgoing connection before baresip binds it; baresip then exits
 * with "Address already in use" (and it binds the SIP port + 1 for TLS besides).
 */
import fs from 'node:fs'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../helpers/free-port'
import { baresipSipPort, sippMediaPort } from '../../helpers/sip'

const ephemeralLow = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

describe('freePort', () => {
  it('chooses below the ephemeral range, so no outgoing connection can take the port meanwhile', async () => {
    for (let i = 0; i < 20; i++) expect(await freePort()).toBeLessThan(ephemeralLow)
  })

  it('gives a span of consecutive ports that can all be bound', async () => {
    const first = await baresipSipPort()
    const servers = [await listen(first), await listen(first + 1)]
    for (const server of servers) server.close()
    const media = await sippMediaPort()
    expect(media + 2).toBeLessThan(ephemeralLow)
    const more = await Promise.all([0, 1, 2].map((offset) => listen(media + offset)))
    for (const server of more) server.close()
  })
})
