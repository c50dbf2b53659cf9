/**
 * The policy file read again while running: the web host with `policyFile`, a real file written
 * on disk (and replaced, as deployment tools do), the change seen through fs.watch and applied
 * to the services and to a connected window (its WebSocket gets `policy:changed` and
 * `settings:changed`).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from '../../../electron/web/server'
import { defaultDeck } from '../../../shared/default-deck'
import { waitFor } from '../../helpers/pulse'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function page(host: WebHost): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path: '/' }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve(body))
      })
      .on('error', reject)
  })
}

async function start(): Promise<{
  host: WebHost
  file: string
  dir: string
  events: { event: string; data: unknown }[]
}> {
  const data = tempDir()
  const renderer = tempDir()
  const policy = tempDir()
  cleanups.push(data.cleanup, renderer.cleanup, policy.cleanup)
  fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const file = path.join(policy.dir, 'policy.json')
  fs.writeFileSync(file, JSON.stringify({ locked: { theme: 'dark' } }))
  const host = await startWebHost({
    port: 0,
    apiPort: 0,
    dataDir: data.dir,
    rendererDir: renderer.dir,
    version: 'test',
    policyFile: file,
    policyDebounceMs: 50,
  })
  cleanups.push(() => host.close())
  const token = /name="calmdeck-bridge" content="([^"]+)"/.exec(await page(host))?.[1] ?? ''
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, {
    headers: { Origin: `http://127.0.0.1:${host.port}` },
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        ws.once('close', () => resolve())
        ws.close()
      }),
  )
  const events: { event: string; data: unknown }[] = []
  ws.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as { event?: string; data?: unknown }
    if (message.event) events.push({ event: message.event, data: message.data })
  })
  return { host, file, dir: policy.dir, events }
}

describe('the policy file changing while running', () => {
  it('applies a new lock, preset and deck at once and tells the window', async () => {
    const { host, file, dir, events } = await start()
    expect(host.services.settings.get().theme).toBe('dark')

    fs.writeFileSync(path.join(dir, 'team.json'), JSON.stringify({ ...defaultDeck, id: 'team-deck' }))
    // Replaced, not written in place: a new file renamed over the old one.
    fs.writeFileSync(`${file}.new`, JSON.stringify({ locked: { callerNumber: 'off' }, deck: 'team.json' }))
    fs.renameSync(`${file}.new`, file)

    await waitFor('the new policy', () => host.services.info.policy.locked.includes('callerNumber'))
    expect(host.services.info.policy).toMatchObject({ locked: ['callerNumber'], deck: true, issues: [] })
    expect(host.services.settings.get()).toMatchObject({ theme: 'system', callerNumber: 'off' })
    expect(host.services.decks.get()).toMatchObject({ source: 'policy', deck: { id: 'team-deck' } })
    expect(await host.services.dispatch('settings:update', { callerNumber: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    })
    expect(await host.services.dispatch('settings:update', { theme: 'light' })).toMatchObject({ ok: true })
    await waitFor('the window told', () => events.some((item) => item.event === 'policy:changed'))
    expect(events.find((item) => item.event === 'policy:changed')?.data).toMatchObject({ locked: ['callerNumber'] })
    expect(events.some((item) => item.event === 'settings:changed')).toBe(true)
    expect(events.some((item) => item.event === 'deck:changed')).toBe(true)
  })

  it('reports a problem with its path; a file that is not JSON keeps the policy in force; a removed file lifts it', async () => {
    const { host, file } = await start()
    fs.writeFileSync(file, JSON.stringify({ locked: { theme: 'dark', opacity: 'solid' } }))
    await waitFor('the problem', () => host.services.info.policy.issues.length > 0)
    expect(host.services.info.policy.issues.map((issue) => issue.path)).toEqual(['locked.opacity'])

    fs.writeFileSync(file, '{"locked": {"theme": ')
    await waitFor('the broken file', () => host.services.info.policy.issues.some((issue) => issue.path === '(root)'))
    expect(host.services.info.policy.locked).toEqual(['theme'])
    expect(host.services.settings.get().theme).toBe('dark')

    fs.rmSync(file)
    await waitFor('no policy', () => host.services.info.policy.locked.length === 0)
    expect(host.services.info.policy.issues).toEqual([])
  })
})
