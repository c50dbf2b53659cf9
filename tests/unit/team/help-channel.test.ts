import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { teamMessageSchema, type TeamState } from '../../../shared/team'
import { adaptiveCardProblems } from '../../helpers/adaptive-card'
import { testServices, type TestServices } from '../../helpers/services'
import { teamReceiver, type TeamReceiver } from '../../helpers/team-receiver'
import { tempDir } from '../../helpers/temp-dir'
import { waitFor } from '../../helpers/wait-for'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const NUMBER = '+31 20 555 0123'
const NOTE = 'Customer threatened to come to the shop'

async function setup(kind: 'teams' | 'slack' | 'webhook' = 'teams', secret?: string) {
  const receiver = await teamReceiver()
  const logs: string[] = []
  const services = testServices(Date.now, undefined, {
    teamBackoff: { firstMs: 50, maxMs: 200 },
    log: (line) => logs.push(line),
  })
  cleanups.push(
    () => receiver.stop(),
    () => services.dispose(),
  )
  services.settings.update({ agentName: 'Sanne', callerNumber: 'full' })
  services.team.setEndpoint({ kind, url: receiver.url, ...(secret === undefined ? {} : { secret }) })
  return { receiver, services, logs }
}

/** A hard call with a number, a boundary warning, anger rising and a note. */
function hardCall(services: TestServices): number {
  const { call } = services.calls.start({ source: 'window', number: NUMBER })
  services.actions.perform('log:anger-rising', 'hotkey')
  services.actions.perform('log:boundary-warning', 'hotkey')
  services.notes.save({ callId: call!.id, whatHappened: NOTE, callerWants: '', resolved: '', freeText: '', items: [] })
  return call!.id
}

const latestTeamState = (services: TestServices): TeamState =>
  services.events.filter((e) => e.event === 'team:changed').at(-1)!.data as TeamState

/** No part of the caller's number (its last 7 digits) and no note text. */
function expectNothingPersonal(body: string): void {
  expect(body).not.toContain('5550123')
  expect(body).not.toContain('555 0123')
  expect(body).not.toContain(NOTE)
}

describe('ask for help: Teams', () => {
  it('posts one valid Adaptive Card with name, time, call length and flags; no number, no note', async () => {
    const { receiver, services } = await setup('teams')
    hardCall(services)
    const outcome = services.actions.perform('help-request', 'hotkey')
    expect(outcome).toMatchObject({ type: 'help-requested', item: { type: 'help', status: 'pending' } })
    const [post] = await receiver.waitFor(1)
    await services.team.outbox.idle()
    expect(receiver.posts).toHaveLength(1)
    expect(post!.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(post!.body)
    expect(body.type).toBe('message')
    expect(body.attachments).toHaveLength(1)
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive')
    const card = body.attachments[0].content
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' })
    expect(adaptiveCardProblems(card)).toEqual([])
    expect(card.body[0].text).toBe('Sanne asks for help')
    const facts = Object.fromEntries(
      card.body[1].facts.map((f: { title: string; value: string }) => [f.title, f.value]),
    )
    expect(facts['Flags']).toBe('Anger rising, Boundary warning given')
    expect(facts['Hard call']).toBe('yes')
    expect(facts['Time']).toMatch(/^\d\d:\d\d$/)
    expect(facts['Call running']).toMatch(/^0:0\d$/)
    expectNothingPersonal(post!.body)
    expect(services.team.state().help).toMatchObject({ status: 'sent', attempts: 1 })
    expect(latestTeamState(services).help?.status).toBe('sent')
  })

  it('carries the typed line and, only when ticked, the note with phone numbers masked', async () => {
    const { receiver, services } = await setup('teams')
    const callId = hardCall(services)
    services.notes.save({
      callId,
      whatHappened: `${NOTE}, call back on 020 555 0199`,
      callerWants: '',
      resolved: '',
      freeText: '',
      items: [],
    })
    await services.dispatch('team:help', { text: 'Please listen in', includeNote: false })
    await services.dispatch('team:help', { text: '', includeNote: true })
    const [plain, withNote] = await receiver.waitFor(2)
    expect(plain!.body).toContain('Please listen in')
    expectNothingPersonal(plain!.body)
    const card = JSON.parse(withNote!.body).attachments[0].content
    expect(adaptiveCardProblems(card)).toEqual([])
    expect(withNote!.body).toContain(NOTE)
    expect(withNote!.body).toContain('[phone]')
    expect(withNote!.body).not.toContain('555 0199')
    expect(withNote!.body).not.toContain('5550123')
  })

  it('sends the same request when "supervisor requested" is logged, if Settings say so', async () => {
    const { receiver, services } = await setup('teams')
    services.calls.start({ source: 'window' })
    services.actions.perform('log:supervisor-requested', 'hotkey')
    await services.team.outbox.idle()
    expect(receiver.posts).toHaveLength(0)
    services.settings.update({ teamHelpOnSupervisor: true })
    services.actions.perform('log:supervisor-requested', 'window')
    const [post] = await receiver.waitFor(1)
    expect(post!.body).toContain('a \\"supervisor requested\\" event')
    expect(post!.body).toContain('Supervisor requested')
  })
})

describe('ask for help: Slack and the generic webhook', () => {
  it('Slack gets text and Block Kit blocks, with mrkdwn escaped', async () => {
    const { receiver, services } = await setup('slack')
    hardCall(services)
    await services.dispatch('team:help', { text: '<!channel> now & quick', includeNote: false })
    const [post] = await receiver.waitFor(1)
    const body = JSON.parse(post!.body)
    expect(body.text).toBe('Sanne asks for help')
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Sanne asks for help', emoji: false },
    })
    expect(body.blocks[1].type).toBe('section')
    expect(body.blocks[1].fields).toContainEqual({
      type: 'mrkdwn',
      text: '*Flags*\nAnger rising, Boundary warning given',
    })
    expect(body.blocks[2].text.text).toBe('*Message*\n&lt;!channel&gt; now &amp; quick')
    expectNothingPersonal(post!.body)
  })

  it('the generic webhook gets the documented body, the idempotency key and a valid signature', async () => {
    const { receiver, services } = await setup('webhook', 's3cret')
    hardCall(services)
    services.actions.perform('help-request', 'window')
    const [post] = await receiver.waitFor(1)
    const body = JSON.parse(post!.body)
    expect(body).toMatchObject({ format: 'calmdeck.team-message', version: 1 })
    expect(body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(post!.headers['idempotency-key']).toBe(body.idempotencyKey)
    const message = teamMessageSchema.parse(body.message)
    expect(message).toMatchObject({
      type: 'help',
      agent: 'Sanne',
      trigger: 'window',
      hard: true,
      note: null,
      text: null,
    })
    const expected = createHmac('sha256', 's3cret').update(post!.body).digest('hex')
    expect(post!.headers['x-calmdeck-signature']).toBe(`sha256=${expected}`)
    const wrong = createHmac('sha256', 'other').update(post!.body).digest('hex')
    expect(post!.headers['x-calmdeck-signature']).not.toBe(`sha256=${wrong}`)
    expectNothingPersonal(post!.body)
  })

  it('sends no signature without a shared secret', async () => {
    const { receiver, services } = await setup('webhook')
    await services.dispatch('team:test', {})
    const [post] = await receiver.waitFor(1)
    expect(post!.headers['x-calmdeck-signature']).toBeUndefined()
    expect(JSON.parse(post!.body).message).toMatchObject({ type: 'test', agent: 'Sanne' })
  })
})

describe('the team channel URL', () => {
  it('takes https, and http only to this computer; shows it masked; never logs it', async () => {
    const { receiver, services, logs } = await setup('teams')
    for (const url of ['http://example.org/hook', 'ftp://example.org/x', 'https://user:pw@example.org/x', 'nonsense']) {
      const result = await services.dispatch('team:set-endpoint', { kind: 'slack', url })
      expect(result, url).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
      if (!result.ok) expect(result.error.message).not.toContain('example.org')
    }
    const set = await services.dispatch('team:set-endpoint', {
      kind: 'teams',
      url: 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRET',
    })
    expect(set).toMatchObject({
      ok: true,
      value: { endpoint: { kind: 'teams', maskedUrl: 'https://prod-12.westeurope.logic.azure.com/…' } },
    })
    expect(JSON.stringify(set)).not.toContain('SECRET')
    expect(JSON.stringify(await services.dispatch('settings:get', {}))).not.toContain('SECRET')
    // Failures are logged by reason only.
    services.team.setEndpoint({ kind: 'teams', url: receiver.url })
    receiver.respond = () => ({ status: 500 })
    services.actions.perform('help-request', 'window')
    await receiver.waitFor(2)
    expect(logs.some((line) => line.includes('HTTP 500'))).toBe(true)
    expect(logs.join('\n')).not.toContain('secret-path')
    expect(JSON.stringify(services.events)).not.toContain('secret-path')
  })

  it('refuses a help request while no channel is set, and queues nothing', async () => {
    const { services } = await setup('teams')
    services.team.setEndpoint({ kind: null })
    expect(() => services.actions.perform('help-request', 'hotkey')).toThrow(/No team channel/)
    expect(services.team.state()).toMatchObject({ endpoint: null, help: null, pending: 0 })
  })
})

describe('nothing lost on the way', () => {
  it('receiver down: "retrying"; receiver back: delivered exactly once', async () => {
    const { receiver, services } = await setup('webhook')
    await receiver.stop()
    services.actions.perform('help-request', 'hotkey')
    await services.team.outbox.idle()
    expect(services.team.state().help).toMatchObject({ status: 'pending', retrying: true, error: 'no connection' })
    await waitFor('a second attempt', () => services.team.state().help!.attempts > 1)
    await receiver.start()
    await receiver.waitFor(1)
    // Once it is marked sent, nothing sends it again.
    await waitFor('the request marked sent', () => services.team.state().help?.status === 'sent')
    await services.team.outbox.idle()
    expect(receiver.posts).toHaveLength(1)
    expect(services.team.state().help).toMatchObject({ status: 'sent', retrying: false, error: null })
  })

  it('429 with Retry-After waits that long, then delivers', async () => {
    const { receiver, services } = await setup('slack')
    receiver.respond = () =>
      receiver.posts.length === 1 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200 }
    services.actions.perform('help-request', 'hotkey')
    const [first, second] = await receiver.waitFor(2, 5000)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    expect(second!.body).toBe(first!.body)
    await services.team.outbox.idle()
    expect(services.team.state().help).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('410 is shown as failed with the reason, and can be retried or dropped', async () => {
    const { receiver, services } = await setup('teams')
    receiver.respond = () => ({ status: 410 })
    services.actions.perform('help-request', 'hotkey')
    services.actions.perform('help-request', 'hotkey')
    await receiver.waitFor(2)
    await services.team.outbox.idle()
    const state = services.team.state()
    expect(state.help).toMatchObject({ status: 'failed', error: 'HTTP 410' })
    expect(state.failed.map((item) => item.error)).toEqual(['HTTP 410', 'HTTP 410'])
    expect(state.pending).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(receiver.posts).toHaveLength(2)

    receiver.respond = () => ({ status: 200 })
    const [newer, older] = state.failed
    await services.dispatch('team:retry', { id: older!.id })
    await receiver.waitFor(3)
    await services.team.outbox.idle()
    const dropped = await services.dispatch('team:drop', { id: newer!.id })
    expect(dropped).toMatchObject({ ok: true, value: { failed: [] } })
    expect(services.team.outbox.item(older!.id).status).toBe('sent')
    expect(services.team.outbox.item(newer!.id).status).toBe('dropped')
    expect(await services.dispatch('team:retry', { id: newer!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('never follows a redirect (it could carry the body to another host)', async () => {
    const { receiver, services } = await setup('webhook')
    const elsewhere = await teamReceiver()
    cleanups.push(() => elsewhere.stop())
    receiver.respond = () => ({ status: 307, headers: { Location: elsewhere.url } })
    services.actions.perform('help-request', 'hotkey')
    await receiver.waitFor(1)
    await services.team.outbox.idle()
    expect(services.team.state().help).toMatchObject({ status: 'failed', error: 'HTTP 307 (redirect not followed)' })
    expect(elsewhere.posts).toHaveLength(0)
  })

  it('messages queued by a host that is SIGKILLed are delivered after the restart, once each', async () => {
    const receiver: TeamReceiver = await teamReceiver()
    const url = receiver.url
    await receiver.stop()
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../helpers/team-queue.ts'), dir, url, '3'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the queueing host did not start')), 20_000)
      child.stdout.on('data', (chunk: Buffer) => {
        clearTimeout(timer)
        resolve(chunk.toString())
      })
      child.once('exit', (code) => reject(new Error(`the queueing host exited (${code})`)))
    })
    expect(line.trim()).toBe('queued 3')
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited

    await receiver.start()
    cleanups.push(() => receiver.stop())
    const services = testServices(Date.now, dir, { teamBackoff: { firstMs: 50, maxMs: 200 } })
    cleanups.push(() => services.close())
    services.team.start()
    await receiver.waitFor(3)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await services.team.outbox.idle()
    expect(receiver.posts).toHaveLength(3)
    const keys = receiver.posts.map((post) => post.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(3)
    expect(services.team.state()).toMatchObject({ pending: 0, help: { status: 'sent' } })
  })
})
